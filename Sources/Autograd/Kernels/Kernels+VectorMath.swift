/// Vectorised elementary functions over buffers: eight doubles or sixteen floats per step.
///
/// `x` and `y` hold the same number of elements and may be the same memory. Each element's
/// result depends only on its value: the last, partial chunk is copied into a zero-padded
/// vector and goes through the same code, never through the C library. `Double` and `Float`
/// take the vector paths (`VectorMath64`, `VectorMath32`); any other `TensorScalar` falls back
/// to its scalar functions.
extension Kernels {
  /// Hyperbolic tangent of every element, within 2 ulp of glibc's `tanh`/`tanhf`.
  @inlinable
  public static func tanh<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, into y: UnsafeMutableBufferPointer<S>
  ) {
    elementwise(
      x, into: y, VectorMath64.tanh(_:into:count:), VectorMath32.tanh(_:into:count:), S.tanh)
  }

  /// e^x of every element: +inf above the largest finite result, subnormals then 0 below.
  @inlinable
  public static func exp<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, into y: UnsafeMutableBufferPointer<S>
  ) {
    elementwise(
      x, into: y, VectorMath64.exp(_:into:count:), VectorMath32.exp(_:into:count:), S.exp)
  }

  /// The logistic sigmoid 1/(1 + e^−x) of every element, as 1/(1 + e^−|x|) or
  /// e^−|x|/(1 + e^−|x|) by the sign of x: no overflow and no NaN for any non-NaN x.
  @inlinable
  public static func sigmoid<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, into y: UnsafeMutableBufferPointer<S>
  ) {
    elementwise(
      x, into: y, VectorMath64.sigmoid(_:into:count:), VectorMath32.sigmoid(_:into:count:)
    ) { value in
      let e = S.exp(-Swift.abs(value))
      return (value >= 0 ? 1 : e) / (1 + e)
    }
  }

  /// softplus x = log(1 + e^x) of every element, as max(x, 0) + log1p(e^−|x|): stable for
  /// any x (softplus x = x once e^−x is below half an ulp of x; ±inf give +inf and 0).
  @inlinable
  public static func softplus<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, into y: UnsafeMutableBufferPointer<S>
  ) {
    elementwise(
      x, into: y, VectorMath64.softplus(_:into:count:), VectorMath32.softplus(_:into:count:)
    ) { value in
      Swift.max(value, 0) + S.log1p(S.exp(-Swift.abs(value)))
    }
  }

  /// Natural logarithm of every element: −inf at ±0, NaN below 0, +inf at +inf.
  @inlinable
  public static func log<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, into y: UnsafeMutableBufferPointer<S>
  ) {
    elementwise(
      x, into: y, VectorMath64.log(_:into:count:), VectorMath32.log(_:into:count:), S.log)
  }

  /// Applies the buffer function for `S` (`Double`, `Float`) or else `scalar`, element by
  /// element. The type tests fold away once `S` is known.
  @inlinable @inline(__always)
  static func elementwise<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, into y: UnsafeMutableBufferPointer<S>,
    _ double: (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void,
    _ float: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void,
    _ scalar: (S) -> S
  ) {
    precondition(x.count == y.count, "elementwise: \(x.count) inputs, \(y.count) outputs")
    guard let input = x.baseAddress, let output = y.baseAddress else { return }
    let source = UnsafeRawPointer(input)
    let target = UnsafeMutableRawPointer(output)
    if S.self == Double.self {
      double(source.assumingMemoryBound(to: Double.self),
             target.assumingMemoryBound(to: Double.self), x.count)
    } else if S.self == Float.self {
      float(source.assumingMemoryBound(to: Float.self),
            target.assumingMemoryBound(to: Float.self), x.count)
    } else {
      for i in 0..<x.count { y[i] = scalar(x[i]) }
    }
  }

  /// `f` over `count` scalars at `x`, written to `y`, one vector of `V.scalarCount` at a time;
  /// the remainder goes through `f` in a zero-padded vector. `x` and `y` may be equal.
  @inline(__always)
  static func chunked<V: SIMD>(
    _ x: UnsafePointer<V.Scalar>, into y: UnsafeMutablePointer<V.Scalar>, count: Int,
    _ f: (V) -> V
  ) {
    let width = V.scalarCount
    var i = 0
    while i + width <= count {
      let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
      UnsafeMutableRawPointer(y + i).storeBytes(of: f(v), as: V.self)
      i += width
    }
    if i == count { return }
    var v = V()
    for j in 0..<(count - i) { v[j] = x[i + j] }
    let result = f(v)
    for j in 0..<(count - i) { y[i + j] = result[j] }
  }
}
