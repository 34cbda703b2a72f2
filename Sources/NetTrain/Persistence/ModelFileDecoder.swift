import Autograd

/// Reads a model file's JSON into the parts of a `Model`, checking every value and every
/// shape against the architecture the file declares.
struct ModelFileDecoder<Scalar: TensorScalar> {
  /// Everything a `Model` is made of.
  struct Parts {
    var kind: ModelKind
    var task: TaskKind
    var network: Sequential<Scalar>
    var featureScaling: Standardizer<Scalar>?
    var targetScaling: Standardizer<Scalar>?
    var featureNames: [String]
    var targetName: String
    var classLabels: [String]
  }

  let reader: ModelFileReader

  init(path: String) { reader = ModelFileReader(path: path) }

  func decode(_ json: JSONValue) throws(ModelFileError) -> Parts {
    let root = try reader.header(json)
    let precision = try reader.oneOf(
      RunConfig.Precision.self, reader.member("precision", of: root, at: []), at: [.key("precision")])
    let expected = ModelFile.precision(of: Scalar.self)
    guard precision == expected else {
      throw reader.error(
        "the weights are \(precision.rawValue) but are being loaded as \(expected.rawValue)",
        at: [.key("precision")])
    }
    let (kind, inputs, outputs) = try architecture(root)
    let (task, labels) = try task(root, kind: kind, outputs: outputs)
    let features = try reader.strings(
      reader.member("features", of: root, at: []), at: [.key("features")], count: inputs)
    let target = try reader.string(reader.member("target", of: root, at: []), at: [.key("target")])
    let (featureScaling, targetScaling) = try scalings(root, inputs: inputs, task: task)
    let network = try layers(root, widths: [inputs] + kind.hidden + [outputs], kind: kind)
    return Parts(
      kind: kind, task: task, network: network, featureScaling: featureScaling,
      targetScaling: targetScaling, featureNames: features, targetName: target,
      classLabels: labels)
  }

  // MARK: - Parts

  /// `model`: the kind, the number of inputs and of outputs.
  func architecture(_ root: JSONObject) throws(ModelFileError) -> (ModelKind, Int, Int) {
    let path: [JSONPathComponent] = [.key("model")]
    let value = try reader.member("model", of: root, at: [])
    let object = try reader.object(
      value, at: path, keys: ["type", "inputs", "hidden", "activation", "outputs"])
    let type = try reader.string(reader.member("type", of: object, at: path), at: path + [.key("type")])
    let inputs = try reader.integer(
      reader.member("inputs", of: object, at: path), at: path + [.key("inputs")], minimum: 1)
    let outputs = try reader.integer(
      reader.member("outputs", of: object, at: path), at: path + [.key("outputs")], minimum: 1)
    switch type {
    case "linear": return (.linear, inputs, outputs)
    case "logistic": return (.logistic, inputs, outputs)
    case "mlp":
      let hiddenPath = path + [.key("hidden")]
      var hidden: [Int] = []
      for (index, width) in try reader.array(reader.member("hidden", of: object, at: path), at: hiddenPath).enumerated() {
        hidden.append(try reader.integer(width, at: hiddenPath + [.index(index)], minimum: 1))
      }
      let activation = try reader.oneOf(
        Activation.self, reader.member("activation", of: object, at: path),
        at: path + [.key("activation")])
      return (.mlp(hidden: hidden, activation: activation), inputs, outputs)
    default:
      throw reader.error(
        "expected \"linear\", \"logistic\" or \"mlp\", found \(JSONWriter.quoted(type))",
        at: path + [.key("type")])
    }
  }

