/// Splits RFC 4180 text into records, one record per call, without copying field bytes.
///
/// Fields are separated by commas; a record ends at LF, CRLF or a lone CR (mixed line ends are
/// fine) or at the end of the input. A field that starts with `"` is quoted: it runs to the
/// next lone `"` and may hold commas, line breaks and doubled quotes `""`. A quote anywhere
/// else in a field is an error, as is anything but a comma or line end after a closing quote.
///
/// The scanner works on a window of the input. When a record runs past the window's end and
/// more input may follow, it answers `needMoreInput` and forgets that record; the caller keeps
/// the bytes from the record's start, appends more, and asks again.
struct CSVScanner {
  /// One field: its bytes are `start..<end` of the window, quotes excluded.
  struct Field {
    var start: Int
    var end: Int
    /// Holds `""` pairs that stand for one quote each.
    var hasDoubledQuotes: Bool
  }

  /// What one call found.
  enum Step: Equatable {
    /// A record, now in `fields`, starting on `recordLine`; the next one starts at `end`.
    case record(end: Int)
    /// A line with no bytes at all; the next record starts at `end`.
    case blankLine(end: Int)
    /// The record goes on past the window; call again with more input.
    case needMoreInput
    /// The input is exhausted.
    case endOfInput
  }

  /// The file, for error messages.
  let path: String
  /// Column names once the header is known, to name the column in error messages.
  var columnNames: [String] = []
  /// The fields of the last record scanned.
  private(set) var fields: [Field] = []
  /// The line the last record (or blank line) started on.
  private(set) var recordLine = 1
  /// The line the next record starts on.
  private(set) var line = 1

  init(path: String) {
    self.path = path
  }

  /// Scans the record starting at `start` of `bytes`. `isFinal` says that no input follows
  /// `bytes`, so the scanner never answers `needMoreInput`.
  mutating func scanRecord(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool
  ) throws -> Step {
    guard start < bytes.count else { return isFinal ? .endOfInput : .needMoreInput }
    var cursor = Cursor(index: start, line: line)
    if bytes[start] == Self.lf || bytes[start] == Self.cr {
      guard cursor.skipLineBreak(in: bytes, isFinal: isFinal) else { return .needMoreInput }
      return commit(cursor, isBlank: true)
    }
    fields.removeAll(keepingCapacity: true)
    while true {
      let field: Field?
      if cursor.index < bytes.count, bytes[cursor.index] == Self.quote {
        field = try scanQuoted(in: bytes, cursor: &cursor, isFinal: isFinal)
      } else {
        field = try scanUnquoted(in: bytes, cursor: &cursor, isFinal: isFinal)
      }
      guard let field else { return .needMoreInput }
      fields.append(field)
      if cursor.index == bytes.count { return commit(cursor, isBlank: false) }  // final
      if bytes[cursor.index] == Self.comma {
        cursor.index += 1
        continue
      }
      guard cursor.skipLineBreak(in: bytes, isFinal: isFinal) else { return .needMoreInput }
      return commit(cursor, isBlank: false)
    }
  }

  /// Counts a record that was read without the scanner (a plain one, with no quotes, on
  /// one line), so that line numbers go on from it.
  mutating func commitPlainRecord(endsLine: Bool) {
    recordLine = line
    if endsLine { line += 1 }
  }

  private mutating func commit(_ cursor: Cursor, isBlank: Bool) -> Step {
    recordLine = line
    line = cursor.line
    return isBlank ? .blankLine(end: cursor.index) : .record(end: cursor.index)
  }

  // MARK: - Fields

  /// An unquoted field ending before a comma, a line break or the end of the input; nil when
  /// it reaches the end of a window that more input follows.
  private func scanUnquoted(
    in bytes: UnsafeBufferPointer<UInt8>, cursor: inout Cursor, isFinal: Bool
  ) throws -> Field? {
    let start = cursor.index
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if Self.endsField(byte) { break }
      if byte == Self.quote {
        throw error(
          line: cursor.line,
          "quote character inside an unquoted field; enclose the whole field in quotes "
            + "and double each quote inside it (\"\")")
      }
      index += 1
    }
    if index == bytes.count, !isFinal { return nil }
    cursor.index = index
    return Field(start: start, end: index, hasDoubledQuotes: false)
  }

  /// A quoted field from its opening quote through its closing quote; nil when it runs past
  /// the end of a window that more input follows.
  private func scanQuoted(
    in bytes: UnsafeBufferPointer<UInt8>, cursor: inout Cursor, isFinal: Bool
  ) throws -> Field? {
    let openingLine = cursor.line
    var index = cursor.index + 1
    var line = cursor.line
    var hasDoubledQuotes = false
    while true {
      guard index < bytes.count else {
        guard isFinal else { return nil }
        throw error(
          line: openingLine,
          "quoted field is never closed: the quote that opens it on this line has no "
            + "matching closing quote")
      }
      let byte = bytes[index]
      if byte == Self.quote {
        if index + 1 == bytes.count, !isFinal { return nil }
        if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
          hasDoubledQuotes = true
          index += 2
          continue
        }
        break
      }
      let isCRLF = byte == Self.cr && index + 1 < bytes.count && bytes[index + 1] == Self.lf
      if byte == Self.lf || (byte == Self.cr && !isCRLF) {
        line += 1  // CRLF counts once, at its LF
      }
      index += 1
    }
    let field = Field(start: cursor.index + 1, end: index, hasDoubledQuotes: hasDoubledQuotes)
    let after = index + 1
    if after < bytes.count, !Self.endsField(bytes[after]) {
      let stray = bytes[after...].prefix { !Self.endsField($0) }
      if stray.endIndex == bytes.count, !isFinal { return nil }  // show all of it
      throw error(
        line: line,
        "unexpected \(CSVError.quoted(stray)) after the closing quote of a quoted field; "
          + "expected a comma or the end of the line")
    }
    cursor = Cursor(index: after, line: line)
    return field
  }

  /// A located error for the field being scanned, naming its column once the header is known.
  private func error(line: Int, _ message: String) -> CSVError {
    let column = fields.count + 1
    let name =
      column <= columnNames.count ? "column \(CSVError.quoted(columnNames[column - 1])): " : ""
    return CSVError(path: path, line: line, column: column, message: name + message)
  }
}

// MARK: - Bytes and position

extension CSVScanner {
  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")
  static let lf = UInt8(ascii: "\n")
  static let cr = UInt8(ascii: "\r")

  /// A comma or the start of a line break.
  static func endsField(_ byte: UInt8) -> Bool {
    byte == comma || byte == lf || byte == cr
  }

  /// A position in the window and the physical line it is on.
  struct Cursor {
    var index: Int
    var line: Int

    /// Steps over the LF, CRLF or lone CR at `index`; false when a CR ends a window that more
    /// input follows, so that its LF may be in the next one.
    mutating func skipLineBreak(in bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) -> Bool {
      if bytes[index] == CSVScanner.cr {
        if index + 1 == bytes.count, !isFinal { return false }
        if index + 1 < bytes.count, bytes[index + 1] == CSVScanner.lf { index += 1 }
      }
      index += 1
      line += 1
      return true
    }
  }
}
