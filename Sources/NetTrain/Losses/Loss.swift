import Autograd

/// A training loss on a model's logits, with the output link it implies.
///
/// Models output logits; the loss owns the link (identity, sigmoid or softmax), so a model
/// never applies sigmoid or softmax before the loss. Every loss is composed of engine ops
/// in the stable forms (softplus, log-softmax) and is finite at logits of ±1000.
public enum Loss: String, CaseIterable, Sendable {
  /// Mean squared error; identity link.
  case meanSquaredError = "mse"
  /// Binary cross-entropy from logits; sigmoid link.
  case binaryCrossEntropy = "bce"
  /// Softmax cross-entropy from logits with class indices as targets; softmax link.
  case crossEntropy = "cross_entropy"

  /// The mean loss of a batch.
  /// - Parameters:
  ///   - logits: [batch, outputs]
  ///   - targets: [batch, outputs]: values (mse), 0/1 (bce) or one-hot rows (cross-entropy).
  /// - Returns: a rank-0 tensor.
  @inlinable
  public func callAsFunction<Scalar: TensorScalar>(
    _ logits: Tensor<Scalar>, _ targets: Tensor<Scalar>
  ) -> Tensor<Scalar> {
    precondition(
      logits.shape == targets.shape,
      "\(rawValue) of logits \(logits.shape), targets \(targets.shape)")
    switch self {
    case .meanSquaredError: return Loss.meanSquaredError(predictions: logits, targets: targets)
    case .binaryCrossEntropy: return Loss.binaryCrossEntropy(logits: logits, targets: targets)
    case .crossEntropy: return Loss.crossEntropy(logits: logits, oneHot: targets)
    }
  }

  /// The link that turns logits into predictions: the values themselves (mse), the
  /// probability of class 1 (bce) or one probability per class (cross-entropy).
  /// - Parameter logits: [batch, outputs]
  /// - Returns: [batch, outputs]
  @inlinable
  public func link<Scalar: TensorScalar>(_ logits: Tensor<Scalar>) -> Tensor<Scalar> {
    switch self {
    case .meanSquaredError: logits
    case .binaryCrossEntropy: logits.sigmoid()
    case .crossEntropy: logits.logSoftmax().exp()
    }
  }

  // MARK: - The losses

  /// mean((ŷ − y)²) over every element.
  @inlinable
  public static func meanSquaredError<Scalar: TensorScalar>(
    predictions: Tensor<Scalar>, targets: Tensor<Scalar>
  ) -> Tensor<Scalar> {
    let error = predictions - targets
    return (error * error).mean()
  }

  /// mean(softplus(z) − y·z), which is −mean(y·log σ(z) + (1 − y)·log(1 − σ(z)))
  /// ever taking the log of a probability.
  @inlinable
  public static func binaryCrossEntropy<Scalar: TensorScalar>(
    logits: Tensor<Scalar>, targets: Tensor<Scalar>
  ) -> Tensor<Scalar> {
    (logits.softplus() - targets * logits).mean()
  }

  /// −Σ onehot · logSoftmax(z) / batch: the mean negative log-probability of the true class.
  @inlinable
  public static func crossEntropy<Scalar: TensorScalar>(
    logits: Tensor<Scalar>, oneHot: Tensor<Scalar>
  ) -> Tensor<Scalar> {
    -(oneHot * logits.logSoftmax()).sum() / Scalar(logits.shape.rows)
  }

  /// Softmax cross-entropy with class indices as targets.
  /// - Parameters:
  ///   - logits: [batch, classes]
  ///   - classes: `batch` indices in `0..<classes`.
  @inlinable
  public static func crossEntropy<Scalar: TensorScalar>(
    logits: Tensor<Scalar>, classes: [Int]
  ) -> Tensor<Scalar> {
    crossEntropy(logits: logits, oneHot: .oneHot(classes, classCount: logits.shape.columns))
  }
}

extension Tensor {
  /// A constant `[indices.count, classCount]` matrix with a 1 in each row at that row's index.
  @inlinable
  public static func oneHot(_ indices: [Int], classCount: Int) -> Tensor {
    var values = [Scalar](repeating: 0, count: indices.count * classCount)
    for (row, index) in indices.enumerated() {
      precondition(index >= 0 && index < classCount, "class \(index) of \(classCount)")
      values[row * classCount + index] = 1
    }
    return Tensor(values, shape: .matrix(indices.count, classCount))
  }
}
