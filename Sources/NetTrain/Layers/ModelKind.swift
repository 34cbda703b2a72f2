/// The three kinds of model nettrain trains.
public enum ModelKind: Equatable, Sendable {
  /// Linear regression: one dense layer, identity output.
  case linear
  /// Logistic regression: one dense layer; one logit (binary) or one per class (softmax
  /// regression).
  case logistic
  /// A multilayer perceptron with the given hidden widths and hidden activation.
  case mlp(hidden: [Int], activation: Activation)

  /// `linear`, `logistic` or `mlp`, as in configs and model files.
  public var name: String {
    switch self {
    case .linear: "linear"
    case .logistic: "logistic"
    case .mlp: "mlp"
    }
  }

  /// The hidden widths (none for linear and logistic models).
  public var hidden: [Int] {
    if case .mlp(let hidden, _) = self { return hidden }
    return []
  }

  /// The activation between hidden layers (`.identity` when there are none).
  public var activation: Activation {
    if case .mlp(_, let activation) = self { return activation }
    return .identity
  }

  /// Whether a model of this kind can be trained for `task`: a linear model only for
  /// regression, a logistic one only for classification, an MLP for anything.
  public func supports(_ task: TaskKind) -> Bool {
    switch (self, task) {
    case (.linear, .regression), (.logistic, .binary), (.logistic, .multiclass), (.mlp, _): true
    default: false
    }
  }
}
