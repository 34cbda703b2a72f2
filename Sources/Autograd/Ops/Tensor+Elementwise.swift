// Element-wise functions. Each pullback is written with tensor ops and reuses the saved
// output `y` where the derivative is a function of it.

extension Tensor {
  /// A tensor of the same shape computed element by element by `primitive`.
  @inlinable
  func unary(_ primitive: Primitive<Scalar>, pullback: @escaping Pullback) -> Tensor {
    Tensor.apply(primitive, to: [self], shape: shape, pullback: pullback)
  }

  @inlinable
  public func exp() -> Tensor {
    unary(.exp) { g, y, _ in g * y }  // d eˣ = eˣ
  }

  /// The natural logarithm.
  @inlinable
  public func log() -> Tensor {
    let x = self
    return unary(.log) { g, _, _ in g / x }  // d ln x = 1/x
  }

  @inlinable
  public func sqrt() -> Tensor {
    unary(.sqrt) { g, y, _ in g * 0.5 / y }  // d √x = 1/(2√x)
  }

  /// Every element raised to a constant power.
  @inlinable
  public func pow(_ exponent: Scalar) -> Tensor {
    let x = self
    return unary(.pow(exponent)) { g, _, _ in
      // d xᶜ = c·xᶜ⁻¹; for c = 0 exactly 0, even at x = 0 where 0·0⁻¹ would be NaN.
      exponent == 0 ? g * 0 : g * (x.pow(exponent - 1) * exponent)
    }
  }

  @inlinable
  public func sin() -> Tensor {
    let x = self
    return unary(.sin) { g, _, _ in g * x.cos() }
  }

  @inlinable
  public func cos() -> Tensor {
    let x = self
    return unary(.cos) { g, _, _ in -(g * x.sin()) }
  }

  @inlinable
  public func tanh() -> Tensor {
    unary(.tanh) { g, y, _ in g * (1 - y * y) }  // d tanh = 1 − tanh²
  }

  /// The logistic function 1 / (1 + e⁻ˣ), computed without overflow for any input.
  @inlinable
  public func sigmoid() -> Tensor {
    unary(.sigmoid) { g, y, _ in g * (y * (1 - y)) }  // dσ = σ(1 − σ)
  }

  /// max(x, 0).
  @inlinable
  public func relu() -> Tensor {
    let x = self
    return unary(.relu) { g, _, _ in g * x.heaviside() }
  }

  @inlinable
  public func abs() -> Tensor {
    let x = self
    return unary(.abs) { g, _, _ in g * x.sign() }
  }

  /// 1 where an element is above 0, else 0 (the slope of relu). Piecewise constant, so its
  /// gradient is zero; it is an op, not a constant, so that a compiled program recomputes it.
  @inlinable
  public func heaviside() -> Tensor {
    unary(.heaviside) { g, _, _ in g * 0 }
  }

  /// The sign of every element: 1, −1 or 0 (the slope of abs); its gradient is zero.
  @inlinable
  public func sign() -> Tensor {
    unary(.sign) { g, _, _ in g * 0 }
  }

  /// log(1 + eˣ) in the stable form max(x, 0) + log1p(e^−|x|): finite at ±1000.
  @inlinable
  public func softplus() -> Tensor {
    let x = self
    return unary(.softplus) { g, _, _ in g * x.sigmoid() }  // d softplus = σ
  }

  /// Log-softmax along each row (a vector is one row), by the max-shifted log-sum-exp.
  @inlinable
  public func logSoftmax() -> Tensor {
    precondition(shape.rank >= 1, "logSoftmax of a scalar")
    return unary(.logSoftmax) { g, y, _ in
      // d/dx of y = x − lse(x): g − softmax · (row sum of g)
      let rowTotals = y.shape.rank == 2 ? g.sum(toShape: .matrix(y.shape.rows, 1)) : g.sum()
      return g - y.exp() * rowTotals
    }
  }
}
