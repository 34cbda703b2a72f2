// MARK: - Strings and numbers

extension JSONParser {
  /// A string starting at its opening quote: escapes decoded, UTF-8 checked, control
  /// characters rejected.
  mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = offset
    offset += 1  // "
    var buffer: [UInt8] = []
    var runStart = offset  // bytes since the last escape, copied in one go
    while true {
      guard offset < bytes.count else { throw error("string is not closed", at: start) }
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "\""):
        buffer.append(contentsOf: bytes[runStart..<offset])
        offset += 1
        return String(decoding: buffer, as: UTF8.self)
      case UInt8(ascii: "\\"):
        buffer.append(contentsOf: bytes[runStart..<offset])
        try parseEscape(into: &buffer)
        runStart = offset
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        throw error("string is not closed before the end of the line", at: start)
      case 0..<0x20:
        throw error(
          "control character U+\(hex(Int(byte), digits: 4)) in string; write it as an escape")
      case 0x80...:
        guard let length = utf8SequenceLength(at: offset) else {
          throw error("invalid UTF-8 byte 0x\(hex(Int(byte), digits: 2)) in string")
        }
        offset += length
      default:
        offset += 1
      }
    }
  }

  /// The bytes that the one-character escapes (`\n`, `\"`, ...) stand for.
  private static let simpleEscapes: [UInt8: UInt8] = [
    UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
    UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
    UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
  ]

  /// An escape starting at its backslash, appended to `buffer` as UTF-8.
  private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
    let start = offset
    offset += 1  // backslash
    if let byte = JSONParser.simpleEscapes[current] {
      buffer.append(byte)
      offset += 1
      return
    }
    guard current == UInt8(ascii: "u") else {
      throw error("invalid escape \"\\\" followed by \(describeCurrent()) in string", at: start)
    }
    let scalar = try parseUnicodeEscape(start: start)
    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  /// The scalar of a `\uXXXX` escape (the parser is at the `u`), or of a UTF-16 surrogate pair
  /// written as two escapes, `\uD83D\uDE00`.
  private mutating func parseUnicodeEscape(start: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
    let unit = try parseHexQuad(escapeStart: start)
    let unpaired = error("unpaired surrogate \\u\(hex(Int(unit), digits: 4)) in string", at: start)
    var value = UInt32(unit)
    if (0xDC00...0xDFFF).contains(unit) { throw unpaired }
    if (0xD800...0xDBFF).contains(unit) {
      let lowStart = offset
      guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count,
        bytes[offset + 1] == UInt8(ascii: "u")
      else { throw unpaired }
      offset += 1
      let low = try parseHexQuad(escapeStart: lowStart)
      guard (0xDC00...0xDFFF).contains(low) else { throw unpaired }
      value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)  // UTF-16 decoding
    }
    guard let scalar = Unicode.Scalar(value) else {
      preconditionFailure("surrogates were handled above, yet U+\(value) is not a scalar")
    }
    return scalar
  }

  /// The four hex digits after `\u` (the parser is at the `u`).
  private mutating func parseHexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt16 {
    offset += 1  // u
    guard offset + 4 <= bytes.count,
      let value = UInt16(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16),
      bytes[offset..<offset + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
    else { throw error("invalid \\u escape: expected 4 hex digits", at: escapeStart) }
    offset += 4
    return value
  }

  /// The length of the well-formed UTF-8 sequence at `position`, or nil (RFC 3629 table:
  /// no overlong forms, no surrogates, nothing above U+10FFFF).
  func utf8SequenceLength(at position: Int) -> Int? {
    let lead = bytes[position]
    let length: Int
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: length = 3; secondRange = 0x80...0x9F
    case 0xF0: length = 4; secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; secondRange = 0x80...0x8F
    default: return nil
    }
    guard position + length <= bytes.count, secondRange.contains(bytes[position + 1]) else {
      return nil
    }
    for index in position + 2..<position + length where bytes[index] & 0xC0 != 0x80 {
      return nil
    }
    return length
  }

  /// The scalar encoded at `position`, if the bytes there are well-formed UTF-8.
  func decodeScalar(at position: Int) -> Unicode.Scalar? {
    guard let length = utf8SequenceLength(at: position) else { return nil }
    return String(decoding: bytes[position..<position + length], as: UTF8.self).unicodeScalars
      .first
  }

  // MARK: - Numbers

  /// A number by the JSON grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, converted
  /// from its exact text with correct rounding; out-of-range magnitudes are an error.
  mutating func parseNumber() throws(JSONSyntaxError) -> Double {
    let start = offset
    if current == UInt8(ascii: "-") { offset += 1 }
    guard isDigit(current) else {
      if current == UInt8(ascii: "I") {
        throw error("-Infinity is not a JSON number; only finite numbers are allowed", at: start)
      }
      throw error("unexpected \(describeCurrent()); expected a digit after \"-\"")
    }
    if current == UInt8(ascii: "0"), offset + 1 < bytes.count, isDigit(bytes[offset + 1]) {
      throw error("numbers must not have leading zeros")
    }
    skipDigits()
    if current == UInt8(ascii: ".") {
      offset += 1
      guard isDigit(current) else {
        throw error("unexpected \(describeCurrent()); expected a digit after the decimal point")
      }
      skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      offset += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
      guard isDigit(current) else {
        throw error("unexpected \(describeCurrent()); expected a digit in the exponent")
      }
      skipDigits()
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw error("number \(text) is too large for a 64-bit floating-point value", at: start)
    }
    return value
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private mutating func skipDigits() {
    while isDigit(current) { offset += 1 }
  }
}
