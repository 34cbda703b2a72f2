import Autograd
import Foundation

extension Model {
  // MARK: - Saving

  /// The model as a model file's JSON (see `ModelFile` for the layout).
  /// - Parameter config: an extra value stored under `"config"` (the CLI puts the resolved
  ///   run config there); omitted when `nil`.
  public func json(config: JSONValue? = nil) -> JSONValue { outline(config: config).value }

  /// Writes the model file to `url` through a temporary file that is then renamed, so that a
  /// reader never sees half a file. The text streams to the file as it is made: the weights
  /// are never held as JSON values or text in memory.
  /// - Throws: `ModelFileError` when the file cannot be written.
  public func write(to url: URL, config: JSONValue? = nil) throws(ModelFileError) {
    do {
      try AtomicFile.write(to: url) { JSONWriter().write(outline(config: config), to: &$0) }
    } catch {
      throw ModelFileError(
        path: url.relativePath, message: "cannot write the model file: \(error.reason)")
    }
  }

  /// The model file's JSON, its weights and standardisation read from the tensors as the
  /// writer gets to them.
  func outline(config: JSONValue?) -> JSONOutline {
    precondition(
      parameters.allSatisfy(\.isFinite), "saving a model whose parameters are not all finite")
    precondition(
      featureNames.count == inputs, "\(featureNames.count) feature names for \(inputs) inputs")
    precondition(Set(classLabels).count == classLabels.count, "duplicate class labels")
    precondition(
      classLabels.count == task.classCount ?? 0,
      "\(classLabels.count) class labels for a \(task.name) model of \(task.outputs) outputs")
    var root: [(key: String, value: JSONOutline)] = [
      ("format", .value(.string(ModelFile.format))),
      ("version", .value(.number(Double(ModelFile.version)))),
      ("precision", .value(.string(ModelFile.precision(of: Scalar.self).rawValue))),
      ("model", .value(architectureJSON)),
      ("task", .value(.string(task.name))),
      ("loss", .value(.string(loss.rawValue))),
      ("features", .value(.array(featureNames.map(JSONValue.string)))),
      ("target", .value(.string(targetName))),
      ("classes", .value(.array(classLabels.map(JSONValue.string)))),
      (
        "standardization",
        .object([
          ("features", Model.outline(featureScaling)), ("target", Model.outline(targetScaling)),
        ])
      ),
      ("layers", .array(network.layers.map(Model.outline))),
    ]
    if let config { root.append(("config", .value(config))) }
    return .object(root)
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

  private static func outline(_ scaling: Standardizer<Scalar>?) -> JSONOutline {
    guard let scaling else { return .value(.null) }
    return .object([("mean", .numbers(scaling.means)), ("scale", .numbers(scaling.scales))])
  }

  /// `{"weight": [[row 0], [row 1], ...], "bias": [...]}`, weight rows of `outputs` numbers.
  private static func outline(_ layer: Dense<Scalar>) -> JSONOutline {
    let weights = layer.weight.scalars
    let columns = layer.outputs
    let rows = (0..<layer.inputs).map { row in
      JSONOutline.numbers(count: columns) { Double(weights[row * columns + $0]) }
    }
    return .object([("weight", .array(rows)), ("bias", .numbers(layer.bias.scalars))])
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
