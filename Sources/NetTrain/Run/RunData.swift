import Foundation

/// Everything a run reads before it trains: the training rows, the validation rows and the
/// task they settle. Loading checks every file, so that a bad one stops the run before
/// anything is trained or written.
public struct RunData: Sendable {
  /// The config with its task resolved from the data.
  public let config: RunConfig
  /// The resolved task (and, for classification, the number of classes).
  public let task: TaskKind
  /// The class labels of a classification task, `nil` for regression.
  public let labels: ClassLabels?
  /// The rows to train on (standardised once `FitRun.train` has trained on them).
  public internal(set) var training: Dataset
  /// The rows to validate on after every epoch, `nil` without validation.
  public internal(set) var validation: Dataset?

  /// Reads the training file (and a validation file), resolves the task and splits off the
  /// validation fraction.
  /// - Parameter folder: paths in messages are written relative to it (the working folder).
  public static func load(_ config: RunConfig, messagesRelativeTo folder: URL?) throws -> RunData {
    let data = config.data
    let source = try CSVReader.read(
      contentsOf: data.train.url, displayPath: data.train.text(relativeTo: folder),
      features: data.features, target: data.target, precision: config.precision)
    let labels = try config.model.kind == .linear ? nil : classLabels(source, config)
    let resolvedTask = try config.resolvedTask(labelCount: labels?.count)
    let task = TaskKind(resolvedTask, classCount: labels?.count ?? 0)
    let labelsInUse = task == .regression ? nil : labels
    let all = try dataset(source, labels: labelsInUse)
    let seeds = RunSeeds(seed: config.training.seed)
    var training = all
    var validation: Dataset?
    switch data.validation {
    case .none:
      break
    case .fraction(let fraction):
      let split = try splitting(all.count, fraction, seed: seeds.validationSplit, config)
      training = all.rows(split.training)
      validation = all.rows(split.validation)
    case .file(let path):
      let file = try CSVReader.read(
        contentsOf: path.url, displayPath: path.text(relativeTo: folder),
        features: source.featureNames, target: data.target, precision: config.precision)
      validation = try dataset(file, labels: labelsInUse)
    }
    return RunData(
      config: config.resolved(task: resolvedTask), task: task, labels: labelsInUse,
      training: training, validation: validation)
  }

  /// Standardises the training and validation features in place with `scaling`, leaving
  /// them in `Scalar`'s precision: the one pass over the data that does not copy it.
  @usableFromInline
  mutating func standardizeFeatures<Scalar: TensorScalar>(with scaling: Standardizer<Scalar>) {
    training.standardizeFeatures(with: scaling)
    validation?.standardizeFeatures(with: scaling)
  }

  /// Rows of another file (a test set) read with this run's columns and labels.
  public func dataset(from url: URL, displayPath: String) throws -> Dataset {
    let file = try CSVReader.read(
      contentsOf: url, displayPath: displayPath, features: training.source.featureNames,
      target: config.data.target, precision: config.precision)
    return try Self.dataset(file, labels: labels)
  }

  // MARK: - Helpers

  static func classLabels(_ source: CSVData, _ config: RunConfig) throws -> ClassLabels? {
    // An MLP whose config says regression has numeric targets, not labels.
    if config.task == .regression { return nil }
    return try Dataset.classLabels(of: source)
  }

  static func dataset(_ source: CSVData, labels: ClassLabels?) throws -> Dataset {
    guard let labels else { return try Dataset.regression(source) }
    return try Dataset.classification(source, labels: labels)
  }

  static func splitting(_ rows: Int, _ fraction: Double, seed: UInt64, _ config: RunConfig)
    throws -> DatasetSplit
  {
    do {
      return try DatasetSplit(rows: rows, validationFraction: fraction, seed: seed)
    } catch {
      throw ConfigError(file: config.file, keyPath: "data.validation", message: "\(error)")
    }
  }
}
