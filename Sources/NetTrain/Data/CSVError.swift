import Foundation

/// A problem with a CSV file, located as precisely as it can be: the file, then the physical
/// line (1-based) and the field number (1-based) when there is one.
///
/// `description` is one line: `PATH:LINE:COLUMN: message`, `PATH:LINE: message` or
/// `PATH: message`, e.g. `data/x.csv:17:3: column "distance": expected a number, found "abc"`.
public struct CSVError: Error, CustomStringConvertible, LocalizedError, Equatable, Sendable {
  /// The file as the user named it.
  public var path: String
  /// The physical 1-based line, when the problem has one.
  public var line: Int?
  /// The 1-based field number within its row, when the problem is in one field.
  public var column: Int?
  /// What is wrong, in words a user can act on (no location prefix).
  public var message: String

  /// A located error; `column` is only shown when `line` is given.
  public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  /// `PATH:LINE:COLUMN: message`, dropping the parts that are unknown.
  public var description: String {
    var place = path
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    return "\(place): \(message)"
  }

  /// The same line as `description`, for `localizedDescription`.
  public var errorDescription: String? { description }
}

// MARK: - Showing field text in messages

extension CSVError {
  /// The text of a field as it should appear inside a message: in double quotes, with control
  /// characters and quotes escaped and anything past `limit` characters cut to an ellipsis.
  static func quoted(_ bytes: some Collection<UInt8>, limit: Int = 40) -> String {
    quoted(String(decoding: bytes, as: UTF8.self), limit: limit)
  }

  /// `text` in double quotes, escaped and shortened as for `quoted(_:limit:)` on bytes.
  static func quoted(_ text: String, limit: Int = 40) -> String {
    var shown = ""
    for (count, character) in text.enumerated() {
      if count == limit {
        shown += "…"
        break
      }
      switch character {
      case "\"": shown += "\\\""
      case "\\": shown += "\\\\"
      case "\n": shown += "\\n"
      case "\r\n": shown += "\\r\\n"
      case "\r": shown += "\\r"
      case "\t": shown += "\\t"
      default:
        let isControl = character.unicodeScalars.contains {
          $0.properties.generalCategory == .control
        }
        shown += isControl ? character.unicodeScalars.map(Self.escaped).joined() : String(character)
      }
    }
    return "\"\(shown)\""
  }

  private static func escaped(_ scalar: Unicode.Scalar) -> String {
    "\\u{\(String(scalar.value, radix: 16))}"
  }
}
