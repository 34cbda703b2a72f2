/// Gathers the header and the rows of `CSVReader.readRawRows` record by record, every field
/// as text (the counterpart of `CSVTableBuilder`, which converts only requested columns).
struct CSVRawTableBuilder {
  private let path: String
  private var scanner: CSVScanner
  private var header: [String]?
  private var rows: [[String]] = []
  private var lines: [Int] = []

  init(path: String) {
    self.path = path
    scanner = CSVScanner(path: path)
  }

  /// Takes every whole record of `bytes` from `position` on; true at the end of the input.
  mutating func consume(
    _ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int, isFinal: Bool
  ) throws -> Bool {
    while true {
      switch try scanner.scanRecord(in: bytes, from: position, isFinal: isFinal) {
      case .needMoreInput: return false
      case .endOfInput: return true
      case .blankLine(let end): position = end
      case .record(let end):
        try take(fields(in: bytes))
        position = end
      }
    }
  }

  func finish() throws -> CSVRawTable {
    guard let header else {
      throw CSVError(path: path, message: "empty file: expected a header row")
    }
    guard !rows.isEmpty else {
      throw CSVError(path: path, message: "no data rows: the file has only a header")
    }
    return CSVRawTable(displayPath: path, header: header, rows: rows, lines: lines)
  }

  private mutating func take(_ fields: [String]) throws {
    guard let header else {
      header = fields
      scanner.columnNames = fields
      return
    }
    guard fields.count == header.count else {
      throw CSVError(
        path: path, line: scanner.recordLine,
        message: "expected \(header.count) fields, found \(fields.count)")
    }
    rows.append(fields)
    lines.append(scanner.recordLine)
  }

  /// The text of every field of the record just scanned.
  private func fields(in bytes: UnsafeBufferPointer<UInt8>) throws -> [String] {
    try scanner.fields.enumerated().map { index, field in
      guard let text = CSVFieldText.utf8String(CSVFieldText.text(of: field, in: bytes))
      else {
        throw CSVError(
          path: path, line: scanner.recordLine, column: index + 1,
          message: "the field is not UTF-8 text")
      }
      return text
    }
  }
}
