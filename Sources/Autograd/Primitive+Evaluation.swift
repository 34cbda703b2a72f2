extension Primitive {
  /// Computes the op's output from its operands into `out`, which it fills completely.
  ///
  /// - Parameters:
  ///   - x: the first operand, of shape `xShape`.
  ///   - y: the second operand of a binary op, of shape `yShape`; empty for a unary op.
  ///   - out: the output, of `shape`; must not overlap an operand, except for element-wise
  ///     ops, which may write over `x`.
  ///   - threads: the most threads a large matrix product may use.
  ///
  /// Inlined, as the three-operand form is, into its two callers (`Program.run` and the
  /// eager ops): as calls, a compiled W2 step (12 instructions on 16 rows) spent about a
  /// sixth of its time passing a dozen arguments through the stack and switching twice.
  @inlinable @inline(__always)
  public func evaluate(
    _ x: UnsafeBufferPointer<Scalar>, _ xShape: Shape,
    _ y: UnsafeBufferPointer<Scalar>, _ yShape: Shape,
    into out: UnsafeMutableBufferPointer<Scalar>, _ shape: Shape, threads: Int
  ) {
    switch self {
    case .add: Kernels.zip(x, y, into: out, +)
    case .subtract: Kernels.zip(x, y, into: out, -)
    case .multiply: Kernels.zip(x, y, into: out, *)
    case .divide: Kernels.zip(x, y, into: out, /)
    case .negate: Kernels.map(x, into: out) { -$0 }
    case .addScalar(let c): Kernels.map(x, into: out) { $0 + c }
    case .subtractFromScalar(let c): Kernels.map(x, into: out) { c - $0 }
    case .multiplyByScalar(let c): Kernels.map(x, into: out) { $0 * c }
    case .divideByScalar(let c): Kernels.map(x, into: out) { $0 / c }
    case .divideScalar(let c): Kernels.map(x, into: out) { c / $0 }
    case .broadcast: Kernels.broadcast(x, xShape, into: out, shape)
    case .sumToShape: Kernels.sum(x, xShape, into: out, shape)
    case .reshape: Kernels.map(x, into: out) { $0 }
    case .matmul(let aLayout, let bLayout):
      evaluateMatmul(x, xShape, aLayout, y, bLayout, into: out, shape, threads: threads)
    case .transpose: Kernels.transpose(x, rows: xShape.rows, columns: xShape.columns, into: out)
    case .logSoftmax: Kernels.logSoftmax(x, rows: xShape.rows, columns: xShape.columns, into: out)
    case .addBroadcast: Kernels.zipBroadcasting(x, xShape, y, yShape, into: out, +)
    case .subtractBroadcast: Kernels.zipBroadcasting(x, xShape, y, yShape, into: out, -)
    case .multiplyBroadcast: Kernels.zipBroadcasting(x, xShape, y, yShape, into: out, *)
    case .divideBroadcast: Kernels.zipBroadcasting(x, xShape, y, yShape, into: out, /)
    case .multiplyByOneMinusSquare:
      Kernels.zip(x, y, into: out) { g, y in Kernels.timesTanhSlope(g, at: y) }
    case .matmulAddRow, .matmulDescent, .matmulTanhSlope:
      preconditionFailure("\(label) takes a third operand")
    default: evaluateElementwise(x, into: out)
    }
  }

  /// Computes a primitive of three operands: `matmulAddRow` (a, b and the bias row `z`),
  /// `matmulDescent` (a, b and the matrix `z`, which it updates in place) or `matmulTanhSlope`
  /// (a, b and the tanh output `z`); any other primitive ignores `z`. See
  /// `evaluate(_:_:_:_:into:_:threads:)`.
  @inlinable @inline(__always)
  public func evaluate(
    _ x: UnsafeBufferPointer<Scalar>, _ xShape: Shape,
    _ y: UnsafeBufferPointer<Scalar>, _ yShape: Shape, _ z: UnsafeBufferPointer<Scalar>,
    into out: UnsafeMutableBufferPointer<Scalar>, _ shape: Shape, threads: Int
  ) {
    switch self {
    case .matmulAddRow(let aLayout, let bLayout, let tanh):
      evaluateMatmul(
        x, xShape, aLayout, y, bLayout, into: out, shape, threads: threads,
        epilogue: MatmulEpilogue(bias: z.baseAddress, tanh: tanh))
    case .matmulDescent(let aLayout, let bLayout, let rate):
      evaluateMatmul(
        x, xShape, aLayout, y, bLayout, into: out, shape, threads: threads,
        epilogue: MatmulEpilogue(
          bias: nil, tanh: false, descent: z.baseAddress.map(UnsafeMutablePointer.init),
          rate: rate))
    case .matmulTanhSlope(let aLayout, let bLayout):
      evaluateMatmul(
        x, xShape, aLayout, y, bLayout, into: out, shape, threads: threads,
        epilogue: MatmulEpilogue(bias: nil, tanh: false, tanhOutput: z.baseAddress))
    default:
      evaluate(x, xShape, y, yShape, into: out, shape, threads: threads)
    }
  }

  /// The element-wise functions of one operand.
  @inlinable
  func evaluateElementwise(
    _ x: UnsafeBufferPointer<Scalar>, into out: UnsafeMutableBufferPointer<Scalar>
  ) {
    switch self {
    case .exp: Kernels.exp(x, into: out)
    case .log: Kernels.log(x, into: out)
    case .sqrt: Kernels.map(x, into: out) { $0.squareRoot() }
    case .sin: Kernels.map(x, into: out, Scalar.sin)
    case .cos: Kernels.map(x, into: out, Scalar.cos)
    case .tanh: Kernels.tanh(x, into: out)
    case .sigmoid: Kernels.sigmoid(x, into: out)
    case .softplus: Kernels.softplus(x, into: out)
    case .relu: Kernels.map(x, into: out) { Swift.max($0, 0) }
    case .abs: Kernels.map(x, into: out) { Swift.abs($0) }
    case .pow(let c): Kernels.map(x, into: out) { Scalar.pow($0, c) }
    case .heaviside: Kernels.map(x, into: out) { $0 > 0 ? 1 : 0 }
    case .sign: Kernels.map(x, into: out) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
    default: preconditionFailure("\(label) is not an element-wise function of one operand")
    }
  }

  @inlinable
  func evaluateMatmul(
    _ a: UnsafeBufferPointer<Scalar>, _ aShape: Shape, _ aLayout: MatrixLayout,
    _ b: UnsafeBufferPointer<Scalar>, _ bLayout: MatrixLayout,
    into out: UnsafeMutableBufferPointer<Scalar>, _ shape: Shape, threads: Int,
    epilogue: MatmulEpilogue<Scalar> = .none
  ) {
    let k = aLayout == .normal ? aShape.columns : aShape.rows
    guard let c = out.baseAddress else { return }  // an empty product
    guard k > 0, let a = a.baseAddress, let b = b.baseAddress else {
      c.update(repeating: 0, count: out.count)
      Kernels.finish(c, rows: shape.rows, columns: shape.columns, rowStride: shape.columns, epilogue)
      return
    }
    Kernels.matmul(
      a, aLayout, b, bLayout, into: c, m: shape.rows, k: k, n: shape.columns, threads: threads,
      epilogue: epilogue)
  }
}
