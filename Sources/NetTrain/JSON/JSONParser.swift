/// A strict RFC 8259 JSON parser that reports every error as `PATH:LINE:COLUMN: message`.
///
/// Strict on purpose: no comments, trailing commas, single quotes, `NaN`, infinities, leading
/// zeros, unescaped control characters, invalid UTF-8, duplicate keys or text after the value.
/// A UTF-8 byte-order mark at the start is skipped. Nesting deeper than `maximumDepth` is an
/// error, so that garbage input cannot exhaust the stack.
///
/// Numbers are converted from their exact text with correct rounding (`Double(String)`), so a
/// number written by `JSONWriter` reads back bit for bit.
public struct JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  public static let maximumDepth = 512

  let bytes: [UInt8]
  let path: String
  var offset = 0
  private var depth = 0
  /// When recording, the path to the value being parsed and where each value and key began.
  private let recordsLocations: Bool
  private var currentPath: [JSONPathComponent] = []
  private var valueOffsets: [[JSONPathComponent]: Int] = [:]
  private var keyOffsets: [[JSONPathComponent]: Int] = [:]

  private init(bytes: [UInt8], path: String, recordsLocations: Bool) {
    self.bytes = bytes
    self.path = path
    self.recordsLocations = recordsLocations
  }

  // MARK: - Entry points

  /// The value in UTF-8 `bytes`; `path` names the file in error messages.
  public static func parse(_ bytes: [UInt8], path: String) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes, path: path, recordsLocations: false)
    return try parser.parseText()
  }

  /// The value in `text`; `path` names the file in error messages.
  public static func parse(_ text: String, path: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8), path: path)
  }

  /// The value in UTF-8 `bytes` with the location of every value and key, for callers that
  /// check the value further and want their errors to point into the file.
  public static func parseDocument(
    _ bytes: [UInt8], path: String
  ) throws(JSONSyntaxError) -> JSONDocument {
    var parser = JSONParser(bytes: bytes, path: path, recordsLocations: true)
    let root = try parser.parseText()
    return JSONDocument(
      path: path, root: root, bytes: bytes,
      valueOffsets: parser.valueOffsets, keyOffsets: parser.keyOffsets)
  }

  // MARK: - Values

  private mutating func parseText() throws(JSONSyntaxError) -> JSONValue {
    if bytes.starts(with: JSONLocation.byteOrderMark) { offset = 3 }
    skipWhitespace()
    if offset == bytes.count { throw error("empty file: expected a JSON value") }
    let value = try parseValue()
    skipWhitespace()
    if offset < bytes.count {
      throw error("unexpected \(describeCurrent()) after the end of the JSON value")
    }
    return value
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    if recordsLocations { valueOffsets[currentPath] = offset }
    switch current {
    case UInt8(ascii: "{"): return .object(try parseObject())
    case UInt8(ascii: "["): return .array(try parseArray())
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      return try parseWord()
    default: throw error("unexpected \(describeCurrent()); expected a JSON value")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
    try enterContainer()
    offset += 1  // {
    var entries: [(key: String, value: JSONValue)] = []
    var seen: Set<String> = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      offset += 1
      depth -= 1
      return JSONObject(entries)
    }
    while true {
      guard current == UInt8(ascii: "\"") else {
        throw error("unexpected \(describeCurrent()); expected a string in double quotes as key")
      }
      let keyOffset = offset
      let key = try parseString()
      guard seen.insert(key).inserted else {
        throw error("duplicate key \(JSONWriter.quoted(key)) in object", at: keyOffset)
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else {
        throw error("unexpected \(describeCurrent()); expected \":\" after key")
      }
      offset += 1
      skipWhitespace()
      if recordsLocations {
        currentPath.append(.key(key))
        keyOffsets[currentPath] = keyOffset
      }
      entries.append((key: key, value: try parseValue()))
      if recordsLocations { currentPath.removeLast() }
      if try parseSeparator(closing: "}") { break }
    }
    depth -= 1
    return JSONObject(entries)
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> [JSONValue] {
    try enterContainer()
    offset += 1  // [
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      offset += 1
      depth -= 1
      return elements
    }
    while true {
      if recordsLocations { currentPath.append(.index(elements.count)) }
      elements.append(try parseValue())
      if recordsLocations { currentPath.removeLast() }
      if try parseSeparator(closing: "]") { break }
    }
    depth -= 1
    return elements
  }

  /// After a member or element: consumes `,` (returning false, more to come) or the closing
  /// bracket (returning true), and leaves the parser at the start of the next member.
  private mutating func parseSeparator(closing: Unicode.Scalar) throws(JSONSyntaxError) -> Bool {
    skipWhitespace()
    let kind = closing == "}" ? "object" : "array"
    if current == UInt8(ascii: closing) {
      offset += 1
      return true
    }
    guard current == UInt8(ascii: ",") else {
      throw error("unexpected \(describeCurrent()); expected \",\" or \"\(closing)\" in \(kind)")
    }
    let commaOffset = offset
    offset += 1
    skipWhitespace()
    if current == UInt8(ascii: closing) {
      throw error("trailing comma before \"\(closing)\" is not allowed in JSON", at: commaOffset)
    }
    return false
  }

  private mutating func enterContainer() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maximumDepth {
      throw error("arrays and objects nested deeper than \(JSONParser.maximumDepth) levels")
    }
  }

  /// `true`, `false` or `null`; any other word is an error that says what JSON wants instead.
  private mutating func parseWord() throws(JSONSyntaxError) -> JSONValue {
    let start = offset
    while offset < bytes.count, isLetter(bytes[offset]) { offset += 1 }
    let word = String(decoding: bytes[start..<offset], as: UTF8.self)
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    case "NaN", "nan", "Infinity", "inf":
      throw error("\(word) is not a JSON number; only finite numbers are allowed", at: start)
    default:
      throw error("unexpected word \"\(word)\"; strings must be in double quotes", at: start)
    }
  }

  // MARK: - Bytes

  /// The byte at `offset`, or 0 at the end (0 is never valid outside a string).
  var current: UInt8 { offset < bytes.count ? bytes[offset] : 0 }

  private mutating func skipWhitespace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        offset += 1
      default: return
      }
    }
  }

  private func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  /// The byte at `offset` as a user would name it: `"x"`, `end of file`, a control character or
  /// a byte that is not UTF-8.
  func describeCurrent() -> String {
    guard offset < bytes.count else { return "end of file" }
    let byte = bytes[offset]
    switch byte {
    case UInt8(ascii: "/"): return "\"/\" (comments are not allowed in JSON)"
    case UInt8(ascii: "'"): return "\"'\" (strings must be in double quotes)"
    case 0x20..<0x7F: return "\"\(Character(Unicode.Scalar(byte)))\""
    case 0..<0x20, 0x7F: return "control character U+\(hex(Int(byte), digits: 4))"
    default:
      if let scalar = decodeScalar(at: offset) { return "\"\(Character(scalar))\"" }
      return "byte 0x\(hex(Int(byte), digits: 2)), which is not UTF-8 text"
    }
  }

  func hex(_ value: Int, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  func error(_ message: String, at errorOffset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(
      path: path, location: JSONLocation(offset: errorOffset ?? offset, in: bytes),
      message: message)
  }
}
