extension Program: CustomStringConvertible {
  /// The instructions, one a line: `s7 = matmul(s0ᵀ, s6)  [16, 1]`, slots numbered inputs
  /// first (an input's slot is `in0`, `in1`, …).
  public var description: String {
    let inputs = Dictionary(uniqueKeysWithValues: inputSlots.enumerated().map { ($1, $0) })
    func name(_ slot: Int) -> String { inputs[slot].map { "in\($0)" } ?? "s\(slot)" }
    return instructions.map { instruction in
      var operands = instruction.operands.map(name)
      var label = instruction.primitive.label
      switch instruction.primitive {
      case .matmul(let a, let b), .matmulAddRow(let a, let b, _), .matmulDescent(let a, let b, _),
        .matmulTanhSlope(let a, let b):
        if a == .transposed { operands[0] += "ᵀ" }
        if b == .transposed { operands[1] += "ᵀ" }
        if case .matmul = instruction.primitive { label = "matmul" }
      default: break
      }
      let call = "\(name(instruction.output)) = \(label)(\(operands.joined(separator: ", ")))"
      return call + "  \(instruction.shape)"
    }.joined(separator: "\n")
  }
}
