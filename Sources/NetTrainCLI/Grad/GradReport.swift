/// The results of `nettrain grad`: one `NAME = VALUE` line each, or one JSON object.
struct GradReport {
  /// The variables, in the order of the point.
  let names: [String]
  let derivatives: Derivatives

  /// `f = V`, then `df/dNAME = V` per variable, then with a Hessian `d2f/dAdB = V` for every
  /// pair of variables, row by row.
  var lines: [String] {
    var lines = ["f = \(format(derivatives.value))"]
    lines += zip(names, derivatives.gradient).map { "df/d\($0) = \(format($1))" }
    for (first, row) in zip(names, derivatives.hessian ?? []) {
      lines += zip(names, row).map { "d2f/d\(first)d\($0) = \(format($1))" }
    }
    return lines
  }

  /// `{"value": V, "gradient": {"x": V, ...}}`, plus `"hessian": {"x": {"x": V, ...}, ...}`,
  /// keys in the order of the point.
  var json: String {
    var members = [
      "\"value\": \(format(derivatives.value))",
      "\"gradient\": \(object(derivatives.gradient.map(format)))",
    ]
    if let hessian = derivatives.hessian {
      members.append("\"hessian\": \(object(hessian.map { object($0.map(format)) }))")
    }
    return "{" + members.joined(separator: ", ") + "}"
  }

  // MARK: - Private

  private func format(_ value: Double) -> String {
    NumberFormat.format(value)
  }

  /// A JSON object with `names` as keys. The names are identifiers, so none needs escaping.
  private func object(_ values: [String]) -> String {
    "{" + zip(names, values).map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}"
  }
}
