import Autograd

/// What a model should predict for each row, in the target's own units.
public enum Targets<Scalar: TensorScalar> {
  /// [rows, 1]: regression values in the target's units, or 0/1 for a binary task.
  case values(Tensor<Scalar>)
  /// One class index per row, in `0..<classes`: a binary or multiclass task.
  case classes([Int])

  /// The number of rows.
  public var count: Int {
    switch self {
    case .values(let values): values.shape.rows
    case .classes(let indices): indices.count
    }
  }

  /// The targets of the rows at `indices`, in that order.
  public func rows(at indices: [Int]) -> Targets {
    switch self {
    case .values(let values): .values(values.rows(at: indices))
    case .classes(let classes): .classes(indices.map { classes[$0] })
    }
  }
}
