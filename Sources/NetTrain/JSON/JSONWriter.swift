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
///
/// The text goes to any `TextOutputStream`: a `String` (`string(for:)`), or a file as it is
/// written (`AtomicFile.write(to:_:)`), so that a large file is never held whole in memory.
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
    write(value, to: &output)
    return output
  }

  /// Writes the text of `value`, ending in a newline, to `output`.
  public func write(_ value: JSONValue, to output: inout some TextOutputStream) {
    write(value, indent: 0, into: &output)
    output.write("\n")
  }

  /// Writes the text of `outline`, ending in a newline, to `output`: the same text as
  /// `string(for: outline.value)`, without building that value.
  func write(_ outline: JSONOutline, to output: inout some TextOutputStream) {
    write(outline, indent: 0, into: &output)
    output.write("\n")
  }

  // MARK: - Values

  private func write<Output: TextOutputStream>(
    _ value: JSONValue, indent: Int, into output: inout Output
  ) {
    switch value {
    case .null: output.write("null")
    case .bool(let bool): output.write(bool ? "true" : "false")
    case .number(let number): output.write(JSONWriter.text(for: number))
    case .string(let string): output.write(JSONWriter.quoted(string))
    case .array(let elements):
      let isFlat = elements.allSatisfy { $0.arrayValue == nil && $0.objectValue == nil }
      writeArray(count: elements.count, isFlat: isFlat, indent: indent, into: &output) {
        write(elements[$0], indent: $1, into: &$2)
      }
    case .object(let object):
      let entries = object.entries
      writeObject(keys: entries.map(\.key), indent: indent, into: &output) {
        write(entries[$0].value, indent: $1, into: &$2)
      }
    }
  }

  private func write<Output: TextOutputStream>(
    _ outline: JSONOutline, indent: Int, into output: inout Output
  ) {
    switch outline {
    case .value(let value): write(value, indent: indent, into: &output)
    case .numbers(let count, let number):
      writeArray(count: count, isFlat: true, indent: indent, into: &output) {
        $2.write(JSONWriter.text(for: number($0)))
      }
    case .array(let elements):
      writeArray(
        count: elements.count, isFlat: elements.allSatisfy(\.isScalar), indent: indent,
        into: &output
      ) { write(elements[$0], indent: $1, into: &$2) }
    case .object(let entries):
      writeObject(keys: entries.map(\.key), indent: indent, into: &output) {
        write(entries[$0].value, indent: $1, into: &$2)
      }
    }
  }

  // MARK: - Layout

  /// An array of `count` elements, each written by `element(index, indent, &output)`; on one
  /// line when `isFlat` (no element is an array or object) or in the compact style.
  private func writeArray<Output: TextOutputStream>(
    count: Int, isFlat: Bool, indent: Int, into output: inout Output,
    element: (Int, Int, inout Output) -> Void
  ) {
    if count == 0 || style == .compact || isFlat {
      let separator = style == .compact ? "," : ", "
      output.write("[")
      for index in 0..<count {
        if index > 0 { output.write(separator) }
        element(index, indent, &output)
      }
      output.write("]")
      return
    }
    output.write("[\n")
    for index in 0..<count {
      output.write(String(repeating: "  ", count: indent + 1))
      element(index, indent + 1, &output)
      output.write(index + 1 < count ? ",\n" : "\n")
    }
    output.write(String(repeating: "  ", count: indent) + "]")
  }

  /// An object with these keys, each value written by `value(index, indent, &output)`.
  private func writeObject<Output: TextOutputStream>(
    keys: [String], indent: Int, into output: inout Output, value: (Int, Int, inout Output) -> Void
  ) {
    if keys.isEmpty {
      output.write("{}")
      return
    }
    let isCompact = style == .compact
    output.write(isCompact ? "{" : "{\n")
    for (index, key) in keys.enumerated() {
      if !isCompact { output.write(String(repeating: "  ", count: indent + 1)) }
      output.write(JSONWriter.quoted(key) + (isCompact ? ":" : ": "))
      value(index, indent + 1, &output)
      if index + 1 < keys.count { output.write(",") }
      if !isCompact { output.write("\n") }
    }
    if !isCompact { output.write(String(repeating: "  ", count: indent)) }
    output.write("}")
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
