import Foundation
import Testing

@testable import NetTrain

/// `CSVReader.readRawRows`, which `predict` copies its input's fields with: the same records
/// and lines as `CSVReader.read`, whatever the chunk boundaries.
@Suite struct PredictRawRowsTests {
  private static let text =
    "\u{FEFF}id,x,note\r\n\"a,1\",1,\"say \"\"hi\"\"\"\r\n\r\nb,2,\"two\nlines\"\rc,3,\n"

  private func withFile<T>(_ text: String, _ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-raw-rows-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  @Test func fieldsAreTheTextTheyStandFor() throws {
    let table = try withFile(Self.text) {
      try CSVReader.readRawRows(contentsOf: $0, displayPath: "t.csv")
    }
    #expect(table.header == ["id", "x", "note"])
    #expect(
      table.rows == [["a,1", "1", "say \"hi\""], ["b", "2", "two\nlines"], ["c", "3", ""]])
    #expect(table.lines == [2, 4, 6])
  }

  @Test func linesMatchTheNumericReader() throws {
    try withFile(Self.text) { url in
      let raw = try CSVReader.readRawRows(contentsOf: url)
      let numeric = try CSVReader.read(contentsOf: url, features: ["x"])
      #expect(raw.lines == numeric.lines)
    }
  }

  @Test(arguments: 1...9)
  func everyChunkSizeReadsTheSame(chunkSize: Int) throws {
    try withFile(Self.text) { url in
      let whole = try CSVReader.readRawRows(contentsOf: url, displayPath: "t.csv")
      let chunked = try CSVReader.readRawRows(
        contentsOf: url, displayPath: "t.csv", chunkSize: chunkSize)
      #expect(chunked == whole)
    }
  }

  @Test func errorsAreLocated() throws {
    let cases: [([UInt8], String)] = [
      (Array("a,b\n1,2\n3\n".utf8), "t.csv:3: expected 2 fields, found 1"),
      (Array("a,b\n".utf8), "t.csv: no data rows: the file has only a header"),
      ([], "t.csv: empty file: expected a header row"),
      (Array("a,b\n1,\"x\n".utf8), "t.csv:2:2: column \"b\": quoted field is never closed"),
      (Array("a,b\n1,".utf8) + [0xFF, 0x0A], "t.csv:2:2: the field is not UTF-8 text"),
    ]
    for (bytes, message) in cases {
      let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("nettrain-raw-rows-\(UUID().uuidString).csv")
      try Data(bytes).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      let error = #expect(throws: CSVError.self) {
        try CSVReader.readRawRows(contentsOf: url, displayPath: "t.csv")
      }
      #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }
  }
}
