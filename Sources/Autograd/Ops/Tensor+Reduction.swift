extension Tensor {
  /// The sum of all elements: a rank-0 tensor.
  @inlinable
  public func sum() -> Tensor { sum(toShape: .scalar) }

  /// The sum along `axis`: of a matrix, axis 0 gives `[columns]` and axis 1 gives `[rows]`;
  /// of a vector, axis 0 gives a rank-0 tensor.
  @inlinable
  public func sum(axis: Int) -> Tensor {
    switch (shape.rank, axis) {
    case (1, 0): return sum()
    case (2, 0): return sum(toShape: .matrix(1, shape.columns)).reshaped(.vector(shape.columns))
    case (2, 1): return sum(toShape: .matrix(shape.rows, 1)).reshaped(.vector(shape.rows))
    default: preconditionFailure("no axis \(axis) in a tensor of shape \(shape)")
    }
  }

  /// The mean of all elements: a rank-0 tensor.
  @inlinable
  public func mean() -> Tensor { sum() / Scalar(shape.count) }

  /// The mean along `axis` (see `sum(axis:)`).
  @inlinable
  public func mean(axis: Int) -> Tensor {
    let length = axis == 0 && shape.rank == 2 ? shape.rows : shape.columns
    return sum(axis: axis) / Scalar(length)
  }
}
