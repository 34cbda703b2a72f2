import Autograd

/// An element-wise nonlinearity after a dense layer.
public enum Activation: String, CaseIterable, Sendable {
  /// The hyperbolic tangent, the default for hidden layers.
  case tanh
  /// max(x, 0).
  case relu
  /// The logistic function 1 / (1 + e⁻ˣ).
  case sigmoid
  /// The identity: a linear layer.
  case identity

  /// The activation applied to every element of `x`.
  @inlinable
  public func callAsFunction<Scalar: TensorScalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
    switch self {
    case .tanh: x.tanh()
    case .relu: x.relu()
    case .sigmoid: x.sigmoid()
    case .identity: x
    }
  }

  /// The initialisation suited to a dense layer followed by this activation: He (Kaiming)
  /// for relu, Glorot (Xavier) for the others.
  public var initialization: WeightInitialization {
    self == .relu ? .heUniform : .glorotUniform
  }
}
