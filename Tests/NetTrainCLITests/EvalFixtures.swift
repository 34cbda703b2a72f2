import Foundation
import NetTrain
import Testing

/// A temporary folder holding model files and CSVs for the `eval` and `predict` end-to-end
/// tests, with the models built in-process (no `fit`).
struct EvalFixtures {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-eval-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// The absolute path of `name` in the folder.
  func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }

  /// Writes `text` to `name` (creating its folders) and returns the absolute path.
  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// Writes the model file of `model` to `name` and returns the absolute path.
  @discardableResult
  func write<Scalar>(_ model: Model<Scalar>, to name: String = "model.json") throws -> String {
    try write(JSONWriter().string(for: model.json()), to: name)
  }

  /// The names of the files in the folder (and its subfolders), sorted.
  func fileNames() throws -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    return ((enumerator?.allObjects as? [String]) ?? []).sorted()
  }

  /// Runs `nettrain` with `folder` as its current directory.
  func run(_ arguments: [String]) throws -> NetTrainBinary.Run {
    try NetTrainBinary.run(arguments, currentDirectory: folder)
  }

  // MARK: - Models

  /// y = 2a − b + 0.5, no standardisation: predictions that can be checked by hand.
  static func handLinearModel() -> Model<Double> {
    let layer = Dense<Double>(weight: Tensor(rows: [[2], [-1]]), bias: Tensor([0.5]))
    let model = Model<Double>(
      .linear, task: .regression, network: Sequential(layers: [layer], activations: [.identity]))
    model.featureNames = ["a", "b"]
    model.targetName = "y"
    return model
  }

  /// A linear regression on `a`, `b` with standardised features and target.
  static func regressionModel<Scalar: TensorScalar>(_: Scalar.Type = Double.self)
    -> Model<Scalar>
  {
    let model = Model<Scalar>(
      .linear, inputs: 2, task: .regression,
      featureScaling: Standardizer(means: [1, 0.5], scales: [2, 1.5]),
      targetScaling: Standardizer(means: [1], scales: [3]), seed: 11)
    model.featureNames = ["a", "b"]
    model.targetName = "y"
    return model
  }

  /// A logistic regression on `a`, `b` with labels `no` and `yes`.
  static func binaryModel<Scalar: TensorScalar>(_: Scalar.Type = Double.self) -> Model<Scalar> {
    let model = Model<Scalar>(
      .logistic, inputs: 2, task: .binary,
      featureScaling: Standardizer(means: [1, 0.5], scales: [2, 1.5]), seed: 5)
    model.featureNames = ["a", "b"]
    model.targetName = "label"
    model.classLabels = ["no", "yes"]
    return model
  }

  /// A tanh MLP on `a`, `b` with three labels.
  static func multiclassModel() -> Model<Double> {
    let model = Model<Double>(
      .mlp(hidden: [4], activation: .tanh), inputs: 2, task: .multiclass(classes: 3), seed: 3)
    model.featureNames = ["a", "b"]
    model.targetName = "animal"
    model.classLabels = ["cat", "dog", "eel"]
    return model
  }

  // MARK: - Data

  /// The feature rows every CSV below holds, in order.
  static let features: [[Double]] = [[1, 2], [3, 0.5], [-1, 1], [0.25, -3], [2, 2], [-2, -1]]

  /// The features as a [rows, 2] tensor.
  static func featureTensor<Scalar: TensorScalar>(_: Scalar.Type = Double.self)
    -> Tensor<Scalar>
  {
    Tensor(rows: features.map { $0.map { Scalar($0) } })
  }

  static let regressionTargets: [Double] = [1.5, 5, -2, 0, 3.25, -4]

  /// Regression rows with a text column holding a comma, a quote and a line break.
  static let regressionCSV = """
    name,a,b,y
    "Smith, J",1,2,1.5
    plain,3,0.5,5
    "say \"\"hi\"\"",-1,1,-2
    "two
    lines",0.25,-3,0
    e,2,2,3.25
    f,-2,-1,-4

    """

  /// The fields of `regressionCSV` as text.
  static let regressionFields = [
    ["Smith, J", "1", "2", "1.5"], ["plain", "3", "0.5", "5"], ["say \"hi\"", "-1", "1", "-2"],
    ["two\nlines", "0.25", "-3", "0"], ["e", "2", "2", "3.25"], ["f", "-2", "-1", "-4"],
  ]

  static let binaryLabels = ["no", "yes", "no", "yes", "yes", "no"]
  static let binaryCSV = csv(header: "a,b,label", labels: binaryLabels)

  static let animalLabels = ["cat", "dog", "eel", "dog", "cat", "eel"]
  static let multiclassCSV = csv(header: "a,b,animal", labels: animalLabels)

  private static func csv(header: String, labels: [String]) -> String {
    let rows = zip(features, labels).map { row, label in
      row.map { PredictionTable.text($0) }.joined(separator: ",") + ",\(label)"
    }
    return ([header] + rows).joined(separator: "\n") + "\n"
  }
}

// MARK: - Reading outputs

extension NetTrainBinary.Run {
  /// Standard output as one JSON value: checked to be one valid JSON object by Foundation's
  /// parser, read by the project's (which rounds numbers correctly; Foundation's on Linux
  /// can be one unit in the last place off).
  func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
    let object = try JSONSerialization.jsonObject(with: Data(standardOutput.utf8))
    #expect(object is [String: Any], sourceLocation: sourceLocation)
    return try JSONParser.parse(standardOutput, path: "stdout")
  }
}

extension JSONValue {
  /// The member `key` of an object, `nil` when this is not an object or has no such key.
  subscript(key: String) -> JSONValue? { objectValue?[key] }
}

/// `value[key]` as a number; fails the test when it is missing or not a number.
func number(
  _ value: JSONValue?, _ key: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> Double {
  try #require(value?[key]?.numberValue, "no number \(key)", sourceLocation: sourceLocation)
}

/// `value[key]` as a string, `nil` when it is missing or not a string.
func string(_ value: JSONValue?, _ key: String) -> String? {
  value?[key]?.stringValue
}

/// `value` as rows of whole numbers, `nil` when it is not an array of arrays of numbers.
func integerRows(_ value: JSONValue?) -> [[Int]]? {
  value?.arrayValue?.map { row in
    (row.arrayValue ?? []).compactMap { $0.numberValue.map { Int($0) } }
  }
}
