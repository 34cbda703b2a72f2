import Autograd

extension Model {
  // MARK: - Prediction

  /// The network's outputs for rows of features, without recording a graph.
  /// - Parameter features: [rows, inputs] in their own units.
  /// - Returns: [rows, outputs]
  @inlinable
  public func logits(for features: Tensor<Scalar>) -> Tensor<Scalar> {
    withoutGrad { network(scaledFeatures(features)) }
  }

  /// Predictions in the target's terms: values in the target's own units (regression,
  /// [rows, 1]), the probability of class 1 (binary, [rows, 1]) or one probability per class
  /// (multiclass, [rows, classes]).
  /// - Parameter features: [rows, inputs] in their own units.
  public func predict(_ features: Tensor<Scalar>) -> Tensor<Scalar> {
    let outputs = withoutGrad { loss.link(logits(for: features)) }
    return targetScaling?.inverseTransform(outputs) ?? outputs
  }

  /// The most probable class of every row (classification only).
  /// - Parameter features: [rows, inputs] in their own units.
  /// - Returns: one index into `classLabels` per row.
  public func predictClasses(_ features: Tensor<Scalar>) -> [Int] {
    precondition(task != .regression, "class predictions from a regression model")
    return classes(fromLogits: logits(for: features))
  }

  /// The log-probability of every class for every row, computed from the logits in the
  /// stable forms: log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z), log-softmax.
  /// - Returns: rows of `classCount` values (two for a binary task: class 0, class 1).
  public func logProbabilities(_ features: Tensor<Scalar>) -> [[Double]] {
    precondition(task != .regression, "class probabilities from a regression model")
    let z = logits(for: features)
    let columns: Tensor<Scalar> = withoutGrad {
      if task == .binary {
        let logOne = -(-z).softplus()
        let logZero = -z.softplus()
        return Tensor(
          zip(logZero.scalars, logOne.scalars).flatMap { [$0, $1] },
          shape: .matrix(z.shape.rows, 2))
      }
      return z.logSoftmax()
    }
    let width = columns.shape.columns
    let values = columns.scalars.map(Double.init)
    return (0..<columns.shape.rows).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
  }
}
