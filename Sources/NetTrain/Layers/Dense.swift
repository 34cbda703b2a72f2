import Autograd

/// A fully connected layer, `x·W + b`.
///
/// The layer holds its two parameter tensors; an optimizer updates them in place, so every
/// copy of a `Dense` value sees the same weights (the tensors are references).
public struct Dense<Scalar: TensorScalar>: Layer {
  /// [inputs, outputs]
  public let weight: Tensor<Scalar>
  /// [outputs]
  public let bias: Tensor<Scalar>

  /// A layer with the given parameters.
  /// - Parameters:
  ///   - weight: [inputs, outputs]; gradients are switched on for it.
  ///   - bias: [outputs]; gradients are switched on for it.
  public init(weight: Tensor<Scalar>, bias: Tensor<Scalar>) {
    precondition(
      weight.shape.rank == 2 && bias.shape == .vector(weight.shape.columns),
      "dense layer with weight \(weight.shape) and bias \(bias.shape)")
    weight.requiresGrad = true
    bias.requiresGrad = true
    self.weight = weight
    self.bias = bias
  }

  /// A layer with weights drawn by `initialization` from `generator` (row-major, see
  /// `WeightInitialization.weights`) and zero biases.
  public init(
    inputs: Int, outputs: Int, initialization: WeightInitialization,
    generator: inout SeededGenerator
  ) {
    precondition(inputs > 0 && outputs > 0, "dense layer of \(inputs) → \(outputs)")
    let values: [Scalar] = initialization.weights(
      fanIn: inputs, fanOut: outputs, generator: &generator)
    self.init(
      weight: Tensor(values, shape: .matrix(inputs, outputs)), bias: .zeros(.vector(outputs)))
  }

  /// The number of input features.
  public var inputs: Int { weight.shape.rows }
  /// The number of outputs.
  public var outputs: Int { weight.shape.columns }

  /// The weight, then the bias.
  @inlinable public var parameters: [Tensor<Scalar>] { [weight, bias] }

  /// - Parameter input: [batch, inputs]
  /// - Returns: [batch, outputs]
  @inlinable
  public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
    input.matmul(weight) + bias
  }
}
