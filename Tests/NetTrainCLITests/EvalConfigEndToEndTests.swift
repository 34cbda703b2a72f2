import Foundation
import NetTrain
import Testing

/// `nettrain eval CONFIG`: the model from `runs/NAME/model.json` under the current directory
/// (or `--out`), the rows from `--data`, `data.test` or the validation split.
@Suite struct EvalConfigEndToEndTests {
  private static let trainCSV =
    "a,b,y\n"
    + (0..<10).map { "\($0),\(10 - $0),\($0 * 3)" }
    .joined(separator: "\n") + "\n"
  private static let testCSV = "y,b,a\n2,1,0.5\n-1,3,2\n7,0,4\n"

  private func files(config: String) throws -> EvalFixtures {
    let files = try EvalFixtures()
    try files.write(Self.trainCSV, to: "data/train.csv")
    try files.write(Self.testCSV, to: "data/test.csv")
    try files.write(config, to: "configs/r.json")
    return files
  }

  private static let configWithTest = """
    {"name": "r", "model": {"type": "linear"},
     "data": {"train": "../data/train.csv", "test": "../data/test.csv", "target": "y"}}
    """

  @Test func findsRunsNameModelUnderTheCurrentDirectoryAndScoresDataTest() throws {
    let files = try files(config: Self.configWithTest)
    defer { files.remove() }
    let model = EvalFixtures.regressionModel()
    try files.write(model, to: "runs/r/model.json")
    let run = try files.run(["eval", "configs/r.json", "--json"])
    run.expectSuccess()
    let json = try run.json()
    #expect(string(json, "model") == "runs/r/model.json")
    #expect(string(json, "data") == "data/test.csv")
    #expect(try number(json, "rows") == 3)
    #expect(json["split"] == nil)
    let expected = model.evaluate(
      LabeledData(
        features: Tensor(rows: [[0.5, 1], [2, 3], [4, 0]]),
        targets: .values(Tensor(rows: [[2], [-1], [7]]))))
    #expect(try number(json, "loss") == expected.loss)
    #expect(try number(json["metrics"], "mse") == expected.regression?.meanSquaredError)
  }

