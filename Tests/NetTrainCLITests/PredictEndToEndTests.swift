import Foundation
import NetTrain
import Testing

/// `nettrain predict` run as a subprocess: the input's columns as written, then the
/// predictions, checked against the model in-process.
@Suite struct PredictEndToEndTests {
  /// y = 2a − b + 0.5 on every row; the text column keeps its comma, quotes and line break.
  @Test func regressionByHandKeepsEveryInputFieldAndQuotesWhereNeeded() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = try files.write(EvalFixtures.handLinearModel())
    let data = try files.write(EvalFixtures.regressionCSV, to: "rows.csv")
    let run = try files.run(["predict", "--model", model, "--data", data])
    run.expectSuccess()
    #expect(
      run.standardOutput == """
        name,a,b,y,predicted_y
        "Smith, J",1,2,1.5,0.5
        plain,3,0.5,5,6
        "say \"\"hi\"\"",-1,1,-2,-2.5
        "two
        lines",0.25,-3,0,4
        e,2,2,3.25,2.5
        f,-2,-1,-4,-2.5

        """)
  }

  @Test func regressionValuesAreTheModelsInTheTargetsUnits() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.regressionModel()
    let modelPath = try files.write(model)
    let data = try files.write(EvalFixtures.regressionCSV, to: "rows.csv")
    let table = try predict(files, modelPath, data)
    #expect(table.header == ["name", "a", "b", "y", "predicted_y"])
    #expect(table.rows.map { Array($0.prefix(4)) } == EvalFixtures.regressionFields)
    let expected = model.predict(EvalFixtures.featureTensor()).scalars
    #expect(table.rows.map { Double($0[4]) } == expected)
  }

  @Test func binaryHasTheProbabilityOfTheSecondLabelThenTheLabel() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.binaryModel()
    let modelPath = try files.write(model)
    let data = try files.write(EvalFixtures.binaryCSV, to: "rows.csv")
    let table = try predict(files, modelPath, data)
    #expect(table.header == ["a", "b", "label", "probability_yes", "predicted_label"])
    let features = EvalFixtures.featureTensor()
    #expect(table.rows.map { Double($0[3]) } == model.predict(features).scalars)
    #expect(table.rows.map { $0[4] } == model.predictClasses(features).map { ["no", "yes"][$0] })
    #expect(table.rows.map { $0[2] } == EvalFixtures.binaryLabels)
    for row in table.rows {
      let probability = try #require(Double(row[3]))
      #expect((probability > 0.5) == (row[4] == "yes"))
    }
  }

  @Test func multiclassHasTheLabelThenOneProbabilityPerClass() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.multiclassModel()
    let modelPath = try files.write(model)
    let data = try files.write(EvalFixtures.multiclassCSV, to: "rows.csv")
    let table = try predict(files, modelPath, data)
    #expect(
      table.header == [
        "a", "b", "animal", "predicted_animal", "probability_cat", "probability_dog",
        "probability_eel",
      ])
    let features = EvalFixtures.featureTensor()
    let labels = ["cat", "dog", "eel"]
    #expect(table.rows.map { $0[3] } == model.predictClasses(features).map { labels[$0] })
    #expect(table.rows.flatMap { $0[4...].map { Double($0) } } == model.predict(features).scalars)
    for row in table.rows {
      let probabilities = row[4...].compactMap { Double($0) }
      #expect(isClose(probabilities.reduce(0, +), 1, tolerance: 1e-12))
      let best = try #require(probabilities.indices.max { probabilities[$0] < probabilities[$1] })
      #expect(row[3] == labels[best])
    }
  }

  @Test func float32PredictionsAreTheShortestFloatText() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let model = EvalFixtures.regressionModel(Float.self)
    let modelPath = try files.write(model)
    let data = try files.write("a,b\n1,2\n3,0.5\n-1,1\n", to: "rows.csv")
    let table = try predict(files, modelPath, data)
    let expected = model.predict(Tensor<Float>(rows: [[1, 2], [3, 0.5], [-1, 1]])).scalars
    #expect(table.rows.map { Float($0[2]) } == expected)
    #expect(table.rows.map { $0[2] } == expected.map { PredictionTable.text($0) })
    #expect(table.rows.allSatisfy { $0[2].count <= 12 })
  }

  @Test func outWritesTheSameTextToAFileAndNothingElse() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let modelPath = try files.write(EvalFixtures.binaryModel())
    let data = try files.write(EvalFixtures.binaryCSV, to: "rows.csv")
    let printed = try files.run(["predict", "--model", modelPath, "--data", data])
    printed.expectSuccess()
    let written = try files.run(
      ["predict", "--model", modelPath, "--data", data, "--out", "out/predictions.csv"])
    #expect(written.status == 2)  // the folder out/ does not exist yet
    try FileManager.default.createDirectory(
      at: files.folder.appendingPathComponent("out"), withIntermediateDirectories: true)
    let run = try files.run(
      ["predict", "--model", modelPath, "--data", data, "--out", "out/predictions.csv"])
    run.expectSuccess()
    #expect(run.standardOutput.isEmpty)
    let text = try String(contentsOfFile: files.path("out/predictions.csv"), encoding: .utf8)
    #expect(text == printed.standardOutput)
    #expect(try files.fileNames() == ["model.json", "out", "out/predictions.csv", "rows.csv"])
  }

  @Test func theTargetColumnIsNotNeededAndCRLFAndByteOrderMarkAreRead() throws {
    let files = try EvalFixtures()
    defer { files.remove() }
    let modelPath = try files.write(EvalFixtures.handLinearModel())
    let data = try files.write("\u{FEFF}b,id,a\r\n2,\"r,1\",1\r\n\r\n0.5,r2,3\r\n", to: "rows.csv")
    let run = try files.run(["predict", "--model", modelPath, "--data", data])
    run.expectSuccess()
    #expect(run.standardOutput == "b,id,a,predicted_y\n2,\"r,1\",1,0.5\n0.5,r2,3,6\n")
  }

  // MARK: - Helpers

  /// Runs `predict` and reads its output back with the project's CSV reader.
  private func predict(_ files: EvalFixtures, _ model: String, _ data: String) throws
    -> CSVRawTable
  {
    let run = try files.run(["predict", "--model", model, "--data", data])
    run.expectSuccess()
    let output = try files.write(run.standardOutput, to: "output.csv")
    return try CSVReader.readRawRows(contentsOf: URL(fileURLWithPath: output))
  }
}
