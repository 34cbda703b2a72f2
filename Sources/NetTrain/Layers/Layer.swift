import Autograd

/// A differentiable function of a batch with trainable parameters, listed explicitly.
///
/// A layer's forward pass is built from engine ops only, so its gradient comes from the
/// engine: no layer writes a backward pass.
public protocol Layer<Scalar> {
  /// The element type of the tensors the layer takes and returns.
  associatedtype Scalar: TensorScalar

  /// The trainable tensors, in a fixed order (the order an optimizer and a model file see).
  var parameters: [Tensor<Scalar>] { get }

  /// The layer applied to a batch.
  /// - Parameter input: [batch, inputs]
  /// - Returns: [batch, outputs]
  func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar>
}
