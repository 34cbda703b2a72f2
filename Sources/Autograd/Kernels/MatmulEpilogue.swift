/// What `Kernels.matmul` does to each block of its result as soon as the block is computed,
/// on the thread that computed it: add a row (a layer's bias) to every row, then take tanh;
/// or multiply each element by the slope of tanh, `1 − y·y`, at the same element of a tanh's
/// output `y` (a gradient carried back through a tanh layer); or subtract `rate ×` the block
/// from the same block of another matrix (a plain gradient descent step on a weight matrix,
/// `w[i] -= rate * g[i]`).
///
/// Each element gets the same operations, in the same order, as the separate ops
/// (`tanh(product + broadcast(bias))`, `product · (1 − y · y)`, or the optimizer's loop
/// after the product), so the same bits; the difference is one pass over memory that is still
/// in cache, shared between the threads, instead of two or three.
public struct MatmulEpilogue<Scalar: TensorScalar> {
  /// `n` elements added to every row of the product, or nil.
  public var bias: UnsafePointer<Scalar>?
  /// Whether tanh is then taken of every element.
  public var tanh: Bool
  /// An `m × n` matrix `y` by whose `1 − y·y` each element is then multiplied, or nil.
  public var tanhOutput: UnsafePointer<Scalar>?
  /// An `m × n` matrix from which `rate` times the product is subtracted, or nil. When that
  /// is all the epilogue does, the product itself may not be kept: `c` then holds no defined
  /// values after the call (a large product takes the step tile by tile and never stores the
  /// product; see `Matmul.descentInTilesBytes`).
  public var descent: UnsafeMutablePointer<Scalar>?
  /// The factor of the product in `descent`.
  public var rate: Scalar

  /// Adds `bias` (if any) to every row, then takes tanh when `tanh` is set; then multiplies
  /// by `1 − y·y` of `tanhOutput` (if any); then subtracts `rate` times the result from
  /// `descent` (if any).
  public init(
    bias: UnsafePointer<Scalar>?, tanh: Bool, tanhOutput: UnsafePointer<Scalar>? = nil,
    descent: UnsafeMutablePointer<Scalar>? = nil, rate: Scalar = 0
  ) {
    self.bias = bias
    self.tanh = tanh
    self.tanhOutput = tanhOutput
    self.descent = descent
    self.rate = rate
  }

  /// The product as it is.
  public static var none: MatmulEpilogue { MatmulEpilogue(bias: nil, tanh: false) }

  /// Whether the epilogue is a descent step and nothing else: a large tiled product then
  /// takes it tile by tile and does not keep the product (see `Matmul.product`).
  @inlinable var isDescentAlone: Bool {
    descent != nil && bias == nil && !tanh && tanhOutput == nil
  }

  /// Whether there is anything to do.
  @inlinable var isEmpty: Bool { bias == nil && !tanh && tanhOutput == nil && descent == nil }

  /// The epilogue of the columns from `column` on.
  @inlinable func from(column: Int) -> MatmulEpilogue {
    MatmulEpilogue(
      bias: bias.map { $0 + column }, tanh: tanh, tanhOutput: tanhOutput.map { $0 + column },
      descent: descent.map { $0 + column }, rate: rate)
  }

  /// The epilogue of the rows from `row` on, of a product `columns` wide.
  @inlinable func from(row: Int, columns: Int) -> MatmulEpilogue {
    MatmulEpilogue(
      bias: bias, tanh: tanh, tanhOutput: tanhOutput.map { $0 + row &* columns },
      descent: descent.map { $0 + row &* columns }, rate: rate)
  }

  /// The same epilogue over memory bound to another type of the same layout.
  @inlinable func rebound<Other: TensorScalar>(to _: Other.Type) -> MatmulEpilogue<Other> {
    MatmulEpilogue<Other>(
      bias: bias.map(Kernels.rebound), tanh: tanh, tanhOutput: tanhOutput.map(Kernels.rebound),
      descent: descent.map(Kernels.rebound), rate: unsafeBitCast(rate, to: Other.self))
  }
}
