import Autograd

/// What one `fit` run produced: the trained model, its history and how long it took.
public struct FitResult<Scalar: TensorScalar> {
  /// The trained model (the last finite one when training diverged).
  public let model: Model<Scalar>
  /// The per-epoch history and the outcome.
  public let training: TrainingResult
  /// The history as `loss.csv` records it.
  public let curve: LossCurve
  /// Optimizer steps taken in the finished epochs.
  public let steps: Int
  /// Wall-clock seconds in the training loop, less `compileSeconds`.
  public let trainSeconds: Double
  /// Wall-clock seconds spent compiling the steps (once per batch size), during the loop.
  /// Kept apart from `trainSeconds` as JAX's compilation is kept apart from its training
  /// time: steps per second are steps over `trainSeconds`.
  public var compileSeconds: Double { training.compileSeconds }
  /// The trained model's metrics on the validation rows (in the target's own units), or nil
  /// without validation rows.
  public let validation: Evaluation?

  @usableFromInline
  init(
    model: Model<Scalar>, training: TrainingResult, curve: LossCurve, steps: Int,
    trainSeconds: Double, validation: Evaluation?
  ) {
    self.model = model
    self.training = training
    self.curve = curve
    self.steps = steps
    self.trainSeconds = trainSeconds
    self.validation = validation
  }
}

/// Trains the model a config describes on a run's data.
public enum FitRun {
  /// Builds the model from `data.config` (weights from the run's initialisation seed,
  /// standardisation fitted on the training rows), trains it with SGD and returns it.
  ///
  /// The training and validation features are standardised in place, in `data` (there is
  /// one copy of the data, and the network trains on it); the model keeps the scaling, so
  /// that it takes features in their own units from then on. So the model must not score
  /// `data`'s rows afterwards (they would be standardised twice): the validation rows are
  /// scored before the scaling is handed over, in the result's `validation`.
  ///
  /// - Parameters:
  ///   - threads: the most threads training may use; results do not depend on it.
  ///   - onEpoch: gets every epoch's report as it finishes (for progress output).
  ///   - isInterrupted: checked before every step; true stops training (Ctrl-C).
  @inlinable  // so that the caller's concrete Scalar specialises the whole training loop
  public static func train<Scalar: TensorScalar>(
    _ data: inout RunData, as _: Scalar.Type, threads: Int = Kernels.availableThreads,
    onEpoch: (EpochReport) -> Void = { _ in },
    isInterrupted: () -> Bool = { false }
  ) -> FitResult<Scalar> {
    let config = data.config
    let featureScaling = config.data.standardize ? fittedScaling(data, Scalar.self) : nil
    if let featureScaling { data.standardizeFeatures(with: featureScaling) }
    let training = data.training.labeled(as: Scalar.self)  // shares the values, no copy
    let model = makeModel(data, training: training, featureScaling: nil)
    let seeds = RunSeeds(seed: config.training.seed)
    let options = TrainingOptions(
      epochs: config.training.epochs, batchSize: config.training.batchSize,
      shuffle: config.training.shuffle, seed: seeds.shuffling, threads: threads)
    let trainer = Trainer(options: options, optimizer: optimizer(config.optimizer, Scalar.self))
    let clock = ContinuousClock()
    let start = clock.now
    let result = trainer.fit(
      model, on: training,
      validation: data.validation?.labeled(as: Scalar.self),
      onEpoch: { report in
        onEpoch(report)
        return .continue
      }, isInterrupted: isInterrupted)
    let elapsed = (clock.now - start).seconds
    // Scored while the model and the validation features are both standardised.
    let validation = data.validation.map { model.evaluate($0.labeled(as: Scalar.self)) }
    model.featureScaling = featureScaling  // from now on it takes features in their units
    let batches = (data.training.count + options.batchSize - 1) / options.batchSize
    return FitResult(
      model: model, training: result, curve: curve(result.history, task: data.task),
      steps: result.history.count * batches,
      trainSeconds: max(0, elapsed - result.compileSeconds), validation: validation)
  }

  /// `train(&data, ...)` on a copy of `data`: the features are copied once to be
  /// standardised. Pass `inout` data to train without that copy.
  @inlinable
  public static func train<Scalar: TensorScalar>(
    _ data: RunData, as _: Scalar.Type, onEpoch: (EpochReport) -> Void = { _ in },
    isInterrupted: () -> Bool = { false }
  ) -> FitResult<Scalar> {
    var data = data
    return train(&data, as: Scalar.self, onEpoch: onEpoch, isInterrupted: isInterrupted)
  }

  /// The standardisation of the run's training features, fitted on them as they are.
  @inlinable
  static func fittedScaling<Scalar: TensorScalar>(_ data: RunData, _: Scalar.Type)
    -> Standardizer<Scalar>
  {
    Standardizer(fittedTo: data.training.features(as: Scalar.self))
  }

  /// A fresh model for the run: architecture from the config, target scaling from
  /// `training`, the run's names and labels.
  /// - Parameter featureScaling: the model's feature standardisation, if any.
  @inlinable
  public static func makeModel<Scalar: TensorScalar>(
    _ data: RunData, training: LabeledData<Scalar>, featureScaling: Standardizer<Scalar>?
  ) -> Model<Scalar> {
    let config = data.config
    var targetScaling: Standardizer<Scalar>?
    if config.data.standardize, case .values(let values) = training.targets,
      data.task == .regression
    {
      targetScaling = Standardizer(fittedTo: values)
    }
    let model = Model<Scalar>(
      ModelKind(config.model), inputs: training.features.shape.columns, task: data.task,
      featureScaling: featureScaling, targetScaling: targetScaling,
      seed: RunSeeds(seed: config.training.seed).initialization)
    model.featureNames = data.training.source.featureNames
    model.targetName = config.data.target
    model.classLabels = data.labels?.labels ?? []
    return model
  }

  @inlinable
  static func optimizer<Scalar: TensorScalar>(_ config: OptimizerConfig, _: Scalar.Type)
    -> SGD<Scalar>
  {
    switch config {
    case .sgd(let sgd): return SGD(sgd)
    }
  }

  @usableFromInline
  static func curve(_ history: [EpochReport], task: TaskKind) -> LossCurve {
    LossCurve(isClassification: task != .regression, rows: history)
  }

}
