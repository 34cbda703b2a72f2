// Fusion: chains of element-wise instructions become one instruction that does the same
// arithmetic, element by element in the same order, in one pass (so the same bits). An
// intermediate that nothing else reads is then dropped with the other unused instructions.

extension ProgramBuilder {
  /// Rewrites, in place:
  /// - `a ∘ broadcast(v)` (and `broadcast(v) + a`, `broadcast(v) · a`) into `a ∘ v` read in
  ///   place (`addBroadcast`, …), so that the broadcast is never written out;
  /// - `g · (1 − y · y)`, the backward pass of tanh, into `multiplyByOneMinusSquare(g, y)`.
  mutating func fuseElementwiseChains() {
    var producer: [Int: Int] = [:]  // slot → the instruction that writes it
    for index in instructions.indices {
      let instruction = instructions[index]
      if let fused = readingBroadcastInPlace(instruction, producer)
        ?? multiplyingByOneMinusSquare(instruction, producer)
      {
        instructions[index] = fused
      }
      producer[instruction.output] = index
    }
  }

  /// `a ∘ broadcast(v)` as `a ∘ v` with `v` read in place, or nil when it is not that.
  private func readingBroadcastInPlace(
    _ instruction: ProgramInstruction<Scalar>,
    _ producer: [Int: Int]
  ) -> ProgramInstruction<Scalar>? {
    func writer(_ slot: Int) -> ProgramInstruction<Scalar>? { producer[slot].map { instructions[$0] } }
    guard instruction.isBinary, instruction.xShape == instruction.shape,
      instruction.yShape == instruction.shape
    else { return nil }
    let fusedPrimitive: Primitive<Scalar>
    let commutes: Bool
    switch instruction.primitive {
    case .add: (fusedPrimitive, commutes) = (.addBroadcast, true)
    case .multiply: (fusedPrimitive, commutes) = (.multiplyBroadcast, true)
    case .subtract: (fusedPrimitive, commutes) = (.subtractBroadcast, false)
    case .divide: (fusedPrimitive, commutes) = (.divideBroadcast, false)
    default: return nil
    }
    func broadcastSource(_ slot: Int) -> ProgramInstruction<Scalar>? {
      guard let source = writer(slot), case .broadcast = source.primitive,
        source.shape == instruction.shape
      else { return nil }
      return source
    }
    var fused = instruction
    fused.primitive = fusedPrimitive
    if let broadcast = broadcastSource(instruction.y) {
      (fused.y, fused.yShape) = (broadcast.x, broadcast.xShape)
    } else if commutes, let broadcast = broadcastSource(instruction.x) {
      // a + b and a · b are the same bits as b + a and b · a.
      (fused.x, fused.y, fused.yShape) = (instruction.y, broadcast.x, broadcast.xShape)
    } else {
      return nil
    }
    return fused
  }

  /// `g · (1 − y · y)` (either factor first) as `multiplyByOneMinusSquare(g, y)`, or nil.
  private func multiplyingByOneMinusSquare(
    _ instruction: ProgramInstruction<Scalar>,
    _ producer: [Int: Int]
  ) -> ProgramInstruction<Scalar>? {
    func writer(_ slot: Int) -> ProgramInstruction<Scalar>? { producer[slot].map { instructions[$0] } }
    guard case .multiply = instruction.primitive else { return nil }
    func squaredSource(_ slot: Int) -> Int? {
      guard let oneMinus = writer(slot), case .subtractFromScalar(let one) = oneMinus.primitive,
        one == 1, let square = writer(oneMinus.x), case .multiply = square.primitive,
        square.x == square.y
      else { return nil }
      return square.x
    }
    var fused = instruction
    fused.primitive = .multiplyByOneMinusSquare
    if let y = squaredSource(instruction.y) {
      fused.y = y
    } else if let y = squaredSource(instruction.x) {
      (fused.x, fused.y) = (instruction.y, y)  // g · u is the same bits as u · g
    } else {
      return nil
    }
    fused.yShape = fused.xShape
    return fused
  }
}
