import Foundation
import NetTrain
import Testing

/// `nettrain eval` run as a subprocess on models built in-process, against the scores the
/// library computes (and, for one model, by hand).
@Suite struct EvalEndToEndTests {
  /// y = 2a − b + 0.5 predicts 0.5, 6, −2.5 for targets 1.5, 5, −2: errors −1, 1, −0.5.
  @Test func regressionScoresByHand() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(EvalFixtures.handLinearModel())
    let data = try files.write("a,b,y\n1,2,1.5\n3,0.5,5\n-1,1,-2\n", to: "hand.csv")
    let run = try files.run(["eval", "--model", model, "--data", data, "--json"])
    run.expectSuccess()
    let json = try run.json()
    let metrics = json["metrics"]
    #expect(string(json, "model") == model)
    #expect(string(json, "data") == data)
    #expect(try number(json, "rows") == 3)
    #expect(string(json, "task") == "regression")
    #expect(string(json, "target") == "y")
    #expect(isClose(try number(json, "loss"), 0.75))
    #expect(isClose(try number(metrics, "mse"), 0.75))
    #expect(isClose(try number(metrics, "rmse"), 0.75.squareRoot()))
    #expect(isClose(try number(metrics, "mae"), 2.5 / 3))
    // Σ(y − ȳ)² with ȳ = 1.5: 0 + 12.25 + 12.25.
    #expect(isClose(try number(metrics, "r2"), 1 - 2.25 / 24.5))
    #expect(run.outputLines.count == 1)
  }

  @Test func regressionMatchesTheLibraryInTheTargetsUnits() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.regressionModel()
    let modelPath = try files.write(model)
    let data = try files.write(EvalFixtures.regressionCSV, to: "rows.csv")
    let expected = model.evaluate(
      LabeledData(
        features: EvalFixtures.featureTensor(),
        targets: .values(Tensor(EvalFixtures.regressionTargets, shape: .matrix(6, 1)))))
    let regression = try #require(expected.regression)

    let json = try files.run(["eval", "--model", modelPath, "--data", data, "--json"])
    json.expectSuccess()
    let object = try json.json()
    let metrics = object["metrics"]
    #expect(try number(object, "rows") == 6)
    #expect(try number(object, "loss") == expected.loss)
    #expect(try number(metrics, "mse") == regression.meanSquaredError)
    #expect(try number(metrics, "rmse") == regression.rootMeanSquaredError)
    #expect(try number(metrics, "mae") == regression.meanAbsoluteError)
    #expect(try number(metrics, "r2") == regression.rSquared)

    let table = try files.run(["eval", "--model", modelPath, "--data", data])
    table.expectSuccess()
    #expect(table.outputLines.first == "\(modelPath) on \(data): 6 rows, regression of \"y\"")
    let values = tableValues(table)
    #expect(isClose(try #require(values["MSE"]), regression.meanSquaredError, tolerance: 1e-5))
    #expect(isClose(try #require(values["R²"]), regression.rSquared, tolerance: 1e-5))
    #expect(isClose(try #require(values["MAE"]), regression.meanAbsoluteError, tolerance: 1e-5))
    #expect(values["loss (mse, standardized target)"] != nil)
  }

  @Test func binaryMatchesTheLibrary() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.binaryModel()
    let modelPath = try files.write(model)
    let data = try files.write(EvalFixtures.binaryCSV, to: "rows.csv")
    let classes = EvalFixtures.binaryLabels.map { $0 == "yes" ? 1 : 0 }
    let expected = try #require(
      model.evaluate(
        LabeledData(features: EvalFixtures.featureTensor(), targets: .classes(classes))
      ).classification)

    let run = try files.run(["eval", "--model", modelPath, "--data", data, "--json"])
    run.expectSuccess()
    let object = try run.json()
    let metrics = try #require(object["metrics"])
    #expect(string(object, "task") == "binary")
    #expect(try number(metrics, "accuracy") == expected.accuracy)
    #expect(try number(metrics, "log_loss") == expected.logLoss)
    #expect(try number(metrics, "roc_auc") == expected.rocAUC)
    #expect(integerRows(metrics["confusion_matrix"]) == expected.confusionMatrix)
    try expectClasses(metrics, labels: ["no", "yes"], expected)
  }

  @Test func multiclassMatchesTheLibraryAndHasNoAUC() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.multiclassModel()
    let modelPath = try files.write(model)
    let data = try files.write(EvalFixtures.multiclassCSV, to: "rows.csv")
    let labels = ["cat", "dog", "eel"]
    let classes = EvalFixtures.animalLabels.compactMap { labels.firstIndex(of: $0) }
    let evaluation = model.evaluate(
      LabeledData(features: EvalFixtures.featureTensor(), targets: .classes(classes)))
    let expected = try #require(evaluation.classification)

    let run = try files.run(["eval", "--model", modelPath, "--data", data, "--json"])
    run.expectSuccess()
    let object = try run.json()
    let metrics = try #require(object["metrics"])
    #expect(string(object, "task") == "multiclass")
    #expect(try number(object, "loss") == evaluation.loss)
    #expect(try number(metrics, "accuracy") == expected.accuracy)
    #expect(try number(metrics, "log_loss") == expected.logLoss)
    #expect(metrics["roc_auc"] == nil)
    #expect(integerRows(metrics["confusion_matrix"]) == expected.confusionMatrix)
    try expectClasses(metrics, labels: labels, expected)
  }

  @Test func classificationTableHasPerClassScoresAndALabelledConfusionMatrix() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.multiclassModel()
    let modelPath = try files.write(model)
    let data = try files.write(EvalFixtures.multiclassCSV, to: "rows.csv")
    let run = try files.run(["eval", "--model", modelPath, "--data", data])
    run.expectSuccess()
    let lines = run.outputLines
    #expect(
      lines.first == "\(modelPath) on \(data): 6 rows, multiclass classification of \"animal\"")
    #expect(lines.contains { $0.hasPrefix("  accuracy ") })
    #expect(lines.contains { $0.hasPrefix("  log loss ") })
    #expect(!lines.contains { $0.contains("ROC AUC") })
    let header = try #require(lines.first { $0.hasPrefix("  class ") })
    #expect(header.split(separator: " ") == ["class", "precision", "recall", "F1", "support"])
    let matrixHeader = try #require(lines.firstIndex { $0.hasPrefix("  true \\ predicted") })
    #expect(lines[matrixHeader].split(separator: " ").suffix(3) == ["cat", "dog", "eel"])
    let classes = ["cat", "dog", "eel"]
    let indices = EvalFixtures.animalLabels.compactMap { classes.firstIndex(of: $0) }
    let matrix = try #require(
      model.evaluate(
        LabeledData(features: EvalFixtures.featureTensor(), targets: .classes(indices))
      ).classification?.confusionMatrix)
    for (offset, label) in classes.enumerated() {
      let cells = lines[matrixHeader + 1 + offset].split(separator: " ").map(String.init)
      #expect(cells == [label] + matrix[offset].map(String.init))
    }
  }

  @Test func float32ModelIsLoadedInItsPrecision() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.binaryModel(Float.self)
    let modelPath = try files.write(model)
    #expect(try String(contentsOfFile: modelPath, encoding: .utf8).contains("\"float32\""))
    let data = try files.write(EvalFixtures.binaryCSV, to: "rows.csv")
    let classes = EvalFixtures.binaryLabels.map { $0 == "yes" ? 1 : 0 }
    let expected = model.evaluate(
      LabeledData(features: EvalFixtures.featureTensor(Float.self), targets: .classes(classes)))
    let run = try files.run(["eval", "--model", modelPath, "--data", data, "--json"])
    run.expectSuccess()
    let object = try run.json()
    #expect(try number(object, "loss") == expected.loss)
    let metrics = object["metrics"]
    #expect(try number(metrics, "log_loss") == expected.classification?.logLoss)
  }

  // MARK: - Helpers

  private func expectClasses(
    _ metrics: JSONValue, labels: [String], _ expected: ClassificationMetrics,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let classes = try #require(metrics["classes"]?.arrayValue)
    #expect(classes.map { string($0, "label") } == labels, sourceLocation: sourceLocation)
    for (index, entry) in classes.enumerated() {
      #expect(try number(entry, "precision") == expected.precision[index])
      #expect(try number(entry, "recall") == expected.recall[index])
      #expect(try number(entry, "f1") == expected.f1[index])
      #expect(try number(entry, "support") == Double(expected.support[index]))
    }
  }

  /// The `NAME  VALUE` lines of a table report, by name.
  private func tableValues(_ run: NetTrainBinary.Run) -> [String: Double] {
    var values: [String: Double] = [:]
    for line in run.outputLines {
      let parts = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")
        .filter { !$0.isEmpty }
      if parts.count == 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) {
        values[parts[0]] = value
      }
    }
    return values
  }
}
