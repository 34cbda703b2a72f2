extension Tensor {
  /// The matrix product: `[m, k]` times `[k, n]` is `[m, n]`.
  @inlinable
  public func matmul(_ other: Tensor) -> Tensor {
    precondition(
      shape.rank == 2 && other.shape.rank == 2 && shape.columns == other.shape.rows,
      "matmul of \(shape) and \(other.shape)")
    let a = self
    let shape = Shape.matrix(shape.rows, other.shape.columns)
    return Tensor.apply(.matmul(.normal, .normal), to: [self, other], shape: shape) {
      g, _, input in
      input == 0 ? g.matmul(other.transposed()) : a.transposed().matmul(g)  // dA = G·Bᵀ, dB = Aᵀ·G
    }
  }

  /// The transpose of a matrix.
  @inlinable
  public func transposed() -> Tensor {
    precondition(shape.rank == 2, "transpose of a tensor of shape \(shape)")
    return Tensor.apply(.transpose, to: [self], shape: .matrix(shape.columns, shape.rows)) {
      g, _, _ in g.transposed()
    }
  }
}
