import Autograd

/// Dense layers applied one after the other, each followed by its activation:
/// `activations[i](layers[i](x))`, layer by layer.
///
/// The stack is a concrete list of `Dense` layers rather than a list of `any Layer`, so that
/// a caller that knows `Scalar` gets the whole forward pass specialised (an existential
/// call would run the generic, unspecialised matmul).
public struct Sequential<Scalar: TensorScalar>: Layer {
  /// The dense layers, first applied first.
  public let layers: [Dense<Scalar>]
  /// The activation after each layer; the last is `.identity` for a network of logits.
  public let activations: [Activation]

  /// A stack of `layers`, layer `i` followed by `activations[i]`; the widths must chain.
  public init(layers: [Dense<Scalar>], activations: [Activation]) {
    precondition(
      layers.count == activations.count,
      "\(layers.count) layers and \(activations.count) activations")
    for (previous, next) in zip(layers, layers.dropFirst()) {
      precondition(
        previous.outputs == next.inputs,
        "a layer of \(previous.outputs) outputs feeds one of \(next.inputs) inputs")
    }
    self.layers = layers
    self.activations = activations
  }

  /// A stack of fresh layers of the given widths (`[inputs, hidden..., outputs]`), with
  /// `hidden` after every layer but the last and `output` after the last.
  ///
  /// Draw order: layer by layer, each layer's weights row-major (`[inputs, outputs]`), each
  /// from `generator` by the initialisation that suits the activation after it (He for
  /// relu, Glorot otherwise); biases start at zero and draw nothing.
  public init(
    widths: [Int], hidden: Activation, output: Activation = .identity,
    generator: inout SeededGenerator
  ) {
    precondition(widths.count >= 2, "a network needs input and output widths, got \(widths)")
    var layers: [Dense<Scalar>] = []
    var activations: [Activation] = []
    for index in 0..<(widths.count - 1) {
      let activation = index == widths.count - 2 ? output : hidden
      layers.append(
        Dense(
          inputs: widths[index], outputs: widths[index + 1],
          initialization: activation.initialization, generator: &generator))
      activations.append(activation)
    }
    self.init(layers: layers, activations: activations)
  }

  /// The widths `[inputs, hidden..., outputs]`.
  public var widths: [Int] { (layers.first.map { [$0.inputs] } ?? []) + layers.map(\.outputs) }

  /// Each layer's weight then bias, layer by layer.
  @inlinable public var parameters: [Tensor<Scalar>] { layers.flatMap { $0.parameters } }

  /// - Parameter input: [batch, inputs]
  /// - Returns: [batch, outputs]
  @inlinable
  public func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
    var x = input
    for (layer, activation) in zip(layers, activations) { x = activation(layer(x)) }
    return x
  }
}
