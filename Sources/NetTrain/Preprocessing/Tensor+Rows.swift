import Autograd

extension Tensor {
  /// The rows at `indices`, in that order, as a new constant matrix.
  /// - Parameter indices: row numbers of this `[rows, columns]` matrix.
  /// - Returns: [indices.count, columns]
  public func rows(at indices: [Int]) -> Tensor {
    precondition(shape.rank == 2, "rows of a tensor of shape \(shape)")
    let columns = shape.columns
    let source = scalars
    var values: [Scalar] = []
    values.reserveCapacity(indices.count * columns)
    for row in indices {
      precondition(row >= 0 && row < shape.rows, "row \(row) of \(shape)")
      values.append(contentsOf: source[(row * columns)..<((row + 1) * columns)])
    }
    return Tensor(values, shape: .matrix(indices.count, columns))
  }

  /// Whether every element is finite (neither NaN nor infinite).
  @inlinable
  public var isFinite: Bool {
    scalars.withUnsafeBufferPointer { Kernels.allFinite($0) }
  }
}
