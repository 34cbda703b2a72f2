// Element-wise arithmetic. Tensor-with-tensor ops broadcast first (see Tensor+Broadcast),
// so each pullback below sees equal shapes.

extension Tensor {
  // MARK: - Tensor with tensor

  @inlinable
  public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return record(Kernels.zip(a.storage, b.storage, +), shape: a.shape, operation: "add",
      inputs: [a, b]) { g, _, _ in g }
  }

  @inlinable
  public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return record(Kernels.zip(a.storage, b.storage, -), shape: a.shape, operation: "sub",
      inputs: [a, b]) { g, _, input in input == 0 ? g : -g }
  }

  @inlinable
  public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return record(Kernels.zip(a.storage, b.storage, *), shape: a.shape, operation: "mul",
      inputs: [a, b]) { g, _, input in input == 0 ? g * b : g * a }
  }

  @inlinable
  public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
    let (a, b) = broadcastPair(lhs, rhs)
    return record(Kernels.zip(a.storage, b.storage, /), shape: a.shape, operation: "div",
      inputs: [a, b]) { g, y, input in input == 0 ? g / b : -(g * y / b) }  // d(a/b)/db = -a/b²
  }

  @inlinable
  public static prefix func - (x: Tensor) -> Tensor {
    record(Kernels.map(x.storage, -), shape: x.shape, operation: "neg", inputs: [x]) {
      g, _, _ in -g
    }
  }

  // MARK: - Tensor with scalar

  @inlinable
  public static func + (lhs: Tensor, rhs: Scalar) -> Tensor {
    record(Kernels.map(lhs.storage) { $0 + rhs }, shape: lhs.shape, operation: "add \(rhs)",
      inputs: [lhs]) { g, _, _ in g }
  }

  @inlinable
  public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { rhs + lhs }

  @inlinable
  public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs + (-rhs) }

  @inlinable
  public static func - (lhs: Scalar, rhs: Tensor) -> Tensor {
    record(Kernels.map(rhs.storage) { lhs - $0 }, shape: rhs.shape, operation: "\(lhs) sub",
      inputs: [rhs]) { g, _, _ in -g }
  }

  @inlinable
  public static func * (lhs: Tensor, rhs: Scalar) -> Tensor {
    record(Kernels.map(lhs.storage) { $0 * rhs }, shape: lhs.shape, operation: "mul \(rhs)",
      inputs: [lhs]) { g, _, _ in g * rhs }
  }

  @inlinable
  public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { rhs * lhs }

  @inlinable
  public static func / (lhs: Tensor, rhs: Scalar) -> Tensor {
    record(Kernels.map(lhs.storage) { $0 / rhs }, shape: lhs.shape, operation: "div \(rhs)",
      inputs: [lhs]) { g, _, _ in g / rhs }
  }

  @inlinable
  public static func / (lhs: Scalar, rhs: Tensor) -> Tensor {
    record(Kernels.map(rhs.storage) { lhs / $0 }, shape: rhs.shape, operation: "\(lhs) div",
      inputs: [rhs]) { g, y, _ in -(g * y / rhs) }  // d(c/x)/dx = -c/x² = -y/x
  }
}
