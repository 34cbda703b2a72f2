// Broadcasting is handled here once: a binary op first broadcasts both sides to a common
// shape with `broadcast(to:)`, whose pullback sums the gradient back with `sum(toShape:)`.

extension Tensor {
  // MARK: - Shape rules

  /// The shape two tensors broadcast to, or `nil` when they do not: equal shapes; a
  /// one-element tensor with anything of at least its rank; a row (`[c]` or `[1, c]`) or a
  /// column (`[r, 1]`) with an `[r, c]` matrix.
  @inlinable
  public static func broadcastShape(_ a: Shape, _ b: Shape) -> Shape? {
    if a == b { return a }
    if a.count == 1 && a.rank <= b.rank { return b }
    if b.count == 1 && b.rank <= a.rank { return a }
    if a.rank == 2 && broadcasts(b, to: a) { return a }
    if b.rank == 2 && broadcasts(a, to: b) { return b }
    return nil
  }

  @inlinable
  static func broadcasts(_ source: Shape, to target: Shape) -> Bool {
    if source == target || (source.count == 1 && source.rank <= target.rank) { return true }
    guard target.rank == 2 else { return false }
    let isRow = source.rows == 1 && source.columns == target.columns
    let isColumn = source.rank == 2 && source.columns == 1 && source.rows == target.rows
    return isRow || isColumn
  }

  /// Both tensors broadcast to their common shape; traps with both shapes when there is none.
  @inlinable
  static func broadcastPair(_ a: Tensor, _ b: Tensor) -> (Tensor, Tensor) {
    guard let shape = broadcastShape(a.shape, b.shape) else {
      preconditionFailure("shapes \(a.shape) and \(b.shape) do not broadcast")
    }
    return (a.broadcast(to: shape), b.broadcast(to: shape))
  }

  // MARK: - Ops

  /// This tensor repeated to fill `target`: a one-element tensor everywhere, a row over
  /// every row, a column over every column.
  @inlinable
  public func broadcast(to target: Shape) -> Tensor {
    if shape == target { return self }
    precondition(Tensor.broadcasts(shape, to: target), "cannot broadcast \(shape) to \(target)")
    let source = shape
    return Tensor.apply(.broadcast, to: [self], shape: target) { g, _, _ in
      g.sum(toShape: source)  // each copy's gradient adds up
    }
  }

  /// The sum of this tensor over the axes along which `target` was broadcast to its shape:
  /// the reverse of `broadcast(to:)`.
  @inlinable
  public func sum(toShape target: Shape) -> Tensor {
    if shape == target { return self }
    precondition(Tensor.broadcasts(target, to: shape), "cannot sum \(shape) down to \(target)")
    let source = shape
    return Tensor.apply(.sumToShape, to: [self], shape: target) { g, _, _ in
      g.broadcast(to: source)
    }
  }

  /// The same elements in another shape of the same count.
  @inlinable
  public func reshaped(_ target: Shape) -> Tensor {
    if shape == target { return self }
    precondition(target.count == shape.count, "cannot reshape \(shape) to \(target)")
    let source = shape
    return Tensor.apply(.reshape, to: [self], shape: target) { g, _, _ in g.reshaped(source) }
  }
}
