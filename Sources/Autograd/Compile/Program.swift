/// A recorded computation compiled for replay: the ops that make `outputs` from `inputs`,
/// as a list of instructions over memory allocated once.
///
/// Record a computation once with the engine (for gradients, run the sweep with
/// `createGraph: true`, so that the backward pass is recorded too), then compile it from its
/// inputs to its outputs. Each `run()` evaluates the same primitives with the same kernels
/// as the eager ops, in the same order, so it gives the same bits, without building a
/// graph, allocating or looking anything up. This is what makes a training step on a small
/// network cost microseconds.
///
/// Every leaf the outputs depend on is either one of `inputs`, whose values the caller
/// writes (`input(_:)`) or binds (`bind(input:to:)`) before each run (they start with the
/// values they had when compiled), or a constant, whose values are copied in at compile
/// time. So any value that changes between runs must be an
/// input: a tensor computed from an input by anything but a recorded op would be frozen.
/// The rewrites all keep the bits: a transpose feeding a matrix product becomes the product's
/// reading of its operand; chains of element-wise ops, and a product with its bias row and
/// tanh, become one instruction each (see `ProgramBuilder+Fusion`, `+Epilogues`); and
/// instructions no output needs are dropped.
public final class Program<Scalar: TensorScalar> {
  /// The instructions, in memory the program holds rather than an array: a run reading an
  /// array property retained and released its storage, and checked exclusive access to it.
  @usableFromInline let instructions: UnsafeMutableBufferPointer<ProgramInstruction<Scalar>>
  /// Where each slot's values live: in `arena`, or memory bound by the caller.
  @usableFromInline let addresses: UnsafeMutablePointer<UnsafeMutablePointer<Scalar>>
  @usableFromInline let slotCounts: [Int]
  @usableFromInline let inputSlots: [Int]
  @usableFromInline let outputSlots: [Int]
  let arena: UnsafeMutablePointer<Scalar>
  /// The elements of memory the program holds for its slots.
  public let memoryCount: Int
  /// The most threads a large matrix product may use; results do not depend on it.
  public var threads: Int {
    get { threadCount }
    set { threadCount = newValue }
  }
  // Exempt from the runtime's exclusivity checks, which cost a `swift_beginAccess` call (a
  // thread-local lookup and an access-set insert) at every step; a program is used by one
  // thread at a time. Behind accessors compiled here: the attribute is not honoured by code
  // that reaches a stored property from another module (the trainer's, in NetTrain).
  @exclusivity(unchecked) var threadCount: Int

  /// Whether a run would put more than one thread to work (some matrix product is large
  /// enough) if it may use `threads`.
  public func splitsWork(onUpTo threads: Int) -> Bool {
    instructions.contains { $0.threadsUsed(of: threads) > 1 }
  }

  /// Compiles the recorded computation of `outputs` from `inputs`.
  ///
  /// - Parameters:
  ///   - inputs: leaves whose values change from run to run (data, parameters).
  ///   - outputs: the tensors each run computes, from recorded ops, inputs or constants.
  ///   - bindings: inputs (by index) read from the caller's memory from the start, as
  ///     `bind(input:to:)` does; the program holds no memory for them.
  public init(
    inputs: [Tensor<Scalar>], outputs: [Tensor<Scalar>], threads: Int = 1,
    bindings: [Int: UnsafeMutablePointer<Scalar>] = [:]
  ) {
    var builder = ProgramBuilder(inputs: inputs, outputs: outputs)
    builder.fuseElementwiseChains()
    builder.fuseMatmulEpilogues()
    builder.dropUnusedInstructions()
    let bound = Set(bindings.keys.map { builder.inputSlots[$0] })
    let layout = builder.layout(excluding: bound)
    let arena = Kernels.allocateHugePageBacked(Scalar.self, capacity: max(layout.total, 1))
    arena.initialize(repeating: 0, count: max(layout.total, 1))
    let addresses = UnsafeMutablePointer<UnsafeMutablePointer<Scalar>>.allocate(
      capacity: max(builder.slotCounts.count, 1))
    for (slot, offset) in layout.offsets.enumerated() {
      (addresses + slot).initialize(to: arena + offset)
    }
    for (slot, values) in builder.constants where !bound.contains(slot) {
      (arena + layout.offsets[slot]).update(from: values, count: values.count)
    }
    for (index, memory) in bindings { addresses[builder.inputSlots[index]] = memory }
    self.arena = arena
    memoryCount = layout.total
    self.addresses = addresses
    instructions = .allocate(capacity: builder.instructions.count)
    _ = instructions.initialize(fromContentsOf: builder.instructions)
    slotCounts = builder.slotCounts
    inputSlots = builder.inputSlots
    outputSlots = builder.outputSlots
    threadCount = threads
  }

