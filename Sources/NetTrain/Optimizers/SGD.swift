import Autograd

/// Stochastic gradient descent with momentum, Nesterov momentum and weight decay, with
/// exactly PyTorch's `torch.optim.SGD` definitions (dampening 0):
///
///     g = grad + weightDecay · p
///     buf = g on the first step, else momentum · buf + g      (when momentum ≠ 0)
///     g = g + momentum · buf if nesterov, else buf            (when momentum ≠ 0)
///     p = p − learningRate · g
public struct SGD<Scalar: TensorScalar>: Optimizer {
  /// The step size.
  public var learningRate: Scalar
  /// The momentum factor, 0 for plain SGD.
  public var momentum: Scalar
  /// Whether to use Nesterov momentum (needs a positive momentum).
  public var nesterov: Bool
  /// The L2 penalty factor added to each gradient.
  public var weightDecay: Scalar
  /// One momentum buffer per parameter, empty until that parameter's first step.
  @usableFromInline var buffers: [[Scalar]] = []

  /// An optimizer with no state yet.
  public init(
    learningRate: Scalar, momentum: Scalar = 0, nesterov: Bool = false, weightDecay: Scalar = 0
  ) {
    precondition(learningRate >= 0 && learningRate.isFinite, "learning rate \(learningRate)")
    precondition(momentum >= 0 && momentum.isFinite, "momentum \(momentum)")
    precondition(weightDecay >= 0 && weightDecay.isFinite, "weight decay \(weightDecay)")
    precondition(!nesterov || momentum > 0, "Nesterov momentum needs a momentum above 0")
    self.learningRate = learningRate
    self.momentum = momentum
    self.nesterov = nesterov
    self.weightDecay = weightDecay
  }

  /// Updates the parameters in place from their gradients.
  @inlinable
  public mutating func step(_ parameters: [Tensor<Scalar>]) {
    if buffers.isEmpty { buffers = Array(repeating: [], count: parameters.count) }
    precondition(
      buffers.count == parameters.count,
      "SGD set up for \(buffers.count) parameters, stepped with \(parameters.count)")
    for (index, parameter) in parameters.enumerated() {
      guard let gradient = parameter.grad else { continue }
      precondition(
        gradient.shape == parameter.shape,
        "gradient \(gradient.shape) for a parameter \(parameter.shape)")
      if momentum == 0 {
        update(parameter, gradient: gradient.scalars)
      } else {
        update(parameter, gradient: gradient.scalars, buffer: &buffers[index])
      }
    }
  }

  /// p −= lr · (grad + wd · p).
  @inlinable
  func update(_ parameter: Tensor<Scalar>, gradient: [Scalar]) {
    let (learningRate, weightDecay) = (learningRate, weightDecay)
    parameter.withUnsafeMutableScalars { p in
      gradient.withUnsafeBufferPointer { grad in
        for i in 0..<p.count {
          let g = weightDecay == 0 ? grad[i] : grad[i] + weightDecay * p[i]
          p[i] -= learningRate * g
        }
      }
    }
  }

  /// The momentum update; `buffer` is empty before the first step, which sets it to the
  /// gradient.
  @inlinable
  func update(_ parameter: Tensor<Scalar>, gradient: [Scalar], buffer: inout [Scalar]) {
    let (learningRate, weightDecay, momentum, nesterov) =
      (learningRate, weightDecay, momentum, nesterov)
    let isFirstStep = buffer.isEmpty
    if isFirstStep { buffer = [Scalar](repeating: 0, count: gradient.count) }
    parameter.withUnsafeMutableScalars { p in
      gradient.withUnsafeBufferPointer { grad in
        buffer.withUnsafeMutableBufferPointer { buf in
          for i in 0..<p.count {
            var g = weightDecay == 0 ? grad[i] : grad[i] + weightDecay * p[i]
            buf[i] = isFirstStep ? g : momentum * buf[i] + g
            g = nesterov ? g + momentum * buf[i] : buf[i]
            p[i] -= learningRate * g
          }
        }
      }
    }
  }
}
