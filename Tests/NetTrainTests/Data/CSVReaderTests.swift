import Foundation
import Testing

@testable import NetTrain

/// What the CSV reader accepts and what it makes of it.
@Suite struct CSVReaderTests {
  @Test func readsFeaturesAndTargetByHeaderName() throws {
    let data = try readCSV("a,b,y\n1,2,3\n4.5,-6,x\n", target: "y")
    #expect(data.displayPath == "t.csv")
    #expect(data.header == ["a", "b", "y"])
    #expect(data.featureNames == ["a", "b"])
    #expect(data.featureFieldNumbers == [1, 2])
    #expect(data.rowCount == 2)
    #expect(data.features == [1, 2, 4.5, -6])
    #expect(data.featureRow(1) == [4.5, -6])
    #expect(data.targetName == "y")
    #expect(data.targetFieldNumber == 3)
    #expect(data.targetFields == ["3", "x"])
    #expect(data.lines == [2, 3])
  }

  @Test func defaultFeaturesKeepFileOrderAroundTheTarget() throws {
    let data = try readCSV("c,y,a,b\n1,9,2,3\n", target: "y")
    #expect(data.featureNames == ["c", "a", "b"])
    #expect(data.featureFieldNumbers == [1, 3, 4])
    #expect(data.features == [1, 2, 3])
  }

  @Test func requestedFeaturesComeInTheRequestedOrder() throws {
    let data = try readCSV("a,b,c,y\n1,2,3,4\n5,6,7,8\n", features: ["c", "a"], target: "y")
    #expect(data.featureNames == ["c", "a"])
    #expect(data.featureFieldNumbers == [3, 1])
    #expect(data.features == [3, 1, 7, 5])
  }

  @Test func unusedColumnsAreNotConverted() throws {
    let data = try readCSV(
      "id,x,note,y\nabc,1,NA,0\n,2,\"q, \"\"r\"\"\",1\n", features: ["x"], target: "y")
    #expect(data.features == [1, 2])
    #expect(data.targetFields == ["0", "1"])
  }

  @Test func withoutATargetEveryColumnIsAFeature() throws {
    let data = try readCSV("a,b\n1,2\n")
    #expect(data.featureNames == ["a", "b"])
    #expect(data.targetName == nil)
    #expect(data.targetFieldNumber == nil)
    #expect(data.targetFields == nil)
  }

  @Test func anOptionalTargetMayBeAbsent() throws {
    let absent = try readCSV("a,b\n1,2\n", target: "y", targetRequired: false)
    #expect(absent.featureNames == ["a", "b"])
    #expect(absent.targetFields == nil)
    let present = try readCSV("a,y\n1,cat\n", target: "y", targetRequired: false)
    #expect(present.featureNames == ["a"])
    #expect(present.targetFields == ["cat"])
  }

  @Test func stringLabelsAreKeptAsWritten() throws {
    let data = try readCSV(
      "x,label\n1,cat\n2, dog \n3,\"big, bad wolf\"\n4,Ünïcødé\n", target: "label")
    #expect(data.targetFields == ["cat", " dog ", "big, bad wolf", "Ünïcødé"])
  }

  // MARK: - Quoting

