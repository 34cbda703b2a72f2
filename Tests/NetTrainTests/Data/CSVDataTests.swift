import Foundation
import Testing

@testable import NetTrain

/// Data made in memory, and subsets of read data.
@Suite struct CSVDataTests {
  @Test func inMemoryDataNumbersRowsAsAFileWould() throws {
    let data = CSVData(
      displayPath: "memory", featureNames: ["a", "b"], features: [1, 2, 3, 4],
      targetName: "y", targetFields: ["p", "oops"])
    #expect(data.rowCount == 2)
    #expect(data.header == ["a", "b", "y"])
    #expect(data.featureFieldNumbers == [1, 2])
    #expect(data.targetFieldNumber == 3)
    #expect(data.lines == [2, 3])
    let error = #expect(throws: CSVError.self) { try data.numericTarget() }
    #expect(error?.description == "memory:2:3: column \"y\": expected a number, found \"p\"")
  }

  @Test func rowsKeepTheirLines() throws {
    let data = try readCSV("x,y\n1,a\n\n2,b\n3,c\n", target: "y")
    let subset = data.rows([2, 0])
    #expect(subset.rowCount == 2)
    #expect(subset.features == [3, 1])
    #expect(subset.targetFields == ["c", "a"])
    #expect(subset.lines == [5, 2])
    #expect(subset.header == data.header)
    #expect(
      subset.error(row: 0, fieldNumber: 2, "unknown label").description
        == "t.csv:5:2: unknown label")
    #expect(data.rows(0..<3) == data)
  }
}
