import Autograd

/// An update rule that moves parameters against their gradients.
///
/// The training loop calls `beginStep()` once per step, then `update` once for each
/// parameter, in the same order every step, on the parameter's elements and its gradient's
/// (the compiled step keeps both in its own memory, so the rule sees buffers, not tensors).
/// A new rule (Adam, RMSprop, …) is a new type conforming here, not a change to the loop.
/// An optimizer keeps any per-parameter state itself, indexed by the parameter's position
/// in the list. A fresh value has no state.
public protocol Optimizer<Scalar> {
  /// The element type of the parameters.
  associatedtype Scalar: TensorScalar

  /// Called once at the start of every step, before its updates (a step counter goes here).
  mutating func beginStep()

  /// Moves one parameter against its gradient, in place.
  /// - Parameters:
  ///   - parameter: the parameter's elements, row-major.
  ///   - gradient: the loss's gradient with respect to them, of the same count.
  ///   - index: the parameter's position in the list, `0..<count`.
  ///   - count: how many parameters the list has.
  mutating func update(
    _ parameter: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>,
    index: Int, of count: Int)

  /// The rate of a plain gradient descent step, when that is all `update` does: the same
  /// bits as `parameter[i] -= rate * gradient[i]`, with no state. A compiled training step
  /// then takes the step inside the matrix product that computes a weight's gradient (in
  /// cache, on both threads) and does not call `update` for that weight. `nil` (the default)
  /// for any other rule.
  var descentRate: Scalar? { get }
}

extension Optimizer {
  /// `nil`: `update` is called for every parameter.
  public var descentRate: Scalar? { nil }

  /// Does nothing: most rules keep no per-step state.
  public mutating func beginStep() {}

  /// One step over tensors: updates every parameter that has a gradient (`grad`), in place
  /// and outside the graph; parameters whose `grad` is `nil` are left alone.
  @inlinable
  public mutating func step(_ parameters: [Tensor<Scalar>]) {
    beginStep()
    for (index, parameter) in parameters.enumerated() {
      guard let gradient = parameter.grad else { continue }
      precondition(
        gradient.shape == parameter.shape,
        "gradient \(gradient.shape) for a parameter \(parameter.shape)")
      gradient.scalars.withUnsafeBufferPointer { gradient in
        parameter.withUnsafeMutableScalars { values in
          update(values, gradient: gradient, index: index, of: parameters.count)
        }
      }
    }
  }
}