  deinit {
    instructions.deinitialize()
    instructions.deallocate()
    arena.deallocate()
    addresses.deallocate()
  }

  /// The number of instructions a run executes.
  public var instructionCount: Int { instructions.count }

  /// The memory of input `index`, to write its values before a run.
  @inlinable
  public func input(_ index: Int) -> UnsafeMutableBufferPointer<Scalar> {
    let slot = inputSlots[index]
    return UnsafeMutableBufferPointer(start: addresses[slot], count: slotCounts[slot])
  }

  /// Reads input `index` from `memory` from now on, instead of from the program's own memory.
  /// `memory` must hold the input's element count and outlive every later run.
  public func bind(input index: Int, to memory: UnsafeMutablePointer<Scalar>) {
    addresses[inputSlots[index]] = memory
  }

  /// The values of output `index` after the last run.
  @inlinable
  public func output(_ index: Int) -> UnsafeBufferPointer<Scalar> {
    let slot = outputSlots[index]
    return UnsafeBufferPointer(start: addresses[slot], count: slotCounts[slot])
  }

  /// Makes each run take a plain gradient descent step, `input -= rate · output` element by
  /// element (the same bits as that loop after the run), inside the matrix product that
  /// computes `output`: each block of it is subtracted as soon as it is computed, in cache (in
  /// a large product, tile by tile from L1), by the thread that computed it. The output itself
  /// is then no longer kept: after a run its values are undefined (reading them is not an
  /// error, but they need not be the gradient).
  ///
  /// - Returns: whether it did; false (and nothing changes) unless `output` comes from a
  ///   matrix product with the input's element count that no instruction reads, and nothing
  ///   after that product (nor the product itself) reads `input`, which must not be an output.
  public func subtract(_ rate: Scalar, timesOutput output: Int, fromInput input: Int) -> Bool {
    let (target, result) = (inputSlots[input], outputSlots[output])
    guard !outputSlots.contains(target),
      let index = instructions.lastIndex(where: { $0.output == result }),
      case .matmul(let a, let b) = instructions[index].primitive,
      slotCounts[target] == instructions[index].shape.count,
      !instructions[index...].contains(where: { $0.operands.contains(target) }),
      !instructions.contains(where: { $0.operands.contains(result) })
    else { return false }
    instructions[index].primitive = .matmulDescent(a, b, rate: rate)
    (instructions[index].z, instructions[index].isTernary) = (target, true)
    instructions[index].zShape = instructions[index].shape
    return true
  }

  /// Evaluates every instruction once, in order.
  @inlinable
  public func run() {
    let none = UnsafeBufferPointer<Scalar>(start: nil, count: 0)
    let threads = self.threads  // once, not once an instruction: a call (see `threadCount`)
    for instruction in instructions {
      let x = UnsafeBufferPointer(
        start: addresses[instruction.x], count: instruction.xShape.count)
      let y = instruction.isBinary
        ? UnsafeBufferPointer(start: addresses[instruction.y], count: instruction.yShape.count)
        : none
      let z = instruction.isTernary
        ? UnsafeBufferPointer(start: addresses[instruction.z], count: instruction.zShape.count)
        : none
      let out = UnsafeMutableBufferPointer(
        start: addresses[instruction.output], count: instruction.shape.count)
      // One call site, inlined (see `Primitive.evaluate`); the two-operand primitives
      // ignore `z`.
      instruction.primitive.evaluate(
        x, instruction.xShape, y, instruction.yShape, z, into: out, instruction.shape,
        threads: threads)
    }
  }
}
