import Foundation

extension CSVReader {
  /// Reads every field of the CSV file at `url` as text, with the scanner `read` uses: the
  /// same quoting rules, line ends, byte-order mark, blank-line skipping and line numbers.
  ///
  /// Numbers are not checked here; read the columns that must be numbers with
  /// `read(contentsOf:...)` first to get its located errors.
  ///
  /// - Parameter displayPath: How messages name the file; defaults to `url.path`.
  /// - Throws: `CSVError` for an unreadable file, a quoting error, a row with the wrong number
  ///   of fields, a field that is not UTF-8 text, or a file without data rows.
  public static func readRawRows(
    contentsOf url: URL, displayPath: String? = nil
  ) throws -> CSVRawTable {
    try readRawRows(contentsOf: url, displayPath: displayPath ?? url.path, chunkSize: 1 << 20)
  }

  /// `readRawRows(contentsOf:displayPath:)` with a chosen chunk size, for tests.
  static func readRawRows(
    contentsOf url: URL, displayPath: String, chunkSize: Int
  ) throws -> CSVRawTable {
    let file = try CSVFile(url: url, path: displayPath)
    defer { file.close() }
    var table = CSVRawTableBuilder(path: displayPath)
    var buffer: [UInt8] = []
    var isFinal = false
    while buffer.count < 3 && !isFinal {  // enough to see a byte-order mark
      let chunk = try file.read(count: chunkSize)
      isFinal = chunk.isEmpty
      buffer += chunk
    }
    let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    try file.stream(chunkSize: chunkSize, buffer: buffer, position: start, isFinal: isFinal) {
      bytes, position, isFinal in
      try table.consume(bytes, from: &position, isFinal: isFinal)
    }
    return try table.finish()
  }
}
