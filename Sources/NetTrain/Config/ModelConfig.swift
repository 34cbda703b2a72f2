/// The architecture a config asks for: the config's `model`.
public enum ModelConfig: Equatable, Sendable {
  /// An affine map from features to outputs (`"type": "linear"`); regression only.
  case linear
  /// An affine map to logits with a sigmoid or softmax link; binary or multiclass.
  case logistic
  /// Hidden dense layers of the given widths, each followed by `activation`, then an output
  /// layer that follows the task.
  case mlp(hidden: [Int], activation: Activation)

  /// The element-wise nonlinearity after each hidden layer of an MLP.
  public enum Activation: String, CaseIterable, Sendable {
    /// The hyperbolic tangent, the default.
    case tanh
    /// max(x, 0).
    case relu
    /// The logistic function.
    case sigmoid
  }

  /// The value of `model.type`.
  public enum Kind: String, CaseIterable, Sendable {
    /// See `ModelConfig.linear`.
    case linear
    /// See `ModelConfig.logistic`.
    case logistic
    /// See `ModelConfig.mlp`.
    case mlp
  }

  /// Which kind of model this is.
  public var kind: Kind {
    switch self {
    case .linear: .linear
    case .logistic: .logistic
    case .mlp: .mlp
    }
  }

  /// Whether a model of this kind can do `task`.
  public func allows(_ task: RunConfig.Task) -> Bool {
    switch self {
    case .linear: task == .regression
    case .logistic: task != .regression
    case .mlp: true
    }
  }

  // MARK: - Reading and writing

  init(reading value: ConfigValue) throws(ConfigError) {
    let object = try value.object(keys: ["type", "hidden", "activation"])
    let kind = try object.required("type", hint: "\"linear\", \"logistic\" or \"mlp\"")
      .oneOf(Kind.self)
    guard kind == .mlp else {
      let onlyMLP = [("hidden", "hidden layers"), ("activation", "an activation")]
      for (key, what) in onlyMLP {
        if let member = object.optional(key) {
          throw member.error(
            "only an \"mlp\" model has \(what); this model is \"\(kind.rawValue)\"")
        }
      }
      self = kind == .linear ? .linear : .logistic
      return
    }
    let hiddenValue = try object.required("hidden", hint: "the hidden layer widths, e.g. [16]")
    let widths = try hiddenValue.array(of: "layer widths")
    if widths.isEmpty { throw hiddenValue.error("must list at least one hidden layer width") }
    let hidden = try widths.map { (width) throws(ConfigError) in try width.integer(minimum: 1) }
    let activation = try object.optional("activation")?.oneOf(Activation.self) ?? .tanh
    self = .mlp(hidden: hidden, activation: activation)
  }

  /// The `model` object with every default written out.
  var json: JSONValue {
    var object: JSONObject = ["type": .string(kind.rawValue)]
    if case .mlp(let hidden, let activation) = self {
      object["hidden"] = .array(hidden.map { .number(Double($0)) })
      object["activation"] = .string(activation.rawValue)
    }
    return .object(object)
  }
}