  @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
    let text =
      "\"a,1\",\"say \"\"hi\"\"\",note\n\"1\",2,\"two\nlines\"\n3,\"4\",\"\"\"\"\n5,6,\"ok\"\n"
    let data = try readCSV(text, features: ["a,1", "say \"hi\""], target: "note")
    #expect(data.header == ["a,1", "say \"hi\"", "note"])
    #expect(data.features == [1, 2, 3, 4, 5, 6])
    #expect(data.lines == [2, 4, 5], "a row after a two-line field starts two lines on")
    let withoutTarget = try readCSV(text, features: ["a,1"])
    #expect(withoutTarget.rowCount == 3)
  }

  @Test func quotedTargetTextLosesItsQuotesAndKeepsItsLineBreaks() throws {
    let data = try readCSV("x,y\n1,\"a\r\nb\"\n2,\"\"\"q\"\"\"\n", target: "y")
    #expect(data.targetFields == ["a\r\nb", "\"q\""])
    #expect(data.lines == [2, 4])
  }

  // MARK: - Line ends, BOM, blank lines

  @Test(arguments: ["\n", "\r\n", "\r"])
  func lineEnds(_ end: String) throws {
    let text = ["a,y", "1,p", "2,q"].joined(separator: end)
    for final in ["", end] {
      let data = try readCSV(text + final, target: "y")
      #expect(data.features == [1, 2])
      #expect(data.targetFields == ["p", "q"])
      #expect(data.lines == [2, 3])
    }
  }

  @Test func mixedLineEnds() throws {
    let data = try readCSV("a,y\r\n1,p\n2,q\r3,r\r\n", target: "y")
    #expect(data.targetFields == ["p", "q", "r"])
    #expect(data.lines == [2, 3, 4])
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    let data = try readCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("a,y\n1,2\n".utf8), target: "y")
    #expect(data.header == ["a", "y"])
    #expect(data.features == [1])
  }

  /// Empty lines are skipped anywhere, and line numbers stay physical.
  @Test func blankLinesAreSkipped() throws {
    let data = try readCSV("\n\na,y\n\n1,p\r\n\r\n2,q\n\n\n", target: "y")
    #expect(data.header == ["a", "y"])
    #expect(data.targetFields == ["p", "q"])
    #expect(data.lines == [5, 7])
  }

  @Test func aSingleColumnFileReads() throws {
    let data = try readCSV("x\n1\n\n2")
    #expect(data.features == [1, 2])
    #expect(data.lines == [2, 4])
  }

  // MARK: - Numbers

  @Test func numbersMayHaveSpacesOrTabsAroundThemAndBeQuoted() throws {
    let data = try readCSV("a,b,c\n 1 ,\t2.5\t,\" -3e2 \"\n")
    #expect(data.features == [1, 2.5, -300])
  }

  @Test func numberForms() throws {
    let data = try readCSV("a,b,c,d,e,f,g\n.5,5.,+3,1E5,-0,1e-300,007\n")
    #expect(data.features == [0.5, 5, 3, 100_000, 0, 1e-300, 7])
    #expect(data.features[4].sign == .minus)
  }

  @Test func numericTargetParsesTheTargetText() throws {
    let data = try readCSV("x,y\n1, 2.5\n2,\"-1e3\"\n", target: "y")
    #expect(try data.numericTarget() == [2.5, -1000])
  }

  // MARK: - Streaming

  /// Every chunk size from one byte to the whole file gives the same data.
  @Test func everyChunkBoundaryGivesTheSameData() throws {
    let text = "\u{FEFF}a,\"b\"\"\",y\r\n1,\"2\",\"x,\r\n\"\"y\"\"\"\r\n\r\n3, 4 ,z\r5,6,\"w\"\n"
    let bytes = Array(text.utf8)
    let data = try readCSV(bytes: bytes, target: "y", chunkSizes: Array(1...bytes.count + 1))
    #expect(data.header == ["a", "b\"", "y"])
    #expect(data.features == [1, 2, 3, 4, 5, 6])
    #expect(data.targetFields == ["x,\r\n\"y\"", "z", "w"])
    #expect(data.lines == [2, 5, 6])
  }

  /// A file much larger than a chunk, with rows straddling every chunk boundary.
  @Test func manyRowsAcrossChunks() throws {
    var generator = SeededGenerator(seed: 7)
    var text = "x1,x2,label\n"
    var expected: [Double] = []
    for row in 0..<5_000 {
      let x1 = generator.nextUniform(in: -1e3, 1e3)
      let x2 = Double(generator.nextIndex(below: 1_000)) / 8
      expected += [x1, x2]
      text += "\(x1),\(x2),\(row % 3 == 0 ? "\"c,\(row)\"" : "c\(row)")\n"
    }
    let data = try readCSV(text, target: "label", chunkSizes: [997, 4096, 1 << 20])
    #expect(data.rowCount == 5_000)
    #expect(data.features == expected)
    #expect(data.targetFields?[3] == "c,3")
    #expect(data.lines.last == 5_001)
  }
}
