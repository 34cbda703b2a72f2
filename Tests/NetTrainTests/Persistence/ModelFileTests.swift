import Autograd
import Foundation
import NetTrain
import Testing

@Suite struct ModelFileTests {
  /// A trained binary MLP with standardised features and named columns.
  func trainedModel() -> (Model<Double>, LabeledData<Double>) {
    let data = Fixtures.separable(rows: 60, seed: 2)
    let model = Model<Double>(
      .mlp(hidden: [5, 3], activation: .relu), inputs: 2, task: .binary,
      featureScaling: Standardizer(fittedTo: data.features), seed: 4)
    model.featureNames = ["width", "height \"cm\""]
    model.targetName = "fits"
    model.classLabels = ["no", "yes"]
    let trainer = Trainer(
      options: TrainingOptions(epochs: 5, batchSize: 8, seed: 4),
      optimizer: SGD<Double>(learningRate: 0.3, momentum: 0.9))
    _ = trainer.fit(model, on: data)
    return (model, data)
  }

  func roundTrip<Scalar>(_ model: Model<Scalar>) throws -> (Model<Scalar>, String) {
    let text = JSONWriter().string(for: model.json())
    let loaded = try Model<Scalar>(json: JSONParser.parse(text, path: "m.json"), path: "m.json")
    return (loaded, text)
  }

  @Test func saveLoadPredictGivesIdenticalOutputs() throws {
    let (model, data) = trainedModel()
    let (loaded, text) = try roundTrip(model)
    #expect(
      loaded.predict(data.features).scalars.map(\.bitPattern)
        == model.predict(data.features).scalars.map(\.bitPattern))
    #expect(Fixtures.values(of: loaded) == Fixtures.values(of: model))
    #expect(loaded.featureScaling == model.featureScaling)
    #expect(loaded.featureNames == model.featureNames && loaded.targetName == "fits")
    #expect(loaded.classLabels == ["no", "yes"] && loaded.kind == model.kind)
    #expect(JSONWriter().string(for: loaded.json()) == text)  // saving again: the same bytes
  }

  @Test func regressionAndMulticlassRoundTripBitForBit() throws {
    let houses = Fixtures.houses(rows: 20, noise: 1, seed: 3)
    guard case .values(let y) = houses.targets else { return }
    let regression = Model<Double>(
      .linear, inputs: 4, task: .regression,
      featureScaling: Standardizer(fittedTo: houses.features),
      targetScaling: Standardizer(fittedTo: y), seed: 1)
    let (loadedRegression, _) = try roundTrip(regression)
    #expect(
      loadedRegression.predict(houses.features).scalars
        == regression.predict(houses.features).scalars)
    #expect(loadedRegression.targetScaling == regression.targetScaling)

    let softmax = Model<Double>(.logistic, inputs: 4, task: .multiclass(classes: 3), seed: 1)
    let (loadedSoftmax, _) = try roundTrip(softmax)
    #expect(loadedSoftmax.task == .multiclass(classes: 3))
    #expect(
      loadedSoftmax.logits(for: houses.features).scalars
        == softmax.logits(for: houses.features).scalars)
  }

  @Test func floatModelsRoundTripBitForBit() throws {
    let model = Model<Float>(
      .mlp(hidden: [7], activation: .sigmoid), inputs: 3, task: .regression, seed: 9)
    let (loaded, text) = try roundTrip(model)
    #expect(Fixtures.values(of: loaded) == Fixtures.values(of: model))
    #expect(text.contains("\"precision\": \"float32\""))
    #expect(
      try ModelFile.precision(of: JSONParser.parse(text, path: "m.json"), path: "m.json")
        == .float32)
    #expect(throws: ModelFileError.self) {
      try Model<Double>(json: JSONParser.parse(text, path: "m.json"), path: "m.json")
    }
  }

  @Test func theResolvedConfigIsStoredUnderConfig() throws {
    let (model, _) = trainedModel()
    let config: JSONValue = ["name": "fits", "training": ["epochs": 5]]
    let json = model.json(config: config)
    #expect(json.objectValue?["config"] == config)
    #expect(json.objectValue?.keys.last == "config")
    #expect(model.json().objectValue?["config"] == nil)
    _ = try Model<Double>(json: json, path: "m.json")
  }

  @Test func writesAndReadsAFile() throws {
    let (model, data) = trainedModel()
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-model-\(UInt64.random(in: 0...UInt64.max)).json")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.write(to: url)
    let loaded = try Model<Double>(contentsOf: url)
    #expect(loaded.predict(data.features).scalars == model.predict(data.features).scalars)
  }

  @Test func theStreamedFileHasTheBytesOfTheWrittenValue() throws {
    let (model, _) = trainedModel()
    let config: JSONValue = ["name": "fits", "training": ["epochs": 5, "rate": 0.1]]
    let wide = Model<Float>(
      .mlp(hidden: [7, 3], activation: .tanh), inputs: 5, task: .multiclass(classes: 4),
      featureScaling: Standardizer(means: [1, 2, 3, 4, 5], scales: [0.5, 1, 2, 3, 1e-3]),
      seed: 9)
    wide.featureNames = (1...5).map { "f\($0)" }
    wide.classLabels = ["a", "b", "c", "d"]
    let folder = FileManager.default.temporaryDirectory
    for (index, (written, expected)) in [
      (model.write(to:config:), JSONWriter().string(for: model.json(config: config))),
      (wide.write(to:config:), JSONWriter().string(for: wide.json(config: config))),
    ].enumerated() {
      let url = folder.appendingPathComponent(
        "nettrain-streamed-\(index)-\(UInt64.random(in: 0...UInt64.max)).json")
      defer { try? FileManager.default.removeItem(at: url) }
      try written(url, config)
      #expect(try Data(contentsOf: url) == Data(expected.utf8))
    }
  }
}
