import Autograd
import NetTrain
import Testing

/// Same seed, same everything, bit for bit; another seed, another run.
@Suite struct DeterminismTests {
  func train(seed: UInt64) throws -> (weights: [Double], history: [EpochReport]) {
    let data = Fixtures.blobs(perClass: 30, seed: 4)
    let split = try DatasetSplit(rows: data.count, validationFraction: 0.2, seed: seed)
    let training = data.rows(at: split.training)
    let model = Model<Double>(
      .mlp(hidden: [6, 5], activation: .tanh), inputs: 2, task: .multiclass(classes: 3),
      featureScaling: Standardizer(fittedTo: training.features), seed: seed)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 15, batchSize: 7, seed: seed),
      optimizer: SGD<Double>(learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-3))
    let result = trainer.fit(model, on: training, validation: data.rows(at: split.validation))
    let history = result.history.map { report in
      var report = report
      report.seconds = 0
      return report
    }
    return (Fixtures.values(of: model).flatMap { $0 }, history)
  }

  @Test func sameSeedGivesIdenticalWeightsAndHistories() throws {
    let first = try train(seed: 3)
    let second = try train(seed: 3)
    #expect(first.weights.map(\.bitPattern) == second.weights.map(\.bitPattern))
    #expect(first.history == second.history)
    #expect(first.history.count == 15)
  }

  @Test func differentSeedDiffers() throws {
    let first = try train(seed: 3)
    let other = try train(seed: 4)
    #expect(first.weights != other.weights)
    #expect(first.history.map(\.trainingLoss) != other.history.map(\.trainingLoss))
  }
}
