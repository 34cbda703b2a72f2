import Foundation
import Testing

@testable import NetTrain

/// A fresh folder under the system's temporary directory for one test's files.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-csv-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to `name` in the folder and returns its URL.
  func write(_ name: String, bytes: [UInt8]) throws -> URL {
    let file = url.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return file
  }

  /// Runs `body` with the folder, then removes it whatever happens.
  static func with<T>(_ body: (TemporaryFolder) throws -> T) throws -> T {
    let folder = try TemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    return try body(folder)
  }
}

/// The chunk sizes every CSV in the tests is read with: tiny ones put every chunk boundary
/// inside fields, quotes, doubled quotes and CRLF pairs; the last is the default.
let testChunkSizes = [1, 2, 3, 5, 7, 64, 1 << 20]

/// Reads `bytes` as a CSV file named `t.csv` with every chunk size, by one thread and by two
/// (split in the middle however small the file), expecting the same result (or the same
/// error) from all of them, and returns it.
func readCSV(
  bytes: [UInt8], features: [String]? = nil, target: String? = nil,
  targetRequired: Bool = true, chunkSizes: [Int] = testChunkSizes
) throws -> CSVData {
  let request = CSVColumnRequest(
    features: features, target: target, targetRequired: targetRequired)
  return try TemporaryFolder.with { folder in
    let url = try folder.write("t.csv", bytes: bytes)
    var results: [Result<CSVData, CSVError>] = []
    var readings: [String] = []
    for chunkSize in chunkSizes {
      for parallelMinimumBytes in [Int.max, 0] {
        results.append(
          Result {
            try CSVReader.read(
              contentsOf: url, displayPath: "t.csv", request: request, chunkSize: chunkSize,
              parallelMinimumBytes: parallelMinimumBytes)
          }.mapError { $0 as? CSVError ?? CSVError(path: "?", message: "\($0)") })
        readings.append("chunk size \(chunkSize), \(parallelMinimumBytes == 0 ? 2 : 1) threads")
      }
    }
    for (reading, result) in zip(readings, results).dropFirst() {
      #expect(result == results[0], "\(reading) disagrees with \(readings[0])")
    }
    return try results[0].get()
  }
}

/// `readCSV(bytes:...)` on UTF-8 text.
func readCSV(
  _ text: String, features: [String]? = nil, target: String? = nil,
  targetRequired: Bool = true, chunkSizes: [Int] = testChunkSizes
) throws -> CSVData {
  try readCSV(
    bytes: Array(text.utf8), features: features, target: target,
    targetRequired: targetRequired, chunkSizes: chunkSizes)
}

/// The error reading `text` throws, or nil (with a failed expectation) when it reads.
func csvError(
  _ text: String, features: [String]? = nil, target: String? = nil,
  targetRequired: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
) -> CSVError? {
  csvError(
    bytes: Array(text.utf8), features: features, target: target,
    targetRequired: targetRequired, sourceLocation: sourceLocation)
}

/// The error reading `bytes` throws, or nil (with a failed expectation) when it reads.
func csvError(
  bytes: [UInt8], features: [String]? = nil, target: String? = nil,
  targetRequired: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
) -> CSVError? {
  do {
    _ = try readCSV(
      bytes: bytes, features: features, target: target, targetRequired: targetRequired)
    Issue.record("expected a CSVError, but the file read", sourceLocation: sourceLocation)
    return nil
  } catch let error as CSVError {
    return error
  } catch {
    Issue.record("expected a CSVError, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}
