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

  /// Large enough products (128 × 64 × 256) that a second thread takes part: the weights and
  /// the history are the same bits for every thread count.
  @Test func resultsDoNotDependOnTheThreadCount() {
    var random = SeededGenerator(seed: 5)
    let (rows, columns) = (128, 64)
    let features = Tensor<Double>(
      (0..<rows * columns).map { _ in random.nextNormal() }, shape: .matrix(rows, columns))
    let classes = (0..<rows).map { _ in random.nextIndex(below: 3) }
    let data = LabeledData(features: features, targets: .classes(classes))
    func train(threads: Int) -> (weights: [[Double]], losses: [Double]) {
      let model = Model<Double>(
        .mlp(hidden: [256], activation: .tanh), inputs: columns, task: .multiclass(classes: 3),
        seed: 6)
      let trainer = Trainer(
        options: TrainingOptions(epochs: 2, batchSize: rows, threads: threads),
        optimizer: SGD<Double>(learningRate: 0.1))
      let result = trainer.fit(model, on: data)
      return (Fixtures.values(of: model), result.history.map(\.trainingLoss))
    }
    let one = train(threads: 1)
    for threads in [2, 3] {
      let other = train(threads: threads)
      #expect(other.weights.map { $0.map(\.bitPattern) } == one.weights.map { $0.map(\.bitPattern) })
      #expect(other.losses == one.losses)
    }
    #expect(one.losses.count == 2 && one.losses[1] < one.losses[0])
  }
}
