extension ModelKind {
  /// The kind of model a config's `model` asks for.
  public init(_ config: ModelConfig) {
    switch config {
    case .linear: self = .linear
    case .logistic: self = .logistic
    case .mlp(let hidden, let activation):
      self = .mlp(hidden: hidden, activation: Activation(activation))
    }
  }
}

extension Activation {
  /// The activation a config's `model.activation` names.
  public init(_ config: ModelConfig.Activation) {
    switch config {
    case .tanh: self = .tanh
    case .relu: self = .relu
    case .sigmoid: self = .sigmoid
    }
  }
}
