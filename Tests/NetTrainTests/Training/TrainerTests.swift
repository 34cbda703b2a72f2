import Autograd
import NetTrain
import Testing

/// An optimizer that changes nothing, to show that a new optimizer plugs into the loop
/// unchanged (and to keep a model fixed while the loop runs).
struct CountingOptimizer: Optimizer {
  var steps = 0
  mutating func beginStep() { steps += 1 }
  mutating func update(
    _ parameter: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
    index: Int, of count: Int
  ) {}
}

@Suite struct TrainerTests {
  func regressionModel(seed: UInt64 = 0) -> Model<Double> {
    Model<Double>(.mlp(hidden: [3], activation: .tanh), inputs: 4, task: .regression, seed: seed)
  }

  /// Ten rows in batches of four: three steps an epoch (the last batch has two rows), and the
  /// reported loss is the mean of the three batch means, taken in row order without shuffling.
  @Test func lastPartialBatchIsKeptAndLossIsTheMeanOfBatchMeans() {
    let data = Fixtures.houses(rows: 10, noise: 1, seed: 1)
    let model = regressionModel()
    let trainer = Trainer(
      options: TrainingOptions(epochs: 2, batchSize: 4, shuffle: false),
      optimizer: CountingOptimizer())
    let result = trainer.fit(model, on: data)
    guard case .values(let y) = data.targets else { return }
    let batchLosses = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]].map { rows in
      model.loss(model.logits(for: data.features.rows(at: rows)), y.rows(at: rows)).item
    }
    let expected = (batchLosses[0] + batchLosses[1] + batchLosses[2]) / 3
    #expect(result.history.map(\.trainingLoss) == [expected, expected])
    #expect(result.history.map(\.epoch) == [1, 2])
    #expect(result.history.allSatisfy { $0.trainingAccuracy == nil && $0.validationLoss == nil })
  }

  /// The time spent compiling the steps (two here: batches of four and the last of two) is
  /// measured and is part of the epochs' wall time.
  @Test func compilingTheStepsIsTimed() {
    let data = Fixtures.houses(rows: 10, noise: 1, seed: 1)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 3, batchSize: 4), optimizer: CountingOptimizer())
    let result = trainer.fit(regressionModel(), on: data)
    let seconds = result.history.last?.seconds ?? 0
    #expect(result.compileSeconds > 0 && result.compileSeconds <= seconds, "\(result)")
  }

  @Test func everyStepGoesThroughTheOptimizerProtocol() {
    final class Steps {
      var count = 0
      var updates: [Int] = []
    }
    struct Recording: Optimizer {
      let steps: Steps
      mutating func beginStep() { steps.count += 1 }
      mutating func update(
        _ parameter: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        index: Int, of count: Int
      ) {
        #expect(parameter.count == gradient.count && count == 4)
        steps.updates.append(index)
      }
    }
    let steps = Steps()
    let trainer = Trainer(
      options: TrainingOptions(epochs: 3, batchSize: 4), optimizer: Recording(steps: steps))
    _ = trainer.fit(regressionModel(), on: Fixtures.houses(rows: 10, noise: 1, seed: 1))
    // 3 epochs of 3 batches; every step updates the 4 parameters (2 layers), in order.
    #expect(steps.count == 9)
    #expect(steps.updates == Array(repeating: [0, 1, 2, 3], count: 9).flatMap { $0 })
  }

  @Test func validationIsScoredAfterEveryEpoch() throws {
    let data = Fixtures.blobs(perClass: 20, seed: 2)
    let split = try DatasetSplit(rows: data.count, validationFraction: 0.25, seed: 0)
    let model = Model<Double>(.logistic, inputs: 2, task: .multiclass(classes: 3), seed: 0)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 5, batchSize: 8), optimizer: SGD<Double>(learningRate: 0.1))
    let validation = data.rows(at: split.validation)
    let result = trainer.fit(model, on: data.rows(at: split.training), validation: validation)
    let last = try #require(result.history.last)
    let evaluation = model.evaluate(validation)
    #expect(last.validationLoss == evaluation.loss)
    #expect(last.validationAccuracy == evaluation.classification?.accuracy)
    #expect(last.trainingAccuracy != nil)
    #expect(zip(result.history, result.history.dropFirst()).allSatisfy { $0.seconds <= $1.seconds })
  }

  @Test func callbackCanStopTraining() {
    let trainer = Trainer(
      options: TrainingOptions(epochs: 10, batchSize: 4), optimizer: SGD<Double>(learningRate: 0.01)
    )
    var seen: [Int] = []
    let result = trainer.fit(regressionModel(), on: Fixtures.houses(rows: 10, noise: 1, seed: 1)) {
      seen.append($0.epoch)
      return $0.epoch == 3 ? .stop : .continue
    }
    #expect(seen == [1, 2, 3])
    #expect(result.outcome == .stopped(afterEpoch: 3) && result.history.count == 3)
  }

  /// The interruption check runs before every step: checks 1–3 are epoch 1's three steps,
  /// check 4 is the first step of epoch 2.
  @Test func interruptionStopsBetweenSteps() {
    let model = regressionModel()
    let trainer = Trainer(
      options: TrainingOptions(epochs: 10, batchSize: 4), optimizer: SGD<Double>(learningRate: 0.01)
    )
    var checks = 0
    let result = trainer.fit(
      model, on: Fixtures.houses(rows: 10, noise: 1, seed: 1),
      isInterrupted: {
        checks += 1
        return checks == 5
      })
    #expect(result.outcome == .interrupted(epoch: 2))
    #expect(result.history.count == 1)
  }

  /// A learning rate far too large on unstandardised data: the loss overflows, training stops
  /// at that epoch, and the parameters are those at the end of the last finite epoch.
  @Test func divergenceRestoresTheLastFiniteParameters() {
    let model = Model<Double>(.linear, inputs: 4, task: .regression, seed: 0)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 100, batchSize: 5),
      optimizer: SGD<Double>(learningRate: 0.05))
    var snapshots: [[[Double]]] = [Fixtures.values(of: model)]
    let result = trainer.fit(model, on: Fixtures.houses(rows: 20, noise: 1, seed: 1)) { _ in
      snapshots.append(Fixtures.values(of: model))
      return .continue
    }
    guard case .diverged(let epoch) = result.outcome else {
      Issue.record("expected divergence, got \(result.outcome)")
      return
    }
    #expect(epoch > 2)  // some finite epochs first, so the restore is not to the start
    #expect(result.history.count == epoch - 1)
    #expect(result.history.allSatisfy { $0.trainingLoss.isFinite })
    #expect(Fixtures.values(of: model) == snapshots[epoch - 1])
    #expect(model.parameters.allSatisfy { $0.isFinite })
  }

  @Test func evaluationRecordsNoGraph() {
    let model = regressionModel()
    let x = Fixtures.houses(rows: 3, noise: 1, seed: 1).features
    #expect(!model.logits(for: x).isTracked)
    #expect(!model.predict(x).isTracked)
  }
}
