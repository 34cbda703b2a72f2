import Autograd
import NetTrain
import Testing

/// The three model kinds learn what they should.
@Suite struct ModelTrainingTests {
  /// Standardised training, then the coefficients mapped back to the original units
  /// recover y = 700a + 200b − 100c + 100d within 1 %.
  @Test func linearRegressionRecoversTheWeightsInOriginalUnits() throws {
    let data = Fixtures.houses(rows: 1000, noise: 5, seed: 42)
    guard case .values(let targets) = data.targets else { return }
    let model = Model<Double>(
      .linear, inputs: 4, task: .regression,
      featureScaling: Standardizer(fittedTo: data.features),
      targetScaling: Standardizer(fittedTo: targets), seed: 0)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 200, batchSize: 32, seed: 0),
      optimizer: SGD<Double>(learningRate: 0.05))
    let result = trainer.fit(model, on: data)
    #expect(result.outcome == .completed && result.history.count == 200)

    let coefficients = try #require(model.coefficientsInOriginalUnits())
    for (found, truth) in zip(coefficients.weights[0], [700.0, 200, -100, 100]) {
      #expect(Swift.abs(found - truth) < 0.01 * Swift.abs(truth), "\(found) for \(truth)")
    }
    #expect(Swift.abs(coefficients.intercepts[0]) < 3)
    // The coefficients predict what the model predicts, in the target's units.
    let row = data.features.rows(at: [0])
    let direct = zip(coefficients.weights[0], row.scalars).reduce(coefficients.intercepts[0]) {
      $0 + $1.0 * $1.1
    }
    #expect(Swift.abs(model.predict(row).item - direct) < 1e-9 * Swift.abs(direct))
    #expect(try #require(model.evaluate(data).regression).rSquared > 0.9999)
  }

  @Test func logisticRegressionSeparatesLinearlySeparableData() throws {
    let data = Fixtures.separable(rows: 200, seed: 5)
    let model = Model<Double>(
      .logistic, inputs: 2, task: .binary,
      featureScaling: Standardizer(fittedTo: data.features), seed: 0)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 200, batchSize: 16, seed: 0),
      optimizer: SGD<Double>(learningRate: 0.5))
    let result = trainer.fit(model, on: data)
    #expect(result.history.last?.trainingAccuracy == 1)
    let metrics = try #require(model.evaluate(data).classification)
    #expect(metrics.accuracy == 1)
    #expect(metrics.rocAUC == 1)
    // The log-odds per original unit point along the true boundary x₁ + 2x₂ = 1.
    let coefficients = try #require(model.coefficientsInOriginalUnits())
    let (w1, w2, b) = (
      coefficients.weights[0][0], coefficients.weights[0][1], coefficients.intercepts[0]
    )
    #expect(w1 > 0 && Swift.abs(w2 / w1 - 2) < 0.3 && Swift.abs(-b / w1 - 1) < 0.3)
  }

  @Test func tanhNetworkLearnsXOR() {
    let model = Model<Double>(
      .mlp(hidden: [8], activation: .tanh), inputs: 2, task: .binary, seed: 0)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 1000, batchSize: 4, seed: 0),
      optimizer: SGD<Double>(learningRate: 0.5, momentum: 0.9))
    let result = trainer.fit(model, on: Fixtures.xor)
    #expect(result.outcome == .completed)
    let evaluation = model.evaluate(Fixtures.xor)
    #expect(evaluation.loss < 0.01, "XOR loss \(evaluation.loss)")
    #expect(model.predictClasses(Fixtures.xor.features) == [0, 1, 1, 0])
  }

  @Test func softmaxRegressionLearnsThreeClasses() throws {
    let data = Fixtures.blobs(perClass: 50, seed: 9)
    let model = Model<Double>(
      .logistic, inputs: 2, task: .multiclass(classes: 3),
      featureScaling: Standardizer(fittedTo: data.features), seed: 0)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 100, batchSize: 16, seed: 0),
      optimizer: SGD<Double>(learningRate: 0.2))
    let result = trainer.fit(model, on: data)
    let (first, last) = (try #require(result.history.first), try #require(result.history.last))
    #expect(first.trainingLoss > last.trainingLoss)
    let metrics = try #require(model.evaluate(data).classification)
    #expect(metrics.accuracy >= 0.97, "accuracy \(metrics.accuracy)")
    let probabilities = model.predict(data.features)
    #expect(probabilities.shape == [150, 3])
    for row in 0..<150 {
      let total = (0..<3).reduce(0.0) { $0 + probabilities[row, $1] }
      #expect(Swift.abs(total - 1) < 1e-12)
    }
  }

  @Test func floatModelsTrainToo() throws {
    let data = Fixtures.separable(rows: 100, seed: 5, as: Float.self)
    let model = Model<Float>(
      .mlp(hidden: [4], activation: .relu), inputs: 2, task: .binary,
      featureScaling: Standardizer(fittedTo: data.features), seed: 1)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 100, batchSize: 10, seed: 1),
      optimizer: SGD<Float>(learningRate: 0.2, momentum: 0.5))
    _ = trainer.fit(model, on: data)
    #expect(try #require(model.evaluate(data).classification).accuracy >= 0.97)
  }
}
