// Dense layers in one instruction: a matrix product, the bias row added to it and the tanh
// after it become one `matmulAddRow`, whose product finishes each block in cache (same bits;
// see `MatmulEpilogue`); on the way back, a product and the slope of the tanh it goes through
// become one `matmulTanhSlope`. Run after `fuseElementwiseChains`, which turns the bias's
// broadcast into `addBroadcast` and tanh's backward pass into `multiplyByOneMinusSquare`.

extension ProgramBuilder {
  /// Rewrites `matmul(a, b) + broadcast(row)` into `matmulAddRow(a, b, row)`, a tanh of
  /// that into `matmulAddRow(…, tanh: true)`, and `matmul(a, b) · (1 − y · y)` into
  /// `matmulTanhSlope(a, b, y)`, where nothing else reads the intermediate.
  mutating func fuseMatmulEpilogues() {
    var readers: [Int: Int] = [:]  // slot → the instructions reading it
    for instruction in instructions {
      for operand in instruction.operands { readers[operand, default: 0] += 1 }
    }
    let outputs = Set(outputSlots)
    var producer: [Int: Int] = [:]
    for index in instructions.indices {
      let instruction = instructions[index]
      let source = producer[instruction.x].map { instructions[$0] }
      if let source, readers[source.output] == 1, !outputs.contains(source.output),
        let fused = Self.withEpilogue(instruction, after: source)
      {
        instructions[index] = fused
      }
      producer[instruction.output] = index
    }
  }

  /// `instruction`, which reads `source`'s output as its first operand, folded into
  /// `source`: an added row into a product, a tanh into a product with its row, tanh's slope
  /// into a product; else nil.
  private static func withEpilogue(
    _ instruction: ProgramInstruction<Scalar>, after source: ProgramInstruction<Scalar>
  ) -> ProgramInstruction<Scalar>? {
    switch (source.primitive, instruction.primitive) {
    case (.matmul(let a, let b), .addBroadcast):
      let row = instruction.yShape
      guard row.rows == 1, row.count == instruction.shape.columns else { return nil }
      var fused = source
      fused.primitive = .matmulAddRow(a, b, tanh: false)
      (fused.z, fused.zShape, fused.isTernary) = (instruction.y, row, true)
      fused.output = instruction.output
      return fused
    case (.matmulAddRow(let a, let b, tanh: false), .tanh):
      var fused = source
      fused.primitive = .matmulAddRow(a, b, tanh: true)
      fused.output = instruction.output
      return fused
    case (.matmul(let a, let b), .multiplyByOneMinusSquare):
      guard instruction.yShape == instruction.shape else { return nil }
      var fused = source
      fused.primitive = .matmulTanhSlope(a, b)
      (fused.z, fused.zShape, fused.isTernary) = (instruction.y, instruction.yShape, true)
      fused.output = instruction.output
      return fused
    default:
      return nil
    }
  }
}
