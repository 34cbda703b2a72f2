/// What a model predicts, which fixes its number of outputs and its loss.
public enum TaskKind: Equatable, Sendable {
  /// One real value in the target's own units; mean squared error on an identity output.
  case regression
  /// One of two classes; binary cross-entropy on a single logit (sigmoid link).
  case binary
  /// One of `classes` classes; softmax cross-entropy on one logit per class.
  case multiclass(classes: Int)

  /// The number of outputs (logits) a model for this task has.
  public var outputs: Int {
    switch self {
    case .regression, .binary: 1
    case .multiclass(let classes): classes
    }
  }

  /// The number of classes, `nil` for regression.
  public var classCount: Int? {
    switch self {
    case .regression: nil
    case .binary: 2
    case .multiclass(let classes): classes
    }
  }

  /// The loss a model for this task is trained with: it owns the output link.
  public var loss: Loss {
    switch self {
    case .regression: .meanSquaredError
    case .binary: .binaryCrossEntropy
    case .multiclass: .crossEntropy
    }
  }

  /// `regression`, `binary` or `multiclass`, as in configs and model files.
  public var name: String {
    switch self {
    case .regression: "regression"
    case .binary: "binary"
    case .multiclass: "multiclass"
    }
  }
}
