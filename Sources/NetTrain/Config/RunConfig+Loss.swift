extension RunConfig {
  /// The training loss named by the config's `loss`; the same raw values as the library's
  /// `Loss`. Each loss belongs to exactly one task.
  public enum Loss: String, CaseIterable, Sendable {
    /// Mean squared error, for regression.
    case mse
    /// Binary cross-entropy from logits, for binary classification.
    case bce
    /// Softmax cross-entropy from logits, for multiclass classification.
    case crossEntropy = "cross_entropy"

    /// The task this loss is for.
    public var task: Task {
      switch self {
      case .mse: .regression
      case .bce: .binary
      case .crossEntropy: .multiclass
      }
    }
  }
}
