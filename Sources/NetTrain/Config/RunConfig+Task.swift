extension RunConfig {
  /// What a run learns to predict: the config's `task`.
  public enum Task: String, CaseIterable, Sendable {
    /// A real value; mean squared error.
    case regression
    /// One of two labels; binary cross-entropy on a sigmoid output.
    case binary
    /// One of several labels; cross-entropy on a softmax output.
    case multiclass

    /// The loss this task is trained with.
    public var loss: Loss {
      switch self {
      case .regression: .mse
      case .binary: .bce
      case .multiclass: .crossEntropy
      }
    }
  }
}
