extension Tensor {
  /// The matrix product: `[m, k]` times `[k, n]` is `[m, n]`.
  @inlinable
  public func matmul(_ other: Tensor) -> Tensor {
    precondition(
      shape.rank == 2 && other.shape.rank == 2 && shape.columns == other.shape.rows,
      "matmul of \(shape) and \(other.shape)")
    let values = Kernels.matmul(
      storage, other.storage, m: shape.rows, k: shape.columns, n: other.shape.columns)
    let a = self
    return Tensor.record(
      values, shape: .matrix(shape.rows, other.shape.columns), operation: "matmul",
      inputs: [self, other]
    ) { g, _, input in
      input == 0 ? g.matmul(other.transposed()) : a.transposed().matmul(g)  // dA = G·Bᵀ, dB = Aᵀ·G
    }
  }

  /// The transpose of a matrix.
  @inlinable
  public func transposed() -> Tensor {
    precondition(shape.rank == 2, "transpose of a tensor of shape \(shape)")
    let values = Kernels.transpose(storage, rows: shape.rows, columns: shape.columns)
    return Tensor.record(
      values, shape: .matrix(shape.columns, shape.rows), operation: "transpose", inputs: [self]
    ) { g, _, _ in g.transposed() }
  }
}
