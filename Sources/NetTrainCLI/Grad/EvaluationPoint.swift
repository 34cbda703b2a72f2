/// The point `nettrain grad` evaluates at, from `--at NAME=VALUE[,NAME=VALUE...]`: the
/// variables' names and values, in the order given.
struct EvaluationPoint {
  let names: [String]
  let values: [Double]

  /// Parses the values of `--at`, each a comma-separated list of `NAME=VALUE` pairs (the
  /// option may be repeated; the pairs add up). Values are numbers: `2`, `-3`, `1e-3`.
  init(parsing specifications: [String]) throws {
    var names: [String] = []
    var values: [Double] = []
    for specification in specifications {
      for pair in specification.split(separator: ",", omittingEmptySubsequences: false) {
        let (name, value) = try Self.parsePair(pair, in: specification)
        guard !names.contains(name) else {
          throw UsageError.invalidArgument(place: "--at", message: "\(name) is given twice")
        }
        names.append(name)
        values.append(value)
      }
    }
    self.names = names
    self.values = values
  }

  /// Checks that the point gives a value for every variable the expression uses and for
  /// nothing else.
  func check(against variables: [String]) throws {
    let missing = variables.filter { !names.contains($0) }
    if let extra = names.first(where: { !variables.contains($0) }) {
      let hint =
        Suggestion.closest(to: extra, among: missing).map { "; did you mean \($0)?" }
        ?? (variables.isEmpty
          ? "; it has no variables"
          : "; its variables are " + variables.joined(separator: ", "))
      throw UsageError.invalidArgument(
        place: "--at", message: "the expression does not use \(extra)\(hint)")
    }
    if !missing.isEmpty {
      let list = missing.joined(separator: ", ")
      let pairs = missing.map { "\($0)=VALUE" }.joined(separator: ",")
      throw UsageError.invalidArgument(
        place: "--at", message: "no value for \(list), which the expression uses; add \(pairs)")
    }
  }

  // MARK: - Private

  private static func parsePair(_ pair: Substring, in specification: String) throws
    -> (String, Double)
  {
    let trimmed = pair.trimmingWhitespace()
    guard !trimmed.isEmpty else {
      throw UsageError.invalidArgument(
        place: "--at", message: "empty pair in '\(specification)'; write NAME=VALUE,NAME=VALUE")
    }
    let parts = trimmed.split(separator: "=", omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      throw UsageError.invalidArgument(
        place: "--at", message: "'\(trimmed)' is not NAME=VALUE, as in x=2")
    }
    let name = try checkedName(String(parts[0].trimmingWhitespace()))
    let text = parts[1].trimmingWhitespace()
    guard let value = number(text) else {
      throw UsageError.invalidArgument(
        place: "--at", message: "the value of \(name), '\(text)', is not a number")
    }
    return (name, value)
  }

  private static func checkedName(_ name: String) throws -> String {
    let tokens = try? ExpressionLexer.tokens(of: name)
    guard let tokens, tokens.count == 2, tokens[0].kind == .identifier(name) else {
      throw UsageError.invalidArgument(place: "--at", message: "'\(name)' is not a variable name")
    }
    if MathConstant(rawValue: name) != nil || MathFunction(rawValue: name) != nil {
      let what = MathConstant(rawValue: name) != nil ? "a constant" : "a function"
      throw UsageError.invalidArgument(
        place: "--at", message: "\(name) is \(what), not a variable")
    }
    return name
  }

  /// A number as the expression grammar writes it, with an optional sign: `-3`, `1e-3`.
  private static func number(_ text: Substring) -> Double? {
    guard let tokens = try? ExpressionLexer.tokens(of: String(text)) else { return nil }
    var kinds = tokens.map(\.kind)[...]
    let sign: Double = kinds.first == .minus ? -1 : 1
    if kinds.first == .minus || kinds.first == .plus { kinds.removeFirst() }
    guard kinds.count == 2, case .number(let value) = kinds.first else { return nil }
    return sign * value
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
    return self[start..<end]
  }
}
