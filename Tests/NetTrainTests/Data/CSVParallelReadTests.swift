import Foundation
import Testing

@testable import NetTrain

/// Two threads read a file into the same data, and the same errors, as one thread; float32
/// reads round each value once from its text.
@Suite struct CSVParallelReadTests {
  /// `rows` rows of three random decimals and a label, the text of row `row` given by `line`
  /// when it returns one.
  private func file(rows: Int, seed: UInt64, line: (Int) -> String? = { _ in nil }) -> String {
    var generator = SeededGenerator(seed: seed)
    var text = "a,b,c,label\n"
    for row in 0..<rows {
      if let special = line(row) {
        text += special + "\n"
        continue
      }
      let values = (0..<3).map { _ in
        String(format: "%.6f", generator.nextUniform(in: -3, 3))
      }
      text += values.joined(separator: ",") + ",\(generator.nextIndex(below: 10))\n"
    }
    return text
  }

  private func read(
    _ text: String, threads: Int, precision: RunConfig.Precision = .float64
  ) -> Result<CSVData, CSVError> {
    Result {
      try TemporaryFolder.with { folder in
        let url = try folder.write("t.csv", bytes: Array(text.utf8))
        return try CSVReader.read(
          contentsOf: url, displayPath: "t.csv",
          request: CSVColumnRequest(features: nil, target: "label", targetRequired: true),
          chunkSize: 4096, precision: precision,
          parallelMinimumBytes: threads == 2 ? 0 : .max)
      }
    }.mapError { $0 as? CSVError ?? CSVError(path: "?", message: "\($0)") }
  }

  @Test func twoThreadsReadWhatOneReads() throws {
    let text = file(rows: 5_000, seed: 1)
    let one = try read(text, threads: 1).get()
    #expect(one.rowCount == 5_000 && one.lines.last == 5_001)
    #expect(try read(text, threads: 2).get() == one)
  }

  @Test func anErrorInTheSecondHalfNamesItsLineAsOneThreadDoes() {
    let text = file(rows: 5_000, seed: 2) { $0 == 4_000 ? "1,2,x,3" : nil }
    let one = read(text, threads: 1)
    #expect(throws: CSVError.self) { try one.get() }
    #expect(read(text, threads: 2) == one)
    if case .failure(let error) = one {
      #expect(error.description.hasPrefix("t.csv:4002:3: column \"c\": expected a number"))
    }
  }

  @Test func theFirstErrorInTheFileWinsWhenBothHalvesHaveOne() {
    let text = file(rows: 5_000, seed: 3) { [100, 4_000].contains($0) ? "1,2,,3" : nil }
    let error = read(text, threads: 2)
    #expect(error == read(text, threads: 1))
    if case .failure(let error) = error { #expect(error.line == 102) }
  }

  /// A quoted field whose line breaks span the middle of the file: the line break there is
  /// no record boundary, and the first thread reads on alone.
  @Test func aQuotedFieldAcrossTheMiddleIsReadAsOneThreadReadsIt() throws {
    let quoted = "1,2,3,\"" + String(repeating: "x\n", count: 3_000) + "\""
    let text = file(rows: 200, seed: 4) { $0 == 100 ? quoted : nil }
    let one = try read(text, threads: 1).get()
    #expect(one.rowCount == 200 && one.lines.last == 3_201)
    #expect(try read(text, threads: 2).get() == one)
  }

  /// Rows much shorter after the sample than in it: the estimate of the rows falls short and
  /// the file is read again with more room.
  @Test func anEstimateThatFallsShortStillReadsEveryRow() throws {
    let long = "1.00000000000000000000000000000000000000000000000000000000000,2,3,4"
    let text = file(rows: 60_000, seed: 5) { $0 < 20_000 ? long : "1,2,3,4" }
    let one = try read(text, threads: 1).get()
    #expect(one.rowCount == 60_000 && one.featureRow(59_999) == [1, 2, 3])
    #expect(try read(text, threads: 2).get() == one)
  }

  @Test func float32ValuesAreFloatFromStringOfTheirText() throws {
    let text = file(rows: 2_000, seed: 6)
    let data = try read(text, threads: 2, precision: .float32).get()
    let fields = text.split(separator: "\n").dropFirst().flatMap {
      $0.split(separator: ",").dropLast()
    }
    let expected = fields.map { Float(String($0)) ?? .nan }
    #expect(data.featureValues == .float32(expected))
    #expect(try read(text, threads: 1, precision: .float32).get() == data)
  }

  @Test func aNumberBeyondAFloatIsAnErrorInFloat32() {
    let text = "a,label\n1e300,1\n"
    #expect(throws: Never.self) { try read(text, threads: 1).get() }
    let error = read(text, threads: 1, precision: .float32)
    if case .failure(let error) = error {
      #expect(
        error.description
          == "t.csv:2:1: column \"a\": number \"1e300\" is out of range for a float (precision float32)")
    } else {
      Issue.record("1e300 read as a float")
    }
  }
}
