import Autograd

/// An update rule that moves parameters against their gradients.
///
/// The training loop only calls `step(_:)`, so a new rule (Adam, RMSprop, …) is a new type
/// conforming here, not a change to the loop. An optimizer keeps any per-parameter state
/// itself, indexed by the position of the parameter in the list, which must be the same list
/// on every step. A fresh value has no state.
public protocol Optimizer<Scalar> {
  /// The element type of the parameters.
  associatedtype Scalar: TensorScalar

  /// Updates every parameter that has a gradient (`grad`), in place and outside the graph;
  /// parameters whose `grad` is `nil` are left alone.
  mutating func step(_ parameters: [Tensor<Scalar>])
}
