import Testing

@testable import NetTrainCLI

/// The expression parser, in-process: grouping (shown fully parenthesised) and error columns.
@Suite struct ExpressionParserTests {
  @Test(arguments: [
    ("-x^2", "(-(x ^ 2))"),
    ("2^3^2", "(2 ^ (3 ^ 2))"),
    ("2^-x", "(2 ^ (-x))"),
    ("-2^-2", "(-(2 ^ (-2)))"),
    ("1 - 2 - 3", "((1 - 2) - 3)"),
    ("a / b / c", "((a / b) / c)"),
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("(1 + 2) * 3", "((1 + 2) * 3)"),
    ("a * b ^ c", "(a * (b ^ c))"),
    ("x - -y", "(x - (-y))"),
    ("+x", "x"),
    ("sin(x)^2", "(sin(x) ^ 2)"),
    ("-sin(-x)", "(-sin((-x)))"),
    ("log(1 + exp(-3.5*w))", "log((1 + exp(((-3.5) * w))))"),
    ("pi*e", "(pi * e)"),
    (".5 + 1e-3 + 2.5E+2", "((0.5 + 0.001) + 250)"),
    ("x_1\n+ _y2", "(x_1 + _y2)"),
  ])
  func grouping(source: String, expected: String) throws {
    #expect(try ExpressionParser.parse(source).description == expected)
  }

  @Test(arguments: [
    ("(x + 1", 7, "expected \")\" to close the \"(\" at column 1, found end of input"),
    ("sin(x", 6, "expected \")\" to close the \"(\" at column 4, found end of input"),
    ("x +* 2", 4, "expected a number, a variable, a function or \"(\", found \"*\""),
    ("x y", 3, "expected an operator or the end, found \"y\"; a product needs \"*\", as in 2*x"),
    ("x)", 2, "unexpected \")\" without a matching \"(\""),
    ("1 + sinus(x)", 5, "unknown function \"sinus\"; did you mean \"sin\"?"),
    ("cosh(x)", 1, "unknown function \"cosh\"; did you mean \"cos\"?"),
    ("  exp + 1", 3, "exp is a function; write its argument in parentheses: exp(x)"),
    ("e(x)", 1, "e is a constant, not a function; write e*(...) for a product"),
    ("sin(x, y)", 6, "sin takes one argument"),
    ("2e", 1, "malformed number \"2e\": the exponent needs digits, as in 1e-3"),
    ("x ** 2", 3, "\"**\" is not an operator; write x^y for a power"),
    ("x % 2", 3, "unexpected character \"%\""),
  ])
  func errorColumns(source: String, column: Int, message: String) {
    #expect(throws: ExpressionError(at: SourceLocation(line: 1, column: column), message)) {
      try ExpressionParser.parse(source)
    }
  }

  @Test func linesAreCountedToo() {
    #expect(
      throws: ExpressionError(
        at: SourceLocation(line: 2, column: 3), "unexpected character \"$\"")
    ) {
      try ExpressionParser.parse("x +\n  $")
    }
  }

  @Test func variablesInOrderOfFirstUse() throws {
    #expect(try ExpressionParser.parse("b + a*b - sin(c) + pi + e").variables == ["b", "a", "c"])
  }

  @Test func locationsPointAtOperatorsAndFunctionNames() throws {
    let expression = try ExpressionParser.parse("x + sqrt(y)")
    #expect(expression.location == SourceLocation(line: 1, column: 3))
    guard case .binary(_, _, let call) = expression.kind else {
      Issue.record("not a sum: \(expression)")
      return
    }
    #expect(call.location == SourceLocation(line: 1, column: 5))
  }

  @Test func nestingIsBounded() {
    let deep = String(repeating: "-", count: ExpressionParser.maximumNesting + 1) + "x"
    #expect(throws: ExpressionError.self) { try ExpressionParser.parse(deep) }
    let fine = String(repeating: "-", count: ExpressionParser.maximumNesting - 1) + "x"
    #expect(throws: Never.self) { try ExpressionParser.parse(fine) }
  }
}
