extension Program: CustomStringConvertible {
  /// The instructions, one a line: `s7 = matmul(s0ᵀ, s6)  [16, 1]`, slots numbered inputs
  /// first (an input's slot is `in0`, `in1`, …).
  public var description: String {
    let inputs = Dictionary(uniqueKeysWithValues: inputSlots.enumerated().map { ($1, $0) })
    func name(_ slot: Int) -> String { inputs[slot].map { "in\($0)" } ?? "s\(slot)" }
    return instructions.map { instruction in
      var operands = instruction.operands.map(name)
      if let (a, b) = instruction.primitive.productLayouts {
        if a == .transposed { operands[0] += "ᵀ" }
        if b == .transposed { operands[1] += "ᵀ" }
      }
      let label = instruction.primitive.label
      let call = "\(name(instruction.output)) = \(label)(\(operands.joined(separator: ", ")))"
      return call + "  \(instruction.shape)"
    }.joined(separator: "\n")
  }
}
