import Foundation
import NetTrain
import Testing

/// `nettrain predict` on bad input: exit status 2, one line on standard error, nothing on
/// standard output, no file written. (Damaged model files: `EvalErrorEndToEndTests`.)
@Suite struct PredictErrorEndToEndTests {
  @Test func commandLineAndOutputErrors() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(EvalFixtures.handLinearModel())
    try files.write("a,b\n1,2\n", to: "rows.csv")
    try FileManager.default.createDirectory(
      at: files.folder.appendingPathComponent("folder"), withIntermediateDirectories: true)
    let cases: [([String], String)] = [
      (["predict", "--data", "rows.csv"], "predict needs --model"),
      (["predict", "--model", model], "predict needs --data"),
      (
        ["predict", "--model", model, "--data", "rows.csv", "--out", "missing/p.csv"],
        "--out: cannot write missing/p.csv: the folder missing does not exist"
      ),
      (
        ["predict", "--model", model, "--data", "rows.csv", "--out", "folder"],
        "--out: folder is a directory"
      ),
      (
        ["predict", "extra", "--model", model, "--data", "rows.csv"],
        "unexpected argument 'extra' for 'predict'"
      ),
      (
        ["predict", "--model", model, "--data", "rows.csv", "--json"],
        "unknown option '--json' for 'predict'"
      ),
    ]
    for (arguments, message) in cases {
      try files.expectRejected(arguments, containing: message)
    }
  }

  @Test func dataErrorsWriteNothing() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(EvalFixtures.handLinearModel())
    let cases: [(String, String)] = [
      ("a,c\n1,2\n", "rows.csv:1: no column named \"b\" (wanted as a feature)"),
      ("a,b\n1,2\n3,inf\n", "rows.csv:3:2: column \"b\": infinite value \"inf\""),
      ("a,b,note\n1,2,\"open\n", "rows.csv:2:3: column \"note\": quoted field is never closed"),
      ("a,b,predicted_y\n1,2,3\n", "rows.csv: the file already has a column named \"predicted_y\""),
      ("", "rows.csv: empty file"),
    ]
    for (text, message) in cases {
      try files.write(text, to: "rows.csv")
      try files.expectRejected(
        ["predict", "--model", model, "--data", "rows.csv", "--out", "out.csv"],
        containing: message)
    }
  }
}
