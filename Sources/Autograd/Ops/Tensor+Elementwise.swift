// Element-wise functions. Each pullback is written with tensor ops and reuses the saved
// output `y` where the derivative is a function of it.

extension Tensor {
  /// A tensor of the same shape computed element by element, recorded as `operation`.
  @inlinable
  func unary(_ operation: String, _ f: (Scalar) -> Scalar, pullback: @escaping Pullback) -> Tensor {
    Tensor.record(Kernels.map(storage, f), shape: shape, operation: operation, inputs: [self],
      pullback: pullback)
  }

  /// A constant (untracked) tensor of the same shape, element by element.
  @inlinable
  func constant(_ f: (Scalar) -> Scalar) -> Tensor {
    Tensor(Kernels.map(storage, f), shape: shape)
  }

  @inlinable
  public func exp() -> Tensor {
    unary("exp", Scalar.exp) { g, y, _ in g * y }  // d eˣ = eˣ
  }

  /// The natural logarithm.
  @inlinable
  public func log() -> Tensor {
    let x = self
    return unary("log", Scalar.log) { g, _, _ in g / x }  // d ln x = 1/x
  }

  @inlinable
  public func sqrt() -> Tensor {
    unary("sqrt", { $0.squareRoot() }) { g, y, _ in g * 0.5 / y }  // d √x = 1/(2√x)
  }

  /// Every element raised to a constant power.
  @inlinable
  public func pow(_ exponent: Scalar) -> Tensor {
    let x = self
    return unary("pow \(exponent)", { Scalar.pow($0, exponent) }) { g, _, _ in
      // d xᶜ = c·xᶜ⁻¹; for c = 0 exactly 0, even at x = 0 where 0·0⁻¹ would be NaN.
      exponent == 0 ? g * 0 : g * (x.pow(exponent - 1) * exponent)
    }
  }

  @inlinable
  public func sin() -> Tensor {
    let x = self
    return unary("sin", Scalar.sin) { g, _, _ in g * x.cos() }
  }

  @inlinable
  public func cos() -> Tensor {
    let x = self
    return unary("cos", Scalar.cos) { g, _, _ in -(g * x.sin()) }
  }

  @inlinable
  public func tanh() -> Tensor {
    unary("tanh", Scalar.tanh) { g, y, _ in g * (1 - y * y) }  // d tanh = 1 − tanh²
  }

  /// The logistic function 1 / (1 + e⁻ˣ), computed without overflow for any input.
  @inlinable
  public func sigmoid() -> Tensor {
    unary("sigmoid", Tensor.stableSigmoid) { g, y, _ in g * (y * (1 - y)) }  // dσ = σ(1 − σ)
  }

  /// max(x, 0).
  @inlinable
  public func relu() -> Tensor {
    let slope = constant { $0 > 0 ? 1 : 0 }
    return unary("relu", { Swift.max($0, 0) }) { g, _, _ in g * slope }
  }

  @inlinable
  public func abs() -> Tensor {
    let sign = constant { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
    return unary("abs", { Swift.abs($0) }) { g, _, _ in g * sign }
  }

  /// log(1 + eˣ) in the stable form max(x, 0) + log1p(e^−|x|): finite at ±1000.
  @inlinable
  public func softplus() -> Tensor {
    let x = self
    return unary("softplus", { Swift.max($0, 0) + Scalar.log1p(Scalar.exp(-Swift.abs($0))) }) {
      g, _, _ in g * x.sigmoid()  // d softplus = σ
    }
  }

  /// Log-softmax along each row (a vector is one row), by the max-shifted log-sum-exp.
  @inlinable
  public func logSoftmax() -> Tensor {
    precondition(shape.rank >= 1, "logSoftmax of a scalar")
    let values = Kernels.logSoftmaxRows(storage, rows: shape.rows, columns: shape.columns)
    return Tensor.record(values, shape: shape, operation: "logSoftmax", inputs: [self]) {
      g, y, _ in
      // d/dx of y = x − lse(x): g − softmax · (row sum of g)
      let rowTotals = y.shape.rank == 2 ? g.sum(toShape: .matrix(y.shape.rows, 1)) : g.sum()
      return g - y.exp() * rowTotals
    }
  }

  @inlinable
  static func stableSigmoid(_ x: Scalar) -> Scalar {
    if x >= 0 { return 1 / (1 + Scalar.exp(-x)) }
    let e = Scalar.exp(x)
    return e / (1 + e)
  }
}
