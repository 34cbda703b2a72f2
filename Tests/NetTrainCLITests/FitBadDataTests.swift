import Foundation
import Testing

/// Bad CSV data given to `fit`: exit 2, one error line naming the file, line and column,
/// nothing written.
@Suite struct FitBadDataTests {
  /// A config on `data.csv` with `data` members added (each starting with a comma).
  static func config(
    train: String = "data.csv", data: String = "", target: String = "y", model: String? = nil
  ) -> String {
    FitFixtures.config(
      name: "bad", train: train, target: target, data: data,
      model: model ?? #"{"type": "linear"}"#,
      training: #"{"epochs": 2, "batch_size": 4}"#)
  }

  static let cases: [FitBadInput] = [
    .csv("ragged row", "a,b,y\n1,2,3\n4,5\n7,8,9\n", expecting: "data.csv:3", "3 fields"),
    .csv("a row with an extra field", "a,b,y\n1,2,3\n4,5,6,\n", expecting: "data.csv:3"),
    .csv(
      "non-numeric feature", "a,b,y\n1,2,3\n4,x,6\n7,8,9\n",
      expecting: "data.csv:3:", "\"b\"", "\"x\""),
    .csv("empty field", "a,b,y\n1,2,3\n4,,6\n7,8,9\n", expecting: "data.csv:3:", "empty"),
    .csv("NaN", "a,b,y\n1,2,3\n4,NaN,6\n7,8,9\n", expecting: "data.csv:3:", "NaN"),
    .csv("NA", "a,b,y\n1,2,3\n4,NA,6\n7,8,9\n", expecting: "data.csv:3:", "NA"),
    .csv("nan in the target", "a,b,y\n1,2,3\n4,5,6\n7,8,nan\n", expecting: "data.csv:4:"),
    .csv("inf", "a,b,y\n1,2,3\n4,inf,6\n7,8,9\n", expecting: "data.csv:3:", "inf"),
    .csv("-Infinity", "a,b,y\n1,2,3\n4,-Infinity,6\n7,8,9\n", expecting: "data.csv:3:"),
    .csv("overflowing number", "a,b,y\n1,2,3\n4,1e999,6\n7,8,9\n", expecting: "data.csv:3:"),
    .csv("header only", "a,b,y\n", expecting: "data.csv", "header"),
    .csv("empty file", "", expecting: "data.csv", "empty"),
    .csv(
      "duplicate column header", "a,a,y\n1,2,3\n4,5,6\n",
      expecting: "data.csv:1:", "duplicate", "\"a\""),
    .csv("unnamed column", "a,,y\n1,2,3\n4,5,6\n", expecting: "data.csv:1:"),
    .csv("unterminated quote", "a,b,y\n1,\"2,3\n4,5,6\n", expecting: "data.csv:2", "quote"),
    .csv("stray quote", "a,b,y\n1,2,3\n4,5\"x\",6\n", expecting: "data.csv:3:", "quote"),
    .csv(
      "missing feature column", "a,b,y\n1,2,3\n4,5,6\n",
      config: config(data: #", "features": ["a", "c"]"#),
      expecting: "data.csv:1", "\"c\""),
    .csv(
      "missing target column", "a,b,y\n1,2,3\n4,5,6\n", config: config(target: "z"),
      expecting: "data.csv:1", "\"z\""),
    .csv(
      "logistic model on a continuous target",
      "a,b,y\n1,2,1.5\n4,5,2.25\n7,8,3.125\n1.5,2,0.75\n2,3,1.5\n",
      config: config(model: #"{"type": "logistic"}"#),
      expecting: "data.csv:2:", "\"y\"", "continuous"),
    .csv(
      "validation file with other columns", "a,b,y\n1,2,3\n4,5,6\n",
      config: config(data: #", "validation": "val.csv""#),
      expecting: "val.csv:1", "\"b\""
    ).adding("val.csv", "a,q,y\n1,2,3\n"),
    .csv(
      "validation fraction that leaves no training rows", "a,b,y\n1,2,3\n4,5,6\n",
      config: config(data: #", "validation": 0.9"#),
      expecting: "c.json", "data.validation"),
    .config("missing data file", config(train: "absent.csv"), expecting: "absent.csv", "no such"),
    .config(
      "a folder as the data file", config(train: "points"), expecting: "points", "directory"
    ).addingFolder("points"),
    .config(
      "missing validation file", config(data: #", "validation": "val.csv""#),
      expecting: "val.csv", "no such file"),
  ]

  @Test(arguments: cases)
  func badDataIsRefused(_ input: FitBadInput) throws {
    try input.check()
  }

  /// The bytes of a PNG file's start, NULs included.
  @Test func binaryGarbageIsRefused() throws {
    var input = FitBadInput(testDescription: "binary", fragments: ["data.csv", "binary"])
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
    let bytes = png + (0..<64).map { UInt8(($0 * 151 + 7) % 256) }
    input.files["data.csv"] = Data(bytes)
    try input.check()
  }
}
