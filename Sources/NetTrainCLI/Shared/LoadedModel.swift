import Autograd
import Foundation
import NetTrain

/// A model file loaded in the precision its weights were saved in, with what `eval` and
/// `predict` ask of it whatever that precision is.
struct LoadedModel {
  /// The model, in its precision.
  enum Weights {
    case float64(Model<Double>)
    case float32(Model<Float>)
  }

  let weights: Weights
  /// The run config `fit` stored in the file (`"config"`), if any.
  let storedConfig: JSONValue?

  /// The model in the file at `url`.
  /// - Parameters:
  ///   - displayPath: how messages name the file.
  ///   - missingHint: added to the message when there is no such file (how to make one).
  /// - Throws: `ModelFileError` naming the file and what is wrong with it.
  static func load(from url: URL, displayPath: String, missingHint: String? = nil) throws
    -> LoadedModel
  {
    let json = try readJSON(url, displayPath: displayPath, missingHint: missingHint)
    let weights: Weights
    switch try ModelFile.precision(of: json, path: displayPath) {
    case .float64: weights = .float64(try Model<Double>(json: json, path: displayPath))
    case .float32: weights = .float32(try Model<Float>(json: json, path: displayPath))
    }
    return LoadedModel(weights: weights, storedConfig: json.objectValue?["config"])
  }

  /// The `training.seed` the model was trained with, from its stored config (which holds
  /// `fit --seed` overrides); `nil` when the file has no config.
  /// - Parameter path: the model file, for messages.
  func trainingSeed(path: String) throws -> UInt64? {
    guard let storedConfig else { return nil }
    let config = try RunConfig(
      json: storedConfig, file: path + " (stored config)",
      folder: URL(fileURLWithPath: path).deletingLastPathComponent())
    return config.training.seed
  }

  // MARK: - What the model file says

  var task: TaskKind {
    switch weights {
    case .float64(let model): model.task
    case .float32(let model): model.task
    }
  }

  var featureNames: [String] {
    switch weights {
    case .float64(let model): model.featureNames
    case .float32(let model): model.featureNames
    }
  }

  var targetName: String {
    switch weights {
    case .float64(let model): model.targetName
    case .float32(let model): model.targetName
    }
  }

  /// The class labels in index order; empty for regression.
  var classLabels: [String] {
    switch weights {
    case .float64(let model): model.classLabels
    case .float32(let model): model.classLabels
    }
  }

  /// Whether a regression target is standardised, so that the loss is in standardised units.
  var standardizesTarget: Bool {
    switch weights {
    case .float64(let model): model.targetScaling != nil
    case .float32(let model): model.targetScaling != nil
    }
  }

  // MARK: - Using it

  /// The labelled rows of the CSV file at `url`: the model's feature columns and its target,
  /// whose labels must be among the model's classes.
  func labeledRows(in url: URL, displayPath: String) throws -> Dataset {
    let source = try CSVReader.read(
      contentsOf: url, displayPath: displayPath, features: featureNames, target: targetName)
    return try dataset(from: source)
  }

  /// `source`'s targets read for this model: numbers for regression, else labels mapped to
  /// the model's class indices (an unknown label is an error at its line and column).
  func dataset(from source: CSVData) throws -> Dataset {
    if task == .regression { return try Dataset.regression(source) }
    return try Dataset.classification(source, labels: ClassLabels(classLabels))
  }

  /// The model's scores on `data`.
  func evaluate(_ data: Dataset) -> Evaluation {
    switch weights {
    case .float64(let model): model.evaluate(data.labeled(as: Double.self))
    case .float32(let model): model.evaluate(data.labeled(as: Float.self))
    }
  }

  /// The prediction columns for the feature rows of `source` (read with `featureNames`).
  func predictionTable(for source: CSVData) -> PredictionTable {
    precondition(source.featureNames == featureNames, "columns \(source.featureNames)")
    switch weights {
    case .float64(let model): return model.predictionTable(for: Self.features(source))
    case .float32(let model): return model.predictionTable(for: Self.features(source))
    }
  }

  // MARK: - Private

  private static func features<Scalar: TensorScalar>(_ source: CSVData) -> Tensor<Scalar> {
    Tensor(
      source.features.map { Scalar($0) }, shape: .matrix(source.rowCount, source.featureCount))
  }

  /// The file's JSON; a missing file, a folder or unreadable bytes are `ModelFileError`s.
  private static func readJSON(_ url: URL, displayPath: String, missingHint: String?) throws
    -> JSONValue
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      let hint = missingHint.map { "; \($0)" } ?? ""
      throw ModelFileError(path: displayPath, message: "no such model file" + hint)
    }
    if isDirectory.boolValue {
      throw ModelFileError(
        path: displayPath, message: "is a directory, not a model file (give its model.json)")
    }
    guard let data = try? Data(contentsOf: url) else {
      throw ModelFileError(path: displayPath, message: "cannot read the model file (permissions?)")
    }
    do {
      return try JSONParser.parse(Array(data), path: displayPath)
    } catch {
      throw ModelFileError(error)
    }
  }
}
