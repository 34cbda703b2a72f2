import Autograd
import Foundation

extension Model {
  // MARK: - Saving

  /// The model as a model file's JSON (see `ModelFile` for the layout).
  /// - Parameter config: an extra value stored under `"config"` (the CLI puts the resolved
  ///   run config there); omitted when `nil`.
  public func json(config: JSONValue? = nil) -> JSONValue {
    precondition(
      parameters.allSatisfy(\.isFinite), "saving a model whose parameters are not all finite")
    precondition(
      featureNames.count == inputs, "\(featureNames.count) feature names for \(inputs) inputs")
    precondition(Set(classLabels).count == classLabels.count, "duplicate class labels")
    precondition(
      classLabels.count == task.classCount ?? 0,
      "\(classLabels.count) class labels for a \(task.name) model of \(task.outputs) outputs")
    var root: JSONObject = [
      "format": .string(ModelFile.format),
      "version": .number(Double(ModelFile.version)),
      "precision": .string(ModelFile.precision(of: Scalar.self).rawValue),
      "model": architectureJSON,
      "task": .string(task.name),
      "loss": .string(loss.rawValue),
      "features": .array(featureNames.map(JSONValue.string)),
      "target": .string(targetName),
      "classes": .array(classLabels.map(JSONValue.string)),
      "standardization": [
        "features": Model.json(featureScaling), "target": Model.json(targetScaling),
      ],
      "layers": .array(network.layers.map(Model.json)),
    ]
    if let config { root["config"] = config }
    return .object(root)
  }

  /// Writes the model file to `url` through a temporary file that is then renamed, so that a
  /// reader never sees half a file.
  /// - Throws: `ModelFileError` when the file cannot be written.
  public func write(to url: URL, config: JSONValue? = nil) throws(ModelFileError) {
    let bytes = JSONWriter().bytes(for: json(config: config))
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw ModelFileError(
        path: url.relativePath,
        message: "cannot write the model file: \(error.localizedDescription)")
    }
  }

  private var architectureJSON: JSONValue {
    var object: JSONObject = ["type": .string(kind.name), "inputs": .number(Double(inputs))]
    if case .mlp(let hidden, let activation) = kind {
      object["hidden"] = .array(hidden.map { .number(Double($0)) })
      object["activation"] = .string(activation.rawValue)
    }
    object["outputs"] = .number(Double(task.outputs))
    return .object(object)
  }

  private static func json(_ scaling: Standardizer<Scalar>?) -> JSONValue {
    guard let scaling else { return .null }
    return ["mean": numbers(scaling.means), "scale": numbers(scaling.scales)]
  }

  private static func json(_ layer: Dense<Scalar>) -> JSONValue {
    let weights = layer.weight.scalars
    let rows = (0..<layer.inputs).map { row in
      numbers(Array(weights[(row * layer.outputs)..<((row + 1) * layer.outputs)]))
    }
    return ["weight": .array(rows), "bias": numbers(layer.bias.scalars)]
  }

  private static func numbers(_ values: [Scalar]) -> JSONValue {
    .array(values.map { .number(Double($0)) })
  }

  // MARK: - Loading

  /// The model in the model file at `url`.
  /// - Throws: `ModelFileError` naming the file and, where there is one, the line and column
  ///   (invalid JSON) or the key path (a wrong, missing or unknown value).
  public convenience init(contentsOf url: URL) throws(ModelFileError) {
    let path = url.relativePath
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: url))
    } catch {
      throw ModelFileError(
        path: path, message: "cannot read the model file: \(error.localizedDescription)")
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse(bytes, path: path)
    } catch {
      throw ModelFileError(error)
    }
    try self.init(json: json, path: path)
  }

  /// The model in a model file's JSON; `path` names the file in errors.
  /// - Throws: `ModelFileError` for another format or version, another precision, a missing,
  ///   unknown or mistyped key, inconsistent shapes or a non-finite weight.
  public convenience init(json: JSONValue, path: String) throws(ModelFileError) {
    let parts = try ModelFileDecoder<Scalar>(file: path).decode(json)
    self.init(
      parts.kind, task: parts.task, network: parts.network,
      featureScaling: parts.featureScaling, targetScaling: parts.targetScaling)
    featureNames = parts.featureNames
    targetName = parts.targetName
    classLabels = parts.classLabels
  }
}
