import Autograd

/// Minibatch training of a model with an optimizer.
///
/// Each epoch draws a fresh permutation of the training rows (unless `shuffle` is off), cuts
/// it into batches of `batchSize` (the last one keeps what is left), and for each batch runs
/// the forward pass, the loss, the engine's backward sweep and one optimizer step. The step
/// is recorded once per batch size and replayed as a compiled `Program` (see `CompiledStep`),
/// which gives the same bits as running the ops one by one, much faster. After the
/// epoch it scores the validation set without recording a graph and hands a report to the
/// callback. It never prints.
///
/// Divergence: when a batch loss, the validation loss or a parameter becomes NaN or
/// infinite, training stops and the parameters are restored to the copy kept at the end of
/// the last finite epoch.
public struct Trainer<Algorithm: Optimizer> {
  /// The scalar type of the models this trainer trains.
  public typealias Scalar = Algorithm.Scalar

  /// Epochs, batch size, shuffling and its seed.
  public var options: TrainingOptions
  /// The optimizer as it starts every `fit` (each run works on its own copy, so its state
  /// starts empty every time).
  public var optimizer: Algorithm

  /// A trainer that runs `optimizer` as `options` say.
  public init(options: TrainingOptions, optimizer: Algorithm) {
    self.options = options
    self.optimizer = optimizer
  }

  /// Trains `model` in place on `training` and returns the per-epoch history and outcome.
  ///
  /// - Parameters:
  ///   - training: at least one row; targets must suit `model.task`.
  ///   - validation: rows scored after every epoch, or `nil`.
  ///   - onEpoch: gets every epoch's report; returning `.stop` ends training there.
  ///   - isInterrupted: checked before every step; when it returns true, training stops
  ///     with the parameters of the last finished step (for Ctrl-C).
  @inlinable
  public func fit(
    _ model: Model<Scalar>, on training: LabeledData<Scalar>,
    validation: LabeledData<Scalar>? = nil,
    onEpoch: (EpochReport) -> TrainingDecision = { _ in .continue },
    isInterrupted: () -> Bool = { false }
  ) -> TrainingResult {
    precondition(training.count > 0, "training on no rows")
    let start = ContinuousClock.now
    let train = model.prepared(training)
    let check = validation.map { model.prepared($0) }
    let parameters = model.parameters
    let compiled = CompiledTraining(
      model: model, threads: options.threads, descentRate: self.optimizer.descentRate)
    var optimizer = self.optimizer
    var generator = SeededGenerator(seed: options.seed)
    var lastFinite = parameters.map { $0.scalars }
    var history: [EpochReport] = []
    for epoch in stride(from: 1, through: options.epochs, by: 1) {
      let order = options.shuffle ? generator.permutation(train.count) : Array(0..<train.count)
      let pass = runEpoch(
        compiled, on: train, order: order, isFinal: epoch == options.epochs,
        optimizer: &optimizer, isInterrupted)
      switch conclude(pass, epoch: epoch, model: model, train: train, check: check, start: start) {
      case .ended(let outcome):
        if case .diverged = outcome { Trainer.restore(parameters, to: lastFinite) }
        return compiled.result(history, outcome)
      case .finished(let report):
        lastFinite = parameters.map { $0.scalars }
        history.append(report)
        if onEpoch(report) == .stop {
          return compiled.result(history, .stopped(afterEpoch: epoch))
        }
      }
    }
    return compiled.result(history, .completed)
  }

  // MARK: - One epoch

  /// How an epoch's pass over the batches ended.
  @usableFromInline
  enum EpochPass {
    case finished(meanLoss: Double, correct: Int)
    case diverged
    case interrupted
  }

  /// One pass over the rows in `order`, in batches, by the compiled steps; returns the mean
  /// batch loss and the number of rows the batches classified correctly. The parameter
  /// tensors hold the values of the last finished step when it returns.
  /// - Parameter isFinal: the last epoch of the run (its last batch is the run's last step).
  @inlinable
  func runEpoch(
    _ compiled: CompiledTraining<Scalar>, on data: PreparedData<Scalar>, order: [Int],
    isFinal: Bool, optimizer: inout Algorithm, _ isInterrupted: () -> Bool
  ) -> EpochPass {
    let parameters = compiled.model.parameters
    let store = compiled.store
    store.load(from: parameters)
    defer { store.save(into: parameters) }
    // The data and the order through pointers for the whole epoch, and the step kept from
    // batch to batch while the batch size stays: reaching them through their arrays and
    // tensors (or a slice of `order`) at every step retained and released them, and checked
    // exclusive access, several times a step (see `PreparedData.Source`).
    return order.withUnsafeBufferPointer { order in
      data.withSource { source in
        runBatches(compiled, of: order, from: source, isFinal: isFinal, &optimizer, isInterrupted)
      }
    }
  }

