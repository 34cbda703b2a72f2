/// What `Kernels.matmul` does to each block of its result as soon as the block is computed,
/// on the thread that computed it: add a row (a layer's bias) to every row, then take tanh.
///
/// Each element gets the same operations, in the same order, as the separate ops
/// `tanh(product + broadcast(bias))`, so the same bits; the difference is one pass over
/// memory that is still in cache, shared between the threads, instead of two or three.
public struct MatmulEpilogue<Scalar> {
  /// `n` elements added to every row of the product, or nil.
  public var bias: UnsafePointer<Scalar>?
  /// Whether tanh is then taken of every element.
  public var tanh: Bool

  /// Adds `bias` (if any) to every row, then takes tanh when `tanh` is set.
  public init(bias: UnsafePointer<Scalar>?, tanh: Bool) {
    self.bias = bias
    self.tanh = tanh
  }

  /// The product as it is.
  public static var none: MatmulEpilogue { MatmulEpilogue(bias: nil, tanh: false) }

  /// Whether there is anything to do.
  @inlinable var isEmpty: Bool { bias == nil && !tanh }

  /// The epilogue of the columns from `column` on.
  @inlinable func from(column: Int) -> MatmulEpilogue {
    MatmulEpilogue(bias: bias.map { $0 + column }, tanh: tanh)
  }

  /// The same epilogue over memory bound to another type of the same layout.
  @inlinable func rebound<Other>(to _: Other.Type) -> MatmulEpilogue<Other> {
    MatmulEpilogue<Other>(bias: bias.map(Kernels.rebound), tanh: tanh)
  }
}

