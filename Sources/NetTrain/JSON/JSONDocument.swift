/// A parsed JSON text together with where each value and each object key stood in it, so that
/// errors found later (a config value out of range) can point at `FILE:LINE:COLUMN`.
public struct JSONDocument: Sendable {
  /// The file as the user named it.
  public let path: String
  /// The parsed value.
  public let root: JSONValue
  /// The text, kept to turn byte offsets into lines and columns on demand.
  private let bytes: [UInt8]
  /// Byte offset of the first character of the value at each path.
  private let valueOffsets: [[JSONPathComponent]: Int]
  /// Byte offset of the opening quote of the key of each object member.
  private let keyOffsets: [[JSONPathComponent]: Int]

  init(
    path: String, root: JSONValue, bytes: [UInt8],
    valueOffsets: [[JSONPathComponent]: Int], keyOffsets: [[JSONPathComponent]: Int]
  ) {
    self.path = path
    self.root = root
    self.bytes = bytes
    self.valueOffsets = valueOffsets
    self.keyOffsets = keyOffsets
  }

  /// Where the value at `path` begins, or nil if there is no such value.
  public func location(ofValueAt path: [JSONPathComponent]) -> JSONLocation? {
    valueOffsets[path].map { JSONLocation(offset: $0, in: bytes) }
  }

  /// Where the key of the object member at `path` begins (its opening quote), or nil if `path`
  /// does not end in a key that is present.
  public func location(ofKeyAt path: [JSONPathComponent]) -> JSONLocation? {
    keyOffsets[path].map { JSONLocation(offset: $0, in: bytes) }
  }
}

extension JSONLocation {
  /// The line and column of byte `offset` in UTF-8 `bytes`: lines end at `\n`, and a column
  /// counts the bytes that start a character (all but UTF-8 continuation bytes).
  init(offset: Int, in bytes: [UInt8]) {
    var line = 1
    var column = 1
    let start = bytes.starts(with: JSONLocation.byteOrderMark) ? 3 : 0  // editors hide it
    for byte in bytes[min(start, offset)..<min(offset, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    self.init(line: line, column: column)
  }

  /// The UTF-8 byte-order mark, which a JSON text may begin with.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
