import Foundation
import Testing

/// `nettrain fit` run as a subprocess on tiny data: what it prints and what it writes.
@Suite struct FitEndToEndTests {
  static let files = ["loss.csv", "model.json", "config.json", "summary.json"]

  /// A workspace with `data.csv` (y = 3a − 2b + 1 + noise) and `tiny.json` (linear, `epochs`).
  private func regressionWorkspace(epochs: Int = 20) throws -> FitWorkspace {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.regressionCSV(), to: "data.csv")
    try workspace.write(
      FitFixtures.config(training: #"{"epochs": \#(epochs), "batch_size": 8}"#), to: "tiny.json")
    return workspace
  }

  @Test func regressionWritesTheRunFolderUnderTheCurrentDirectory() throws {
    let workspace = try regressionWorkspace()
    let run = try workspace.run(["fit", "tiny.json"])
    run.expectSuccess()
    for file in Self.files { #expect(workspace.exists("runs/tiny/\(file)"), "\(file)") }

    let curve = try workspace.lossTable("runs/tiny/loss.csv")
    #expect(curve.header == ["epoch", "train_loss", "val_loss", "seconds"])
    #expect(try curve.column("epoch") == (1...20).map(String.init))
    #expect(try curve.column("val_loss").allSatisfy { $0.isEmpty })
    let losses = try curve.numbers("train_loss")
    #expect(losses.allSatisfy { $0.isFinite && $0 >= 0 })
    #expect(try #require(losses.last) < 0.01 * losses[0], "\(losses)")
    #expect(try curve.numbers("seconds").allSatisfy { $0 >= 0 })

    let model = try workspace.jsonObject("runs/tiny/model.json")
    #expect(model["format"] as? String == "nettrain-model")
    #expect(model["features"] as? [String] == ["a", "b"])
    #expect(model["target"] as? String == "y")
    let summary = try workspace.jsonObject("runs/tiny/summary.json")
    #expect(summary["outcome"] as? String == "completed")
    #expect(summary["epochs"] as? Int == 20)
    let train = summary["train_seconds"] as? Double
    let compile = summary["compile_seconds"] as? Double
    #expect(train.map { $0 >= 0 } == true && compile.map { $0 > 0 } == true, "\(summary)")
    #expect(run.standardOutput.contains("runs/tiny/"))
  }

  @Test func configJSONHasEveryDefaultFilledIn() throws {
    let workspace = try regressionWorkspace(epochs: 2)
    try workspace.run(["fit", "tiny.json", "--quiet"]).expectSuccess()
    let config = try workspace.jsonObject("runs/tiny/config.json")
    #expect(config["task"] as? String == "regression")
    #expect(config["loss"] as? String == "mse")
    let data = try #require(config["data"] as? [String: Any])
    #expect(data["standardize"] as? Bool == true)
    #expect(data["target"] as? String == "y")
    let optimizer = try #require(config["optimizer"] as? [String: Any])
    #expect(optimizer["name"] as? String == "sgd")
    #expect(optimizer["learning_rate"] as? Double == 0.1)
    #expect(optimizer["momentum"] as? Double == 0)
    #expect(optimizer["nesterov"] as? Bool == false)
    #expect(optimizer["weight_decay"] as? Double == 0)
    let training = try #require(config["training"] as? [String: Any])
    #expect(training["epochs"] as? Int == 2)
    #expect(training["batch_size"] as? Int == 8)
    #expect(training["shuffle"] as? Bool == true)
    #expect(training["seed"] as? Int == 0)
  }

  /// The summary's `y ≈ ...` line, in the features' own units, recovers y = 3a − 2b + 1.
  @Test func summaryPrintsTheLearnedCoefficients() throws {
    let workspace = try regressionWorkspace()
    let run = try workspace.run(["fit", "tiny.json"])
    run.expectSuccess()
    let line = try #require(
      run.outputLines.first { $0.contains("y ≈ ") }, "no 'y ≈' line in \(run.standardOutput)")
    let terms = try coefficients(line)
    #expect(abs(try #require(terms["a"]) - 3) < 0.05, "\(line)")
    #expect(abs(try #require(terms["b"]) + 2) < 0.05, "\(line)")
    #expect(abs(try #require(terms[""]) - 1) < 0.05, "\(line)")
  }

  @Test func outWritesThereInsteadOfRuns() throws {
    let workspace = try regressionWorkspace(epochs: 2)
    let run = try workspace.run(["fit", "tiny.json", "--out", "results/here"])
    run.expectSuccess()
    for file in Self.files { #expect(workspace.exists("results/here/\(file)"), "\(file)") }
    #expect(!workspace.exists("runs"))
    #expect(run.standardOutput.contains("results/here"))
  }

  @Test func quietPrintsNothing() throws {
    let workspace = try regressionWorkspace(epochs: 2)
    let run = try workspace.run(["fit", "tiny.json", "--quiet"])
    run.expectSuccess()
    #expect(run.standardOutput.isEmpty, "\(run.standardOutput)")
    for file in Self.files { #expect(workspace.exists("runs/tiny/\(file)"), "\(file)") }
  }

  /// Paths in a config are relative to its folder; the run folder is relative to the
  /// working folder.
  @Test func dataPathsAreRelativeToTheConfigFolder() throws {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.regressionCSV(rows: 20), to: "data/points.csv")
    try workspace.write(
      FitFixtures.config(train: "../data/points.csv", training: #"{"epochs": 2}"#),
      to: "configs/tiny.json")
    try workspace.run(["fit", "configs/tiny.json", "--quiet"]).expectSuccess()
    #expect(workspace.exists("runs/tiny/model.json"))
    #expect(!workspace.exists("configs/runs"))
  }

  /// RFC 4180 details: byte-order mark, CRLF, quoted header and field.
  @Test func readsQuotedCRLFDataWithAByteOrderMark() throws {
    let workspace = try FitWorkspace()
    let rows = "\"a\",\"b, c\",y\r\n1,2,0\r\n2,\"1\",5\r\n3,3,4\r\n0,1,-1\r\n"
    try workspace.write(Data([0xEF, 0xBB, 0xBF]) + Data(rows.utf8), to: "data.csv")
    try workspace.write(FitFixtures.config(training: #"{"epochs": 2}"#), to: "tiny.json")
    try workspace.run(["fit", "tiny.json", "--quiet"]).expectSuccess()
    let model = try workspace.jsonObject("runs/tiny/model.json")
    #expect(model["features"] as? [String] == ["a", "b, c"])
  }

  /// Logistic regression with string labels and a validation fraction: accuracy columns.
  @Test func classificationWithStringLabelsWritesAccuracyColumns() throws {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.classificationCSV(), to: "data.csv")
    try workspace.write(FitFixtures.classificationConfig(epochs: 6), to: "labels.json")
    let run = try workspace.run(["fit", "labels.json"])
    run.expectSuccess()
    let curve = try workspace.lossTable("runs/labels/loss.csv")
    #expect(
      curve.header
        == ["epoch", "train_loss", "val_loss", "train_accuracy", "val_accuracy", "seconds"])
    #expect(try curve.column("epoch") == (1...6).map(String.init))
    for column in ["train_loss", "val_loss"] {
      #expect(try curve.numbers(column).allSatisfy { $0.isFinite && $0 > 0 }, "\(column)")
    }
    for column in ["train_accuracy", "val_accuracy"] {
      #expect(try curve.numbers(column).allSatisfy { (0...1).contains($0) }, "\(column)")
    }
    #expect(try #require(try curve.numbers("train_accuracy").last) >= 0.75)

    let model = try workspace.jsonObject("runs/labels/model.json")
    #expect(model["classes"] as? [String] == ["no", "yes"])
    let config = try workspace.jsonObject("runs/labels/config.json")
    #expect(config["task"] as? String == "binary")
    #expect(config["loss"] as? String == "bce")
    #expect((config["data"] as? [String: Any])?["validation"] as? Double == 0.25)
    let summary = try workspace.jsonObject("runs/labels/summary.json")
    #expect(summary["training_rows"] as? Int == 30)
    #expect(summary["validation_rows"] as? Int == 10)
    #expect(run.standardOutput.contains("log-odds(label = yes) ≈ "))
  }

  /// The terms of a printed `NAME ≈ 2.98·a − 1.99·b + 1.01` line by feature name, the
  /// intercept under "".
  private func coefficients(_ line: String) throws -> [String: Double] {
    let right = try #require(line.components(separatedBy: " ≈ ").last)
    let signed = right.replacingOccurrences(of: " − ", with: " + −")
    var terms: [String: Double] = [:]
    for term in signed.components(separatedBy: " + ") {
      let parts = term.components(separatedBy: "·")
      let number = Double(parts[0].replacingOccurrences(of: "−", with: "-"))
      let value = try #require(number, "'\(term)'")
      terms[parts.count > 1 ? parts[1] : ""] = value
    }
    return terms
  }
}
