/// How `nettrain grad` prints numbers: an exact integer of magnitude below 2⁵³ without a
/// fractional part (`85`, `-3`, `0`), anything else in Swift's shortest form that reads
/// back to the same Double (`5.5`, `0.6931471805599453`, `1e-05`, `1e+20`).
///
/// Both forms are valid JSON numbers. Negative zero prints as `0`.
enum NumberFormat {
  static func format(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value.isFinite && value == value.rounded() && Swift.abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return value.description
  }

  /// The number, in parentheses when it is negative, for use as an operand: `(-1)`.
  static func operand(_ value: Double) -> String {
    let text = format(value)
    return text.hasPrefix("-") ? "(\(text))" : text
  }
}
