// Element-wise arithmetic. Tensor-with-tensor ops broadcast first (see Tensor+Broadcast),
// so each pullback below sees equal shapes.

extension Tensor {
  // MARK: - Tensor with tensor

  @inlinable
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return apply(.add, to: [a, b], shape: a.shape) { g, _, _ in g }
  }

  @inlinable
  public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return apply(.subtract, to: [a, b], shape: a.shape) { g, _, input in input == 0 ? g : -g }
  }

  @inlinable
  public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return apply(.multiply, to: [a, b], shape: a.shape) { g, _, input in
      input == 0 ? g * b : g * a
    }
  }

  @inlinable
  public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return apply(.divide, to: [a, b], shape: a.shape) { g, y, input in
      input == 0 ? g / b : -(g * y / b)  // d(a/b)/db = -a/b²
    }
  }

  @inlinable
  public static prefix func - (x: Tensor) -> Tensor {
    apply(.negate, to: [x], shape: x.shape) { g, _, _ in -g }
  }

  // MARK: - Tensor with scalar

  @inlinable
  public static func + (lhs: Tensor, rhs: Scalar) -> Tensor {
    apply(.addScalar(rhs), to: [lhs], shape: lhs.shape) { g, _, _ in g }
  }

  @inlinable
  public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { rhs + lhs }

  @inlinable
  public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs + (-rhs) }

  @inlinable
  public static func - (lhs: Scalar, rhs: Tensor) -> Tensor {
    apply(.subtractFromScalar(lhs), to: [rhs], shape: rhs.shape) { g, _, _ in -g }
  }

  @inlinable
  public static func * (lhs: Tensor, rhs: Scalar) -> Tensor {
    apply(.multiplyByScalar(rhs), to: [lhs], shape: lhs.shape) { g, _, _ in g * rhs }
  }

  @inlinable
  public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { rhs * lhs }

  @inlinable
  public static func / (lhs: Tensor, rhs: Scalar) -> Tensor {
    apply(.divideByScalar(rhs), to: [lhs], shape: lhs.shape) { g, _, _ in g / rhs }
  }

  @inlinable
  public static func / (lhs: Scalar, rhs: Tensor) -> Tensor {
    apply(.divideScalar(lhs), to: [rhs], shape: rhs.shape) { g, y, _ in
      -(g * y / rhs)  // d(c/x)/dx = -c/x² = -y/x
    }
  }
}
