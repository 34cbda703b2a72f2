/// Splits an expression into tokens, keeping the line and column of each.
///
/// Numbers: `2`, `0.5`, `.5`, `1e-3`, `2.5E+4`. Names: `[A-Za-z_][A-Za-z0-9_]*`. Operators
/// `+ - * / ^`, parentheses and commas. Whitespace, newlines included, separates tokens.
struct ExpressionLexer {
  private let characters: [Character]
  private var index = 0
  private var line = 1
  private var column = 1

  /// The tokens of `source`, ending with an `.end` token.
  static func tokens(of source: String) throws -> [Token] {
    var lexer = ExpressionLexer(characters: Array(source))
    var tokens: [Token] = []
    while let token = try lexer.next() {
      tokens.append(token)
    }
    tokens.append(Token(kind: .end, text: "", location: lexer.location))
    return tokens
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  // MARK: - Private

  private var location: SourceLocation { SourceLocation(line: line, column: column) }

  private func peek(_ offset: Int = 0) -> Character? {
    characters.indices.contains(index + offset) ? characters[index + offset] : nil
  }

  private mutating func advance() {
    if characters[index].isNewline {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  private mutating func next() throws -> Token? {
    while let character = peek(), character.isWhitespace {
      advance()
    }
    guard let character = peek() else { return nil }
    if Self.isDigit(character) || (character == "." && peek(1).map(Self.isDigit) == true) {
      return try number()
    }
    if Self.startsName(character) {
      return name()
    }
    return try symbol(character)
  }

  private mutating func symbol(_ character: Character) throws -> Token {
    let start = location
    let kinds: [Character: Token.Kind] = [
      "+": .plus, "-": .minus, "*": .star, "/": .slash, "^": .caret,
      "(": .leftParenthesis, ")": .rightParenthesis, ",": .comma,
    ]
    guard let kind = kinds[character] else {
      throw ExpressionError(at: start, "unexpected character \"\(character)\"")
    }
    if character == "*" && peek(1) == "*" {
      throw ExpressionError(at: start, "\"**\" is not an operator; write x^y for a power")
    }
    advance()
    return Token(kind: kind, text: String(character), location: start)
  }

  private mutating func name() -> Token {
    let start = location
    var text = ""
    while let character = peek(), Self.continuesName(character) {
      text.append(character)
      advance()
    }
    return Token(kind: .identifier(text), text: text, location: start)
  }

  private mutating func number() throws -> Token {
    let start = location
    var text = digits()
    if peek() == "." {
      text.append(".")
      advance()
      text += digits()
    }
    if let marker = peek(), marker == "e" || marker == "E" {
      text += try exponent(of: text, at: start)
    }
    guard let value = Double(text), value.isFinite else {
      throw ExpressionError(at: start, "the number \(text) is too large")
    }
    return Token(kind: .number(value), text: text, location: start)
  }

  /// `e-3` after a mantissa; the `e` must be followed by digits, with an optional sign.
  private mutating func exponent(of mantissa: String, at start: SourceLocation) throws -> String {
    var text = "e"
    advance()
    if let sign = peek(), sign == "+" || sign == "-" {
      text.append(sign)
      advance()
    }
    let exponentDigits = digits()
    guard !exponentDigits.isEmpty else {
      throw ExpressionError(
        at: start, "malformed number \"\(mantissa)\(text)\": the exponent needs digits, as in 1e-3")
    }
    return text + exponentDigits
  }

  private mutating func digits() -> String {
    var text = ""
    while let character = peek(), Self.isDigit(character) {
      text.append(character)
      advance()
    }
    return text
  }

  private static func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
  }

  private static func startsName(_ character: Character) -> Bool {
    character == "_" || (character.isASCII && character.isLetter)
  }

  private static func continuesName(_ character: Character) -> Bool {
    startsName(character) || isDigit(character)
  }
}
