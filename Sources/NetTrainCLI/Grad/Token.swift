/// One token of an expression: a number, a name, an operator or a parenthesis.
struct Token: Equatable {
  enum Kind: Equatable {
    case number(Double)
    case identifier(String)
    case plus, minus, star, slash, caret
    case leftParenthesis, rightParenthesis, comma
    case end
  }

  let kind: Kind
  /// The token as written; empty for the end.
  let text: String
  let location: SourceLocation

  /// How errors name the token: `"x"`, or `end of input`.
  var quoted: String {
    kind == .end ? "end of input" : "\"\(text)\""
  }

  /// Whether the token can end an operand (`2`, `x`, `)`), so that an operand right after it
  /// is a missing `*`.
  var endsOperand: Bool {
    switch kind {
    case .number, .identifier, .rightParenthesis: return true
    default: return false
    }
  }

  /// Whether the token can start an operand (`2`, `x`, `(`).
  var startsOperand: Bool {
    switch kind {
    case .number, .identifier, .leftParenthesis: return true
    default: return false
    }
  }
}
