import Foundation
import Testing

@testable import NetTrain

/// Every way a CSV file can be wrong, and where the error says the problem is.
@Suite struct CSVReaderErrorTests {
  // MARK: - The file itself

  @Test func missingFile() throws {
    try TemporaryFolder.with { folder in
      let url = folder.url.appendingPathComponent("absent.csv")
      let error = #expect(throws: CSVError.self) {
        try CSVReader.read(contentsOf: url, displayPath: "data/absent.csv")
      }
      #expect(error?.description == "data/absent.csv: no such file")
    }
  }

  @Test func aFolderInThePathIsAFile() throws {
    try TemporaryFolder.with { folder in
      let file = try folder.write("t.csv", bytes: Array("a\n1\n".utf8))
      let error = #expect(throws: CSVError.self) {
        try CSVReader.read(contentsOf: file.appendingPathComponent("x.csv"), displayPath: "p")
      }
      #expect(error?.message.contains("no such file") == true)
    }
  }

  @Test func directory() throws {
    try TemporaryFolder.with { folder in
      let error = #expect(throws: CSVError.self) {
        try CSVReader.read(contentsOf: folder.url, displayPath: "data")
      }
      #expect(error?.description == "data: is a directory, not a CSV file")
    }
  }

  /// Root reads files whatever their mode, so this only runs as another user.
  @Test(.enabled(if: getuid() != 0, "root can read a file with mode 000"))
  func unreadableFile() throws {
    try TemporaryFolder.with { folder in
      let file = try folder.write("t.csv", bytes: Array("a\n1\n".utf8))
      try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
      let error = #expect(throws: CSVError.self) {
        try CSVReader.read(contentsOf: file, displayPath: "t.csv")
      }
      #expect(error?.description == "t.csv: permission denied: cannot read the file")
    }
  }

  @Test(arguments: ["", "\u{FEFF}", "\n\r\n\n"])
  func emptyFile(_ text: String) {
    let error = csvError(text)
    #expect(error?.description == "t.csv: empty file: expected a header row")
  }

  @Test(arguments: ["a,b", "a,b\n", "a,b\r\n\r\n"])
  func headerOnly(_ text: String) {
    let error = csvError(text)
    #expect(error?.description == "t.csv: no data rows: the file has only a header")
  }

  @Test func binaryFile() {
    let error = csvError(bytes: [0x61, 0x0A, 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])
    #expect(error?.line == 2)
    #expect(error?.message.contains("binary") == true)
  }

  @Test func nulByteInALongHeader() {
    let header = (0..<2_000).map { "c\($0)" }.joined(separator: ",") + ",\0x\n1\n"
    let error = csvError(header)
    #expect(error?.line == 1)
    #expect(error?.column == 2_001)
    #expect(error?.message.contains("not UTF-8 text") == true)
  }

  @Test func invalidUTF8InTheHeader() {
    let error = csvError(bytes: Array("a,".utf8) + [0xC3, 0x28] + Array(",c\n1,2,3\n".utf8))
    #expect(error?.line == 1)
    #expect(error?.column == 2)
    #expect(error?.message.contains("not UTF-8") == true)
  }

  @Test func utf16() {
    let error = csvError(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00])
    #expect(error?.description == "t.csv: the file is UTF-16 text; save it as UTF-8")
  }

  // MARK: - The header and the requested columns

  @Test func duplicateColumnNames() {
    let error = csvError("a,b,a\n1,2,3\n")
    #expect(error?.line == 1)
    #expect(error?.column == 3)
    #expect(error?.message.contains("duplicate column name \"a\" (fields 1 and 3)") == true)
  }

  @Test func emptyColumnName() {
    let error = csvError("\n,b\n1,2\n")
    #expect(
      error?.description == "t.csv:2:1: column 1 has no name in the header; every column needs one")
  }

  @Test func missingFeatureColumnSuggestsTheClosestName() {
    let error = csvError("distance,rent\n1,2\n", features: ["distnce"], target: "rent")
    #expect(error?.line == 1)
    #expect(error?.column == nil)
    #expect(
      error?.message
        == "no column named \"distnce\" (wanted as a feature); did you mean \"distance\"? "
        + "The columns are: \"distance\", \"rent\"")
  }

  @Test func missingTargetColumnListsTheColumns() {
    let error = csvError("a,b\n1,2\n", target: "price")
    #expect(
      error?.description
        == "t.csv:1: no column named \"price\" (wanted as the target). "
        + "The columns are: \"a\", \"b\"")
  }

  @Test func aLongColumnListIsCut() {
    let header = (0..<20).map { "p\($0)" }.joined(separator: ",")
    let error = csvError(
      header + "\n" + Array(repeating: "0", count: 20).joined(separator: ",") + "\n",
      target: "Digit")
    #expect(error?.message.hasSuffix("\"p11\", … (20 in all)") == true)
  }

  @Test func caseOnlyDifferenceIsSuggested() {
    let error = csvError("Rent,x\n1,2\n", target: "rent")
    #expect(error?.message.contains("did you mean \"Rent\"?") == true)
  }

  @Test func targetAlsoAFeature() {
    let error = csvError("a,y\n1,2\n", features: ["a", "y"], target: "y")
    #expect(error?.description == "t.csv: column \"y\" is the target and cannot also be a feature")
  }

  @Test func featureRequestedTwice() {
    let error = csvError("a,y\n1,2\n", features: ["a", "a"], target: "y")
    #expect(error?.message.contains("requested twice") == true)
  }

  @Test func noFeatureColumns() {
    #expect(csvError("y\n1\n", target: "y")?.message.contains("no feature columns") == true)
    #expect(csvError("a,y\n1,2\n", features: [], target: "y")?.message.contains("none") == true)
  }

  // MARK: - Rows and quoting

  @Test func tooFewAndTooManyFields() {
    #expect(
      csvError("a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n")?.description
        == "t.csv:3: expected 5 fields, found 4")
    #expect(csvError("a,b\n1,2\n\n1,2,\n")?.description == "t.csv:4: expected 2 fields, found 3")
  }

  @Test func aLineOfSpacesIsARowWithOneField() {
    #expect(csvError("a,b\n1,2\n  \n3,4\n")?.description == "t.csv:3: expected 2 fields, found 1")
  }

  @Test func unterminatedQuoteNamesTheLineItOpensOn() {
    let error = csvError("a,b\n1,2\n3,\"4\n5,6\n7,8\n")
    #expect(error?.line == 3)
    #expect(error?.column == 2)
    #expect(error?.message.hasPrefix("column \"b\": quoted field is never closed") == true)
  }

  @Test func quoteInsideAnUnquotedField() {
    let error = csvError("a,b\n1,2\n3,4\"5\n")
    #expect(error?.line == 3)
    #expect(error?.column == 2)
    #expect(error?.message.contains("quote character inside an unquoted field") == true)
  }

  @Test func textAfterAClosingQuote() {
    let error = csvError("a,b,c\n1,\"x\ny\"z z,3\n")
    #expect(error?.line == 3, "the line of the closing quote")
    #expect(error?.column == 2)
    #expect(error?.message.contains("unexpected \"z z\" after the closing quote") == true)
  }

  @Test func quoteErrorsInTheHeaderHaveNoColumnName() {
    let error = csvError("a,b\"c\n1,2\n")
    #expect(error?.description.hasPrefix("t.csv:1:2: quote character") == true)
  }

  // MARK: - Values

  @Test(arguments: [
    ("", "missing value (empty field)"),
    ("  ", "missing value (empty field)"),
    ("NA", "missing value \"NA\""),
    ("NaN", "missing value \"NaN\""),
    ("nan", "missing value \"nan\""),
    ("\"n/a\"", "missing value \"n/a\""),
    ("?", "missing value \"?\""),
    ("inf", "infinite value \"inf\"; values must be finite numbers"),
    ("-inf", "infinite value \"-inf\"; values must be finite numbers"),
    ("Infinity", "infinite value \"Infinity\"; values must be finite numbers"),
    ("1e999", "number \"1e999\" is out of range for a double"),
    ("abc", "expected a number, found \"abc\""),
    ("0x1A", "expected a number, found \"0x1A\""),
    ("1 2", "expected a number, found \"1 2\""),
    ("\"3,5\"", "expected a number, found \"3,5\" (use \".\" as the decimal point)"),
    ("\"say \"\"hi\"\"\"", "expected a number, found \"say \\\"hi\\\"\""),
  ])
  func badFeatureValue(_ field: String, _ problem: String) {
    let error = csvError("id,distance,rent\n1,2,3\n4,\(field),6\n", target: "rent")
    #expect(error?.description == "t.csv:3:2: column \"distance\": \(problem)")
  }

  @Test func aBadValueOnARowAfterAMultiLineFieldNamesTheRowsFirstLine() {
    let error = csvError("note,x\n\"a\nb\",abc\n", features: ["x"])
    #expect(error?.description == "t.csv:2:2: column \"x\": expected a number, found \"abc\"")
  }

  @Test func theLeftmostBadFieldIsReportedWhateverTheFeatureOrder() {
    let error = csvError("a,b\n1,2\nx,y\n", features: ["b", "a"])
    #expect(error?.column == 1)
  }

  @Test func longValuesAreShortenedInMessages() {
    let long = String(repeating: "z", count: 100)
    let error = csvError("a\n\(long)\n")
    #expect(
      error?.message
        == "column \"a\": expected a number, found \"\(String(repeating: "z", count: 40))…\"")
  }

  @Test(arguments: [("", "missing value (empty field)"), ("NA", "missing value \"NA\"")])
  func missingTargetValue(_ field: String, _ problem: String) {
    let error = csvError("x,label\n1,a\n2,\(field)\n", target: "label")
    #expect(error?.description == "t.csv:3:2: column \"label\": \(problem)")
  }

  @Test func invalidUTF8InTheTarget() {
    let error = csvError(bytes: Array("x,label\n1,".utf8) + [0xFF] + [0x0A], target: "label")
    #expect(error?.line == 2)
    #expect(error?.column == 2)
    #expect(error?.message.contains("not UTF-8") == true)
  }

  @Test func numericTargetNamesTheFirstBadRow() throws {
    let data = try readCSV("label,x\n1,1\n\n0,2\ncat,3\ninf,4\n", target: "label")
    let error = #expect(throws: CSVError.self) { try data.numericTarget() }
    #expect(error?.description == "t.csv:5:1: column \"label\": expected a number, found \"cat\"")
  }

  @Test func numericTargetWithoutATarget() throws {
    let data = try readCSV("x\n1\n")
    #expect(throws: CSVError.self) { try data.numericTarget() }
  }

  @Test func descriptionForms() {
    #expect(CSVError(path: "p", message: "m").description == "p: m")
    #expect(CSVError(path: "p", line: 3, message: "m").description == "p:3: m")
    #expect(CSVError(path: "p", line: 3, column: 4, message: "m").description == "p:3:4: m")
    #expect(CSVError(path: "p", line: 3, message: "m").localizedDescription == "p:3: m")
  }
}
