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

  /// The file as the user named it.
  let file: String

  func decode(_ json: JSONValue) throws(ModelFileError) -> Parts {
    let root = try header(ModelFileValue(root: json, file: file))
    let precision = try root.member("precision").oneOf(RunConfig.Precision.self)
    let expected = ModelFile.precision(of: Scalar.self)
    guard precision == expected else {
      throw try root.member("precision").error(
        "the weights are \(precision.rawValue) but are being loaded as \(expected.rawValue)")
    }
    let (kind, inputs, outputs) = try architecture(root.member("model"))
    let (task, labels) = try task(root, kind: kind, outputs: outputs)
    let (featureScaling, targetScaling) = try scalings(
      root.member("standardization"), inputs: inputs, task: task)
    return Parts(
      kind: kind, task: task,
      network: try layers(
        root.member("layers"), widths: [inputs] + kind.hidden + [outputs],
        activation: kind.activation),
      featureScaling: featureScaling, targetScaling: targetScaling,
      featureNames: try root.member("features").strings(count: inputs),
      targetName: try root.member("target").string(), classLabels: labels)
  }

  // MARK: - Parts

  /// The top-level object, after checking that it is a model file of this version and holds
  /// no unknown keys.
  func header(_ root: ModelFileValue) throws(ModelFileError) -> ModelFileValue {
    guard let object = root.value.objectValue else {
      throw root.error(
        "expected a model file (a JSON object), found \(root.value.briefDescription)")
    }
    guard object["format"] != nil else {
      throw root.error("missing key \"format\": this is not a nettrain model file")
    }
    let format = try root.member("format")
    guard format.value.stringValue == ModelFile.format else {
      throw format.error(
        "expected \"\(ModelFile.format)\", found \(format.value.briefDescription): this is not "
          + "a nettrain model file")
    }
    let version = try root.member("version")
    guard version.value.numberValue == Double(ModelFile.version) else {
      throw version.error(
        "this file has model format version \(version.value.briefDescription); this nettrain "
          + "reads version \(ModelFile.version) only")
    }
    return try root.object(keys: ModelFile.keys)
  }

  /// `model`: the kind, the number of inputs and of outputs.
  func architecture(_ model: ModelFileValue) throws(ModelFileError) -> (ModelKind, Int, Int) {
    _ = try model.object(keys: ["type", "inputs", "hidden", "activation", "outputs"])
    let type = try model.member("type")
    let inputs = try model.member("inputs").integer(minimum: 1)
    let outputs = try model.member("outputs").integer(minimum: 1)
    switch try type.string() {
    case "linear": return (.linear, inputs, outputs)
    case "logistic": return (.logistic, inputs, outputs)
    case "mlp":
      var hidden: [Int] = []
      for width in try model.member("hidden").elements() {
        hidden.append(try width.integer(minimum: 1))
      }
      let activation = try model.member("activation").oneOf(Activation.self)
      return (.mlp(hidden: hidden, activation: activation), inputs, outputs)
    default:
      throw type.error(
        "expected \"linear\", \"logistic\" or \"mlp\", found \(type.value.briefDescription)")
    }
  }

  /// `task`, `loss` and `classes`, checked against each other and the architecture.
  func task(
    _ root: ModelFileValue, kind: ModelKind, outputs: Int
  ) throws(ModelFileError) -> (TaskKind, [String]) {
    let (taskValue, classes) = (try root.member("task"), try root.member("classes"))
    let labels = try classes.strings()
    guard Set(labels).count == labels.count else {
      throw classes.error("a class label appears twice")
    }
    let task: TaskKind
    switch (try taskValue.string(), labels.count) {
    case ("regression", 0): task = .regression
    case ("binary", 2): task = .binary
    case ("multiclass", 2...): task = .multiclass(classes: labels.count)
    case ("regression", _): throw classes.error("a regression model has no class labels")
    case ("binary", _):
      throw classes.error("a binary model has 2 class labels, found \(labels.count)")
    case ("multiclass", _): throw classes.error("a multiclass model has at least 2 class labels")
    default:
      throw taskValue.error(
        "expected \"regression\", \"binary\" or \"multiclass\", found "
          + taskValue.value.briefDescription)
    }
    let loss = try root.member("loss")
    guard try loss.oneOf(Loss.self) == task.loss else {
      throw loss.error(
        "a \(task.name) model is trained with \"\(task.loss.rawValue)\", not "
          + loss.value.briefDescription)
    }
    guard kind.supports(task) else {
      throw taskValue.error("a \(kind.name) model cannot do \(task.name)")
    }
    guard outputs == task.outputs else {
      throw try root.member("model").member("outputs").error(
        "a \(task.name) model with \(labels.count) classes has \(task.outputs) outputs, "
          + "found \(outputs)")
    }
    return (task, labels)
  }

  /// `standardization`: the feature and target scalings, each an object or `null`.
  func scalings(
    _ standardization: ModelFileValue, inputs: Int, task: TaskKind
  ) throws(ModelFileError) -> (Standardizer<Scalar>?, Standardizer<Scalar>?) {
    _ = try standardization.object(keys: ["features", "target"])
    let features = try scaling(standardization.member("features"), columns: inputs)
    let target = try standardization.member("target")
    if task != .regression && !target.value.isNull {
      throw target.error("a classification model has no target scaling; expected null")
    }
    return (features, try scaling(target, columns: 1))
  }

  func scaling(
    _ value: ModelFileValue, columns: Int
  ) throws(ModelFileError) -> Standardizer<Scalar>? {
    if value.value.isNull { return nil }
    _ = try value.object(keys: ["mean", "scale"])
    let means: [Scalar] = try value.member("mean").scalars(count: columns)
    let scales: [Scalar] = try value.member("scale").scalars(count: columns)
    if let index = scales.firstIndex(where: { $0 <= 0 }) {
      throw try value.member("scale").elements()[index].error(
        "a scale must be above 0, found \(JSONWriter.text(for: Double(scales[index])))")
    }
    return Standardizer(means: means, scales: scales)
  }

  /// `layers`: one weight matrix and bias per layer, of the widths the architecture gives.
  func layers(
    _ value: ModelFileValue, widths: [Int], activation: Activation
  ) throws(ModelFileError) -> Sequential<Scalar> {
    var layers: [Dense<Scalar>] = []
    for (index, layer) in try value.elements(count: widths.count - 1).enumerated() {
      _ = try layer.object(keys: ["weight", "bias"])
      let (inputs, outputs) = (widths[index], widths[index + 1])
      let weight: [Scalar] = try layer.member("weight").matrix(rows: inputs, columns: outputs)
      let bias: [Scalar] = try layer.member("bias").scalars(count: outputs)
      layers.append(
        Dense(weight: Tensor(weight, shape: .matrix(inputs, outputs)), bias: Tensor(bias)))
    }
    let activations = layers.indices.map { $0 == layers.count - 1 ? .identity : activation }
    return Sequential(layers: layers, activations: activations)
  }
}
