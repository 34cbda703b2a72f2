import Autograd

/// Feature rows and their targets, both in their own units.
public struct LabeledData<Scalar: TensorScalar> {
  /// [rows, features]
  public var features: Tensor<Scalar>
  /// One target per row.
  public var targets: Targets<Scalar>

  /// Rows of features with their targets; the counts must agree.
  public init(features: Tensor<Scalar>, targets: Targets<Scalar>) {
    precondition(
      features.shape.rank == 2 && features.shape.rows == targets.count,
      "features of shape \(features.shape) with \(targets.count) targets")
    self.features = features
    self.targets = targets
  }

  /// The number of rows.
  public var count: Int { features.shape.rows }

  /// The rows at `indices`, in that order.
  public func rows(at indices: [Int]) -> LabeledData {
    LabeledData(features: features.rows(at: indices), targets: targets.rows(at: indices))
  }
}