  /// The batches of an epoch, in `order`; see `runEpoch`.
  @inlinable
  func runBatches(
    _ compiled: CompiledTraining<Scalar>, of order: UnsafeBufferPointer<Int>,
    from source: PreparedData<Scalar>.Source, isFinal: Bool, _ optimizer: inout Algorithm,
    _ isInterrupted: () -> Bool
  ) -> EpochPass {
    var totalLoss = 0.0
    var batches = 0
    var correct = 0
    var current: CompiledStep<Scalar>?
    for start in stride(from: 0, to: order.count, by: options.batchSize) {
      if isInterrupted() { return .interrupted }
      let end = min(start + options.batchSize, order.count)
      let rows = UnsafeBufferPointer(rebasing: order[start..<end])
      let isLast = isFinal && end == order.count
      if current?.batchSize != rows.count || isLast {
        current = compiled.step(forBatchOf: rows.count, isLast: isLast)
      }
      guard let (loss, right) = train(current!, on: rows, from: source, compiled, &optimizer)
      else { return .diverged }
      totalLoss += loss
      batches += 1
      correct += right
    }
    return .finished(meanLoss: totalLoss / Double(batches), correct: correct)
  }

  /// One optimizer step on the batch of `rows` by `step`: its loss and the rows it classified
  /// correctly (0 for regression), or nil when the loss is not finite.
  @inlinable
  func train(
    _ step: CompiledStep<Scalar>, on rows: UnsafeBufferPointer<Int>,
    from source: PreparedData<Scalar>.Source, _ compiled: CompiledTraining<Scalar>,
    _ optimizer: inout Algorithm
  ) -> (loss: Double, correct: Int)? {
    step.load(rows: rows, from: source)
    compiled.run(step)
    let loss = Double(step.loss)
    guard loss.isFinite else { return nil }
    let store = compiled.store
    optimizer.beginStep()
    for index in 0..<store.count where !step.updatesInPlace[index] {
      optimizer.update(
        store.buffer(index), gradient: step.gradient(index), index: index, of: store.count)
    }
    guard let classes = source.classes else { return (loss, 0) }
    let correct = compiled.model.correctPredictions(
      logits: step.logits, rows: rows, classes: classes)
    return (loss, correct)
  }

  /// How an epoch ends: with its report, or with the end of training.
  @usableFromInline
  enum EpochEnd {
    case finished(EpochReport)
    case ended(TrainingOutcome)
  }

  /// The epoch's report once its pass is over, scoring the validation rows; or the outcome
  /// that ends training (interrupted, or diverged when a parameter or loss is not finite).
  @inlinable
  func conclude(
    _ pass: EpochPass, epoch: Int, model: Model<Scalar>, train: PreparedData<Scalar>,
    check: PreparedData<Scalar>?, start: ContinuousClock.Instant
  ) -> EpochEnd {
    guard model.parameters.allSatisfy({ $0.isFinite }) else {
      return .ended(.diverged(epoch: epoch))
    }
    switch pass {
    case .interrupted: return .ended(.interrupted(epoch: epoch))
    case .diverged: return .ended(.diverged(epoch: epoch))
    case .finished(let meanLoss, let correct):
      let scores = check.map { model.score($0) }
      if let scores, !scores.loss.isFinite { return .ended(.diverged(epoch: epoch)) }
      return .finished(
        EpochReport(
          epoch: epoch, trainingLoss: meanLoss, validationLoss: scores?.loss,
          trainingAccuracy: train.classes == nil ? nil : Double(correct) / Double(train.count),
          validationAccuracy: scores?.accuracy, seconds: Trainer.seconds(since: start)))
    }
  }

  // MARK: - Helpers

  @usableFromInline
  static func restore(_ parameters: [Tensor<Scalar>], to values: [[Scalar]]) {
    for (parameter, values) in zip(parameters, values) { parameter.scalars = values }
  }

  @usableFromInline
  static func seconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
  }
}