  @Test func outNamesTheRunFolderAndDataOverridesTheTestFile() throws {
    let files = try files(config: Self.configWithTest)
    defer { files.remove() }
    try files.write(EvalFixtures.regressionModel(), to: "elsewhere/r1/model.json")
    try files.write("a,b,y\n1,1,1\n", to: "one.csv")
    let run = try files.run([
      "eval", "configs/r.json", "--out", "elsewhere/r1", "--data", "one.csv",
    ])
    run.expectSuccess()
    #expect(
      run.outputLines.first == "elsewhere/r1/model.json on one.csv: 1 row, regression of \"y\"")
  }

  @Test func withoutATestFileScoresTheValidationSplitFitMadeWithTheModelsSeed() throws {
    let config = """
      {"name": "r", "model": {"type": "linear"}, "training": {"seed": 0},
       "data": {"train": "../data/train.csv", "validation": 0.4, "target": "y"}}
      """
    let files = try files(config: config)
    defer { files.remove() }
    // As if trained with `fit configs/r.json --seed 9`: the stored config has seed 9.
    var trained = try RunConfig.load(from: files.folder.appendingPathComponent("configs/r.json"))
    trained.training.seed = 9
    let model = EvalFixtures.regressionModel()
    let runFolder = files.folder.appendingPathComponent("runs/r")
    try files.write(
      JSONWriter().string(
        for: model.json(config: trained.resolvedJSON(task: .regression, pathsRelativeTo: runFolder))
      ),
      to: "runs/r/model.json")
    let expected = try validationScores(model, trained)
    var untouched = trained
    untouched.training.seed = 0
    #expect(try validationScores(model, untouched) != expected, "seeds 0 and 9 split alike")

    let run = try files.run(["eval", "configs/r.json", "--json"])
    run.expectSuccess()
    let json = try run.json()
    #expect(string(json, "data") == "data/train.csv")
    #expect(string(json, "split") == "validation")
    #expect(try number(json, "rows") == 4)
    #expect(try number(json, "loss") == expected.loss)
    #expect(try number(json["metrics"], "r2") == expected.regression?.rSquared)

    let table = try files.run(["eval", "configs/r.json"])
    #expect(table.outputLines.first?.contains("data/train.csv (validation split): 4 rows") == true)
  }

  /// After `fit --seed 5`, `eval CONFIG` scores the very rows fit validated on: its loss is
  /// the last `val_loss` of `loss.csv`, to the bit.
  @Test func validationLossIsTheOneFitReported() throws {
    let rows = (0..<40).map { index -> String in
      let x = Double(index % 7) - 3
      let z = Double(index % 5) / 2 - 1
      return "\(x),\(z),\(x + 0.5 * z > 0 ? "up" : "down")"
    }
    let config = """
      {"name": "tiny", "task": "binary", "model": {"type": "logistic"},
       "data": {"train": "../data/tiny.csv", "validation": 0.25, "target": "side"},
       "optimizer": {"name": "sgd", "learning_rate": 0.1},
       "training": {"epochs": 3, "batch_size": 4}}
      """
    let files = try EvalFixtures()
    defer { files.remove() }
    try files.write((["x,z,side"] + rows).joined(separator: "\n") + "\n", to: "data/tiny.csv")
    try files.write(config, to: "configs/tiny.json")
    let fit = try files.run(["fit", "configs/tiny.json", "--seed", "5", "--quiet"])
    #expect(fit.status == 0, "\(fit.standardError)")
    let curve = try String(contentsOfFile: files.path("runs/tiny/loss.csv"), encoding: .utf8)
    let last = try #require(curve.split(separator: "\n").last?.split(separator: ","))
    let validationLoss = try #require(Double(String(last[2])))

    let run = try files.run(["eval", "configs/tiny.json", "--json"])
    run.expectSuccess()
    let json = try run.json()
    #expect(string(json, "split") == "validation")
    #expect(try number(json, "rows") == 10)
    #expect(try number(json, "loss") == validationLoss)
  }

  /// The validation metrics `fit` prints are those `eval` gives for the model it wrote, on the
  /// same rows, in the target's units (features far from standardised: fit trains on them
  /// standardised in place, and must not standardise them twice when it scores them).
  @Test func fitPrintsTheValidationMetricsEvalGives() throws {
    let rows = (0..<40).map { index -> String in
      let (x, z) = (Double(index % 7) * 10 + 50, Double(index % 5) / 4 - 3)
      return "\(x),\(z),\(3 * x + 200 * z + (index % 2 == 0 ? 1 : -1))"
    }
    let config = """
      {"name": "lin", "model": {"type": "linear"},
       "data": {"train": "../data/lin.csv", "validation": 0.25, "target": "y"},
       "training": {"epochs": 200, "batch_size": 4}}
      """
    let files = try EvalFixtures()
    defer { files.remove() }
    try files.write((["x,z,y"] + rows).joined(separator: "\n") + "\n", to: "data/lin.csv")
    try files.write(config, to: "configs/lin.json")
    let fit = try files.run(["fit", "configs/lin.json"])
    #expect(fit.status == 0, "\(fit.standardError)")
    let eval = try files.run(["eval", "configs/lin.json", "--json"])
    eval.expectSuccess()
    let metrics = try eval.json()["metrics"]
    let (r2, rmse, mae) = try (
      number(metrics, "r2"), number(metrics, "rmse"), number(metrics, "mae")
    )
    #expect(r2 > 0.99, "\(eval.standardOutput)")
    let format = { (value: Double) in String(format: "%.4g", value) }
    let line = "validation (10 rows): R² \(format(r2)), RMSE \(format(rmse)), MAE \(format(mae))"
    #expect(fit.standardOutput.contains(line), "\(line)\n\(fit.standardOutput)")
  }

  @Test func aMissingModelSuggestsFit() throws {
    let files = try files(config: Self.configWithTest)
    defer { files.remove() }
    try files.run(["eval", "configs/r.json"]).expectUsageError(
      containing: "runs/r/model.json: no such model file; train the model first with "
        + "'nettrain fit configs/r.json'")
    try files.run(["eval", "configs/r.json", "--out", "x"]).expectUsageError(
      containing: "x/model.json: no such model file; train the model first with "
        + "'nettrain fit configs/r.json --out x'")
  }

  @Test func aConfigWithNoDataToScoreIsAnError() throws {
    let config = """
      {"name": "r", "model": {"type": "linear"},
       "data": {"train": "../data/train.csv", "target": "y"}}
      """
    let files = try files(config: config)
    defer { files.remove() }
    try files.write(EvalFixtures.regressionModel(), to: "runs/r/model.json")
    try files.run(["eval", "configs/r.json"]).expectUsageError(
      containing: "configs/r.json: no data to evaluate: give --data or set data.test / "
        + "data.validation in the config")
  }

  private func validationScores(_ model: Model<Double>, _ config: RunConfig) throws -> Evaluation {
    let data = try RunData.load(config, messagesRelativeTo: nil)
    let validation = try #require(data.validation)
    return model.evaluate(validation.labeled(as: Double.self))
  }
}