  /// `task`, `loss` and `classes`, checked against each other and the architecture.
  func task(
    _ root: JSONObject, kind: ModelKind, outputs: Int
  ) throws(ModelFileError) -> (TaskKind, [String]) {
    let name = try reader.string(reader.member("task", of: root, at: []), at: [.key("task")])
    let labels = try reader.strings(reader.member("classes", of: root, at: []), at: [.key("classes")])
    guard Set(labels).count == labels.count else {
      throw reader.error("a class label appears twice", at: [.key("classes")])
    }
    let task: TaskKind
    switch (name, labels.count) {
    case ("regression", 0): task = .regression
    case ("binary", 2): task = .binary
    case ("multiclass", 2...): task = .multiclass(classes: labels.count)
    case ("regression", _), ("binary", _), ("multiclass", _):
      let expected = ["regression": "no class labels", "binary": "2 class labels"][name] ?? "at least 2 class labels"
      throw reader.error("a \(name) model has \(expected), found \(labels.count)", at: [.key("classes")])
    default:
      throw reader.error(
        "expected \"regression\", \"binary\" or \"multiclass\", found \(JSONWriter.quoted(name))",
        at: [.key("task")])
    }
    let loss = try reader.oneOf(Loss.self, reader.member("loss", of: root, at: []), at: [.key("loss")])
    guard loss == task.loss else {
      throw reader.error("a \(name) model is trained with \"\(task.loss.rawValue)\", not \"\(loss.rawValue)\"", at: [.key("loss")])
    }
    guard kind.supports(task) else {
      throw reader.error("a \(kind.name) model cannot do \(name)", at: [.key("task")])
    }
    guard outputs == task.outputs else {
      throw reader.error("a \(name) model with \(labels.count) classes has \(task.outputs) outputs, found \(outputs)", at: [.key("model"), .key("outputs")])
    }
    return (task, labels)
  }

  /// `standardization`: the feature and target scalings, each an object or `null`.
  func scalings(
    _ root: JSONObject, inputs: Int, task: TaskKind
  ) throws(ModelFileError) -> (Standardizer<Scalar>?, Standardizer<Scalar>?) {
    let path: [JSONPathComponent] = [.key("standardization")]
    let object = try reader.object(
      reader.member("standardization", of: root, at: []), at: path, keys: ["features", "target"])
    let features = try scaling(
      reader.member("features", of: object, at: path), at: path + [.key("features")], columns: inputs)
    let targetValue = try reader.member("target", of: object, at: path)
    if task != .regression && !targetValue.isNull {
      throw reader.error("a classification model has no target scaling; expected null", at: path + [.key("target")])
    }
    let target = try scaling(targetValue, at: path + [.key("target")], columns: 1)
    return (features, target)
  }

  func scaling(
    _ value: JSONValue, at path: [JSONPathComponent], columns: Int
  ) throws(ModelFileError) -> Standardizer<Scalar>? {
    if value.isNull { return nil }
    let object = try reader.object(value, at: path, keys: ["mean", "scale"])
    let means: [Scalar] = try reader.scalars(
      reader.member("mean", of: object, at: path), at: path + [.key("mean")], count: columns)
    let scales: [Scalar] = try reader.scalars(
      reader.member("scale", of: object, at: path), at: path + [.key("scale")], count: columns)
    if let index = scales.firstIndex(where: { $0 <= 0 }) {
      throw reader.error(
        "a scale must be above 0, found \(JSONWriter.text(for: Double(scales[index])))",
        at: path + [.key("scale"), .index(index)])
    }
    return Standardizer(means: means, scales: scales)
  }

  /// `layers`: one weight matrix and bias per layer, of the widths the architecture gives.
  func layers(
    _ root: JSONObject, widths: [Int], kind: ModelKind
  ) throws(ModelFileError) -> Sequential<Scalar> {
    let path: [JSONPathComponent] = [.key("layers")]
    let values = try reader.array(
      reader.member("layers", of: root, at: []), at: path, count: widths.count - 1)
    var layers: [Dense<Scalar>] = []
    for (index, value) in values.enumerated() {
      let layerPath = path + [.index(index)]
      let object = try reader.object(value, at: layerPath, keys: ["weight", "bias"])
      let (inputs, outputs) = (widths[index], widths[index + 1])
      let weight: [Scalar] = try reader.matrix(
        reader.member("weight", of: object, at: layerPath), at: layerPath + [.key("weight")],
        rows: inputs, columns: outputs)
      let bias: [Scalar] = try reader.scalars(
        reader.member("bias", of: object, at: layerPath), at: layerPath + [.key("bias")], count: outputs)
      layers.append(Dense(
        weight: Tensor(weight, shape: .matrix(inputs, outputs)), bias: Tensor(bias)))
    }
    let activations = layers.indices.map { $0 == layers.count - 1 ? .identity : kind.activation }
    return Sequential(layers: layers, activations: activations)
  }
}
