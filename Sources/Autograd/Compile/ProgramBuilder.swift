/// Turns a recorded graph into a program's instructions and slots (see `Program`).
///
/// Every node gets a slot, except a reshape, which shares its input's slot (the same
/// elements in another shape). Slots are numbered in graph order, inputs first.
struct ProgramBuilder<Scalar: TensorScalar> {
  var instructions: [ProgramInstruction<Scalar>] = []
  private(set) var slotCounts: [Int] = []
  /// Constant leaves and the inputs' starting values: slot and values.
  private(set) var constants: [(slot: Int, values: [Scalar])] = []
  private(set) var inputSlots: [Int] = []
  var outputSlots: [Int] = []
  private var slotOfNode: [ObjectIdentifier: Int] = [:]
  /// The slots a run reads or writes: inputs, and what the outputs depend on.
  private var liveSlots: Set<Int> = []

  init(inputs: [Tensor<Scalar>], outputs: [Tensor<Scalar>]) {
    for input in inputs {
      precondition(input.isLeaf, "a program input must be a leaf, not the output of an op")
      precondition(slotOfNode[ObjectIdentifier(input)] == nil, "an input listed twice")
      let slot = newSlot(for: input)
      inputSlots.append(slot)
      constants.append((slot, input.scalars))  // the starting values, until the caller's
    }
    for node in ProgramGraph(outputs: outputs).nodes where slotOfNode[ObjectIdentifier(node)] == nil {
      add(node)
    }
    outputSlots = outputs.map { slot(of: $0) }
  }

  private func slot(of node: Tensor<Scalar>) -> Int {
    guard let slot = slotOfNode[ObjectIdentifier(node)] else {
      preconditionFailure("a node compiled before its input")
    }
    return slot
  }

  private mutating func newSlot(for node: Tensor<Scalar>) -> Int {
    slotCounts.append(node.shape.count)
    slotOfNode[ObjectIdentifier(node)] = slotCounts.count - 1
    return slotCounts.count - 1
  }

  private mutating func add(_ node: Tensor<Scalar>) {
    guard let primitive = node.primitive else {
      constants.append((newSlot(for: node), node.scalars))
      return
    }
    let operands = node.inputs
    if case .reshape = primitive {
      slotOfNode[ObjectIdentifier(node)] = slot(of: operands[0])
      return
    }
    var instruction = ProgramInstruction(
      primitive: primitive, x: slot(of: operands[0]), xShape: operands[0].shape,
      y: operands.count == 2 ? slot(of: operands[1]) : nil,
      yShape: operands.count == 2 ? operands[1].shape : nil,
      output: newSlot(for: node), shape: node.shape)
    if case .matmul = primitive { readTransposesInPlace(&instruction, operands) }
    instructions.append(instruction)
  }

  /// A product of a transpose reads the transpose's input transposed instead, so that the
  /// transpose (no longer needed) is dropped. The product's elements are the same sums.
  private func readTransposesInPlace(
    _ instruction: inout ProgramInstruction<Scalar>, _ operands: [Tensor<Scalar>]
  ) {
    var layouts = (MatrixLayout.normal, MatrixLayout.normal)
    if let source = transposeSource(operands[0]) {
      (instruction.x, instruction.xShape, layouts.0) = (slot(of: source), source.shape, .transposed)
    }
    if let source = transposeSource(operands[1]) {
      (instruction.y, instruction.yShape, layouts.1) = (slot(of: source), source.shape, .transposed)
    }
    instruction.primitive = .matmul(layouts.0, layouts.1)
  }

  private func transposeSource(_ node: Tensor<Scalar>) -> Tensor<Scalar>? {
    guard case .transpose = node.primitive else { return nil }
    return node.inputs[0]
  }

  /// Drops the instructions whose output no output depends on.
  mutating func dropUnusedInstructions() {
    var needed = Set(outputSlots)
    var kept: [ProgramInstruction<Scalar>] = []
    for instruction in instructions.reversed() where needed.contains(instruction.output) {
      kept.append(instruction)
      needed.formUnion(instruction.operands)
    }
    instructions = kept.reversed()
    liveSlots = needed.union(inputSlots)
    constants.removeAll { !liveSlots.contains($0.slot) }
  }

  /// Where each slot starts in one block of memory, and the block's size. Inputs, constants
  /// and outputs keep their memory for the whole run; every other slot holds its block only
  /// from the instruction that writes it to its last reader, after which a later slot of the
  /// same size reuses it (an instruction's output never shares memory with its operands).
  /// Blocks are whole cache lines (`Kernels.wholeCacheLines`), so each starts on one in a
  /// block of memory from `Kernels.allocateHugePageBacked`; dead slots, and the `excluded`
  /// ones (inputs in the caller's memory), take no memory.
  func layout(excluding excluded: Set<Int> = []) -> (offsets: [Int], total: Int) {
    func size(_ slot: Int) -> Int { Kernels.wholeCacheLines(slotCounts[slot], of: Scalar.self) }
    var offsets = [Int](repeating: 0, count: slotCounts.count)
    var total = 0
    let permanent = Set(inputSlots).union(constants.map(\.slot)).union(outputSlots)
    for slot in permanent.sorted() where liveSlots.contains(slot) && !excluded.contains(slot) {
      offsets[slot] = total
      total += size(slot)
    }
    var lastUse: [Int: Int] = [:]
    for (index, instruction) in instructions.enumerated() {
      for operand in instruction.operands { lastUse[operand] = index }
    }
    var free: [Int: [Int]] = [:]  // block size → offsets of free blocks
    for (index, instruction) in instructions.enumerated() {
      let slot = instruction.output
      if !permanent.contains(slot) {
        if let offset = free[size(slot)]?.popLast() {
          offsets[slot] = offset
        } else {
          offsets[slot] = total
          total += size(slot)
        }
      }
      for operand in Set(instruction.operands) where !permanent.contains(operand) && lastUse[operand] == index {
        free[size(operand), default: []].append(offsets[operand])
      }
    }
    return (offsets, total)
  }
}
