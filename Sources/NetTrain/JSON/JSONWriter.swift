/// Writes JSON deterministically: keys in insertion order, numbers as the shortest text that
/// reads back to the same `Double` bit for bit, a trailing newline.
///
/// The pretty style indents by two spaces and keeps arrays of scalars on one line
/// (`[1.5, -2.25, 3]`), so that a weight matrix prints one row per line:
///
/// ```
/// {
///   "weights": [
///     [0.5, -1.25],
///     [2, 1e-05]
///   ]
/// }
/// ```
public struct JSONWriter: Sendable {
  /// How much whitespace to write.
  public enum Style: Sendable {
    /// Two-space indentation, one member per line, scalar arrays on one line.
    case pretty
    /// One line, no spaces.
    case compact
  }

  /// The layout of the output.
  public var style: Style

  /// A writer with the given layout.
  public init(style: Style = .pretty) { self.style = style }

  /// The text of `value`, ending in a newline. Every number in it must be finite.
  public func string(for value: JSONValue) -> String {
    var output = ""
    write(value, indent: 0, into: &output)
    output += "\n"
    return output
  }

  /// The UTF-8 bytes of `string(for: value)`.
  public func bytes(for value: JSONValue) -> [UInt8] { Array(string(for: value).utf8) }

  // MARK: - Values

  private func write(_ value: JSONValue, indent: Int, into output: inout String) {
    switch value {
    case .null: output += "null"
    case .bool(let bool): output += bool ? "true" : "false"
    case .number(let number): output += JSONWriter.text(for: number)
    case .string(let string): output += JSONWriter.quoted(string)
    case .array(let elements): writeArray(elements, indent: indent, into: &output)
    case .object(let object): writeObject(object, indent: indent, into: &output)
    }
  }

  private func writeArray(_ elements: [JSONValue], indent: Int, into output: inout String) {
    let isFlat = elements.allSatisfy { $0.arrayValue == nil && $0.objectValue == nil }
    if elements.isEmpty || style == .compact || isFlat {
      let separator = style == .compact ? "," : ", "
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += separator }
        write(element, indent: indent, into: &output)
      }
      output += "]"
      return
    }
    output += "[\n"
    for (index, element) in elements.enumerated() {
      output += String(repeating: "  ", count: indent + 1)
      write(element, indent: indent + 1, into: &output)
      output += index + 1 < elements.count ? ",\n" : "\n"
    }
    output += String(repeating: "  ", count: indent) + "]"
  }

  private func writeObject(_ object: JSONObject, indent: Int, into output: inout String) {
    if object.isEmpty {
      output += "{}"
      return
    }
    let isCompact = style == .compact
    output += isCompact ? "{" : "{\n"
    for (index, entry) in object.entries.enumerated() {
      if !isCompact { output += String(repeating: "  ", count: indent + 1) }
      output += JSONWriter.quoted(entry.key) + (isCompact ? ":" : ": ")
      write(entry.value, indent: indent + 1, into: &output)
      if index + 1 < object.count { output += "," }
      if !isCompact { output += "\n" }
    }
    if !isCompact { output += String(repeating: "  ", count: indent) }
    output += "}"
  }

  // MARK: - Scalars

  /// The shortest text that `Double(String)` and `JSONParser` read back as exactly `number`:
  /// integers below 2^53 in magnitude without a fraction (`5`, `-0`), anything else as Swift's
  /// shortest round-trip `description` (`0.1`, `1e-05`, `5e-324`), which is valid JSON for
  /// finite values.
  public static func text(for number: Double) -> String {
    precondition(number.isFinite, "JSON cannot represent the non-finite number \(number)")
    if number == number.rounded(), number.magnitude < 0x1p53 {
      if number == 0 { return number.sign == .minus ? "-0" : "0" }
      return String(Int64(number))
    }
    return number.description
  }

  /// `string` in double quotes with `"`, `\` and control characters escaped; other characters,
  /// non-ASCII included, as they are.
  public static func quoted(_ string: String) -> String {
    var output = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\u{00}"..."\u{1F}", "\u{7F}":
        let hex = String(scalar.value, radix: 16, uppercase: true)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }
}
