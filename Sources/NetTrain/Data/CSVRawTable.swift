/// Every field of a CSV file as the text it holds, for copying rows through unchanged (as
/// `predict` does with its input's columns).
///
/// A field's text is what it stands for: quotes around it removed and each doubled quote made
/// single, line breaks inside quotes kept. Nothing is converted or checked beyond the file
/// being UTF-8 CSV with as many fields in every row as in the header.
public struct CSVRawTable: Equatable, Sendable {
  /// The file as the user named it, for messages.
  public let displayPath: String
  /// The column names, in file order.
  public let header: [String]
  /// The fields of every data row: [rowCount][header.count].
  public let rows: [[String]]
  /// The physical 1-based line each data row starts on (blank lines are skipped, as
  /// `CSVReader.read` skips them, so `rows` line up with its rows).
  public let lines: [Int]

  /// A table with the given rows; every row has `header.count` fields.
  public init(displayPath: String, header: [String], rows: [[String]], lines: [Int]) {
    precondition(
      rows.allSatisfy { $0.count == header.count } && lines.count == rows.count,
      "\(rows.count) rows on \(lines.count) lines for \(header.count) columns")
    self.displayPath = displayPath
    self.header = header
    self.rows = rows
    self.lines = lines
  }

  /// The number of data rows.
  public var rowCount: Int { rows.count }
}
