import Foundation
import NetTrain
import Testing

/// `nettrain eval` and `predict` on bad input: exit status 2, one line on standard error
/// naming the place, nothing on standard output, no file written.
@Suite struct EvalErrorEndToEndTests {
  /// The model file of `handLinearModel`, pretty-printed, for tampering.
  private static let modelText = JSONWriter().string(for: EvalFixtures.handLinearModel().json())

  private static let dataText = "a,b,y\n1,2,1.5\n3,0.5,5\n"

  /// Writes a tampered model file and data, then checks that both `eval --model` and
  /// `predict --model ... --out` refuse it with `message` and write nothing.
  private func expectBadModel(
    _ text: String, containing message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(text, to: "model.json")
    let data = try files.write(Self.dataText, to: "rows.csv")
    try files.expectRejected(
      ["eval", "--model", model, "--data", data], containing: message,
      sourceLocation: sourceLocation)
    try files.expectRejected(
      ["predict", "--model", model, "--data", data, "--out", "out.csv"], containing: message,
      sourceLocation: sourceLocation)
  }

  @Test func truncatedModelFile() throws {
    let text = String(Self.modelText.prefix(Self.modelText.count / 2))
    try expectBadModel(text, containing: "model.json:")
  }

  @Test func weightRowOfTheWrongLength() throws {
    #expect(Self.modelText.contains("[2],"))
    let text = Self.modelText.replacingOccurrences(of: "[2],", with: "[2, 3],")
    try expectBadModel(text, containing: "model.json: layers[0].weight[0]: expected 1")
  }

  @Test func modelFormatVersion2() throws {
    #expect(Self.modelText.contains("\"version\": 1,"))
    let text = Self.modelText.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 2,")
    try expectBadModel(
      text, containing: "model.json: version: this file has model format version 2")
  }

  @Test func nonFiniteWeight() throws {
    #expect(Self.modelText.contains("[-1]"))
    let text = Self.modelText.replacingOccurrences(of: "[-1]", with: "[1e999]")
    try expectBadModel(text, containing: "model.json:")
  }

  @Test func notAModelFile() throws {
    try expectBadModel("{\"weights\": [1, 2]}\n", containing: "not a nettrain model file")
    try expectBadModel("", containing: "model.json:")
  }

  @Test func aDirectoryOrNothingWhereTheModelShouldBe() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let data = try files.write(Self.dataText, to: "rows.csv")
    try FileManager.default.createDirectory(
      at: files.folder.appendingPathComponent("run"), withIntermediateDirectories: true)
    try files.expectRejected(
      ["eval", "--model", "run", "--data", data],
      containing: "run: is a directory, not a model file")
    try files.expectRejected(
      ["predict", "--model", "run", "--data", data], containing: "run: is a directory")
    try files.expectRejected(
      ["eval", "--model", "none.json", "--data", data],
      containing: "none.json: no such model file")
  }

  // MARK: - Data

  @Test func dataErrorsAreLocated() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(EvalFixtures.handLinearModel())
    let cases: [(String, String)] = [
      ("a,c,y\n1,2,3\n", "rows.csv:1: no column named \"b\" (wanted as a feature)"),
      ("a,b,y\n1,x,2\n", "rows.csv:2:2: column \"b\": expected a number, found \"x\""),
      ("a,b,y\n1,2,NA\n", "rows.csv:2:3: column \"y\": missing value \"NA\""),
      ("a,b\n1,2\n", "rows.csv:1: no column named \"y\" (wanted as the target)"),
      ("a,b,y\n1,2\n", "rows.csv:2: expected 3 fields, found 2"),
      ("a,b,y\n", "rows.csv: no data rows"),
    ]
    for (text, message) in cases {
      try files.write(text, to: "rows.csv")
      try files.expectRejected(
        ["eval", "--model", model, "--data", "rows.csv"], containing: message)
    }
    try files.expectRejected(
      ["eval", "--model", model, "--data", "none.csv"], containing: "none.csv: no such file")
  }

  @Test func aLabelTheModelWasNotTrainedOn() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(EvalFixtures.binaryModel())
    try files.write("a,b,label\n1,2,no\n3,4,maybe\n", to: "rows.csv")
    try files.expectRejected(
      ["eval", "--model", model, "--data", "rows.csv"],
      containing: "rows.csv:3:3: column \"label\": label \"maybe\" does not occur in the "
        + "training data (labels: \"no\", \"yes\")")
  }

  // MARK: - Command lines

  @Test func wrongCombinationsOfArguments() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(EvalFixtures.handLinearModel())
    try files.write(Self.dataText, to: "rows.csv")
    let cases: [([String], String)] = [
      (
        ["eval", "r.json", "--model", model, "--data", "rows.csv"],
        "CONFIG and --model cannot be used together"
      ),
      (["eval", "--model", model], "eval needs --data"),
      (
        ["eval", "--model", model, "--data", "rows.csv", "--out", "x"],
        "--out and --model cannot be used together"
      ),
      (["eval"], "eval needs CONFIG or --model MODEL.json --data CSV"),
      (["eval", "--model", model, "--data", "rows.csv", "--jsn"], "did you mean '--json'?"),
      (["eval", "missing.json"], "missing.json: no such config file"),
    ]
    for (arguments, message) in cases {
      try files.expectRejected(arguments, containing: message)
    }
  }
}

extension EvalFixtures {
  /// Runs `arguments` and checks the error contract, and that no file appeared or changed.
  func expectRejected(
    _ arguments: [String], containing message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try snapshot()
    let run = try run(arguments)
    run.expectUsageError(containing: message, sourceLocation: sourceLocation)
    #expect(try snapshot() == before, "files changed", sourceLocation: sourceLocation)
  }

  /// Every file's name and contents.
  private func snapshot() throws -> [String: Data] {
    var contents: [String: Data] = [:]
    for name in try fileNames() {
      contents[name] = FileManager.default.contents(atPath: path(name)) ?? Data()
    }
    return contents
  }
}
