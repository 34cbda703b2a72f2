/// A recursive-descent parser for the expressions of `nettrain grad`.
///
/// ```
/// expression := term (("+" | "-") term)*
/// term       := unary (("*" | "/") unary)*
/// unary      := ("-" | "+") unary | power
/// power      := primary ("^" unary)?          right-associative: 2^3^2 is 2^(3^2)
/// primary    := NUMBER | CONSTANT | VARIABLE | FUNCTION "(" expression ")" | "(" expression ")"
/// ```
///
/// `^` binds tighter than unary minus on its left, so `-x^2` is `-(x^2)`, and its exponent
/// may carry a sign: `2^-1`.
struct ExpressionParser {
  /// How deeply parentheses, signs and powers may nest.
  static let maximumNesting = 200
  /// How many operations deep the tree may be (a long sum is as deep as it has terms).
  static let maximumHeight = 2_000

  private let tokens: [Token]
  private var position = 0
  private var nesting = 0

  /// The expression `source` denotes, or an `ExpressionError` naming the column of the
  /// first problem.
  static func parse(_ source: String) throws -> Expression {
    var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(of: source))
    let expression = try parser.expression()
    guard parser.current.kind == .end else { throw parser.unexpectedAfterOperand() }
    return expression
  }

  private init(tokens: [Token]) {
    self.tokens = tokens
  }

  // MARK: - Grammar

  private mutating func expression() throws -> Expression {
    var result = try term()
    while let op = binaryOperator(among: [.add, .subtract]) {
      let location = current.location
      advance()
      result = try node(.binary(op, result, try term()), at: location)
    }
    return result
  }

  private mutating func term() throws -> Expression {
    var result = try unary()
    while let op = binaryOperator(among: [.multiply, .divide]) {
      let location = current.location
      advance()
      result = try node(.binary(op, result, try unary()), at: location)
    }
    return result
  }

  private mutating func unary() throws -> Expression {
    let token = current
    guard token.kind == .minus || token.kind == .plus else { return try power() }
    advance()
    try enter(at: token)
    defer { nesting -= 1 }
    let operand = try unary()
    return token.kind == .minus ? try node(.negation(operand), at: token.location) : operand
  }

  private mutating func power() throws -> Expression {
    let base = try primary()
    guard current.kind == .caret else { return base }
    let location = current.location
    try enter(at: current)
    defer { nesting -= 1 }
    advance()
    return try node(.binary(.power, base, try unary()), at: location)
  }

  private mutating func primary() throws -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return Expression(.number(value), at: token.location)
    case .identifier(let name):
      advance()
      return try named(name, at: token)
    case .leftParenthesis:
      advance()
      try enter(at: token)
      defer { nesting -= 1 }
      let inner = try expression()
      try expectClosingParenthesis(openedAt: token)
      return inner
    default:
      throw ExpressionError(
        at: token.location,
        "expected a number, a variable, a function or \"(\", found \(token.quoted)")
    }
  }

  /// A name just read: a function call, a constant or a variable.
  private mutating func named(_ name: String, at token: Token) throws -> Expression {
    let isCall = current.kind == .leftParenthesis
    if let function = MathFunction(rawValue: name) {
      guard isCall else {
        throw ExpressionError(
          at: token.location,
          "\(name) is a function; write its argument in parentheses: \(name)(x)")
      }
      return try call(function, at: token)
    }
    if let constant = MathConstant(rawValue: name) {
      guard !isCall else {
        throw ExpressionError(
          at: token.location,
          "\(name) is a constant, not a function; write \(name)*(...) for a product")
      }
      return Expression(.constant(constant), at: token.location)
    }
    guard !isCall else { throw Self.unknownFunction(name, at: token.location) }
    return Expression(.variable(name), at: token.location)
  }

  private mutating func call(_ function: MathFunction, at name: Token) throws -> Expression {
    let open = current
    advance()
    try enter(at: open)
    defer { nesting -= 1 }
    let argument = try expression()
    if current.kind == .comma {
      throw ExpressionError(at: current.location, "\(function.rawValue) takes one argument")
    }
    try expectClosingParenthesis(openedAt: open)
    return try node(.call(function, argument), at: name.location)
  }

  // MARK: - Helpers

  private var current: Token { tokens[position] }

  private mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  private func binaryOperator(among operators: [Expression.BinaryOperator]) -> Expression
    .BinaryOperator?
  {
    guard let op = Expression.BinaryOperator(rawValue: current.text) else { return nil }
    return operators.contains(op) ? op : nil
  }

  /// One more level of nesting, or an error when there are too many.
  private mutating func enter(at token: Token) throws {
    nesting += 1
    guard nesting <= Self.maximumNesting else {
      throw ExpressionError(
        at: token.location,
        "the expression nests more than \(Self.maximumNesting) levels deep")
    }
  }

  /// A node, or an error when the tree gets too deep to evaluate.
  private func node(_ kind: Expression.Kind, at location: SourceLocation) throws -> Expression {
    let expression = Expression(kind, at: location)
    guard expression.height <= Self.maximumHeight else {
      throw ExpressionError(
        at: location, "the expression is more than \(Self.maximumHeight) operations deep")
    }
    return expression
  }

  private mutating func expectClosingParenthesis(openedAt open: Token) throws {
    guard current.kind == .rightParenthesis else {
      throw ExpressionError(
        at: current.location,
        "expected \")\" to close the \"(\" at column \(open.location.column), "
          + "found \(current.quoted)")
    }
    advance()
  }

  /// The error for a token after a complete operand that is not an operator.
  private func unexpectedAfterOperand() -> ExpressionError {
    let token = current
    if token.kind == .rightParenthesis {
      return ExpressionError(at: token.location, "unexpected \")\" without a matching \"(\"")
    }
    let previous = tokens[position - 1]
    let hint =
      previous.endsOperand && token.startsOperand
      ? "; a product needs \"*\", as in 2*x" : ""
    return ExpressionError(
      at: token.location, "expected an operator or the end, found \(token.quoted)\(hint)")
  }

  private static func unknownFunction(_ name: String, at location: SourceLocation)
    -> ExpressionError
  {
    let hint =
      Suggestion.closest(to: name, among: MathFunction.names)
      .map { "did you mean \"\($0)\"?" }
      ?? "the functions are " + MathFunction.names.joined(separator: ", ")
    return ExpressionError(at: location, "unknown function \"\(name)\"; \(hint)")
  }
}
