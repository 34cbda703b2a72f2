import Foundation

/// Reads CSV files (RFC 4180) into `CSVData`, picking columns by header name.
///
/// - A header row names the columns, taken exactly as written (spaces included); names must be
///   non-empty and unique, and the header must be UTF-8 text (a NUL byte in the first 4 KiB
///   or a UTF-16 byte-order mark is reported as not CSV text).
/// - Fields are separated by commas. A field in double quotes may hold commas, line breaks and
///   doubled quotes (`""` for one `"`). A quote anywhere else is an error.
/// - Lines end in LF, CRLF or CR, mixed freely; a final line break is optional. A UTF-8
///   byte-order mark at the start is skipped.
/// - Lines with no bytes at all are skipped wherever they are; line numbers in messages stay
///   physical. Every other line is a row and must have as many fields as the header.
/// - Feature values must be finite decimal numbers (`3`, `-0.5`, `.5`, `5.`, `+1E-3`), with
///   optional spaces or tabs around them, quoted or not. Empty fields, `NA`, `NaN`, `N/A`,
///   `null`, `?`, `inf`, `Infinity` and numbers beyond a double's range are errors naming the
///   line and column. The target is kept as text; it must not be empty or a missing marker.
/// - Errors in a value name the line its row starts on and its field number; quoting errors
///   name the physical line of the quote (for an unclosed quote, the line it opens on).
///
/// The file is streamed in chunks of 1 MiB: only the current chunk (and a row that straddles
/// two chunks) is held as text, and only the requested columns are converted, straight into
/// one array of the precision asked for. A file of many megabytes is read by two threads,
/// each from one half (split at a line break that is a record boundary); the result and any
/// error are those of one thread reading it all.
public enum CSVReader {
  /// Reads the requested columns of the CSV file at `url`.
  ///
  /// - Parameters:
  ///   - url: A file URL.
  ///   - displayPath: How messages name the file; defaults to `url.path`.
  ///   - features: The feature columns in the order wanted, or nil for every column but the
  ///     target, in file order.
  ///   - target: The target column, or nil for none.
  ///   - targetRequired: When false, a file without the target column reads as data with no
  ///     target (for prediction); when true that is an error.
  ///   - precision: The type the feature values are read as, each correctly rounded from
  ///     its decimal text; a value beyond that type's range is an error.
  /// - Throws: `CSVError`, located at the file, line and field where there is one.
  public static func read(
    contentsOf url: URL, displayPath: String? = nil, features: [String]? = nil,
    target: String? = nil, targetRequired: Bool = true,
    precision: RunConfig.Precision = .float64
  ) throws -> CSVData {
    let request = CSVColumnRequest(
      features: features, target: target, targetRequired: targetRequired)
    return try read(
      contentsOf: url, displayPath: displayPath ?? url.path, request: request,
      chunkSize: 1 << 20, precision: precision)
  }

  /// `read(contentsOf:...)` with a chosen chunk size, so that tests can split rows, fields,
  /// quotes and CRLF pairs across chunk boundaries, and a chosen size from which two threads
  /// read (0: always, when the file has a line break past its middle).
  static func read(
    contentsOf url: URL, displayPath: String, request: CSVColumnRequest, chunkSize: Int,
    precision: RunConfig.Precision = .float64, parallelMinimumBytes: Int = 8 << 20
  ) throws -> CSVData {
    let file = try CSVFile(url: url, path: displayPath)
    defer { file.close() }
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let minimum = threads >= 2 ? parallelMinimumBytes : .max
    switch precision {
    case .float64:
      return try CSVLoad<Double>(
        file: file, path: displayPath, request: request, chunkSize: chunkSize,
        parallelMinimumBytes: minimum
      ).read()
    case .float32:
      return try CSVLoad<Float>(
        file: file, path: displayPath, request: request, chunkSize: chunkSize,
        parallelMinimumBytes: minimum
      ).read()
    }
  }
}
