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

  /// The learning rate, when there is no momentum and no weight decay: a step is then
  /// `p[i] -= learningRate * g[i]` and nothing else.
  public var descentRate: Scalar? { momentum == 0 && weightDecay == 0 ? learningRate : nil }

  /// p −= lr · g, with g from the gradient, weight decay and momentum as above.
  @inlinable
  public mutating func update(
    _ parameter: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>,
    index: Int, of count: Int
  ) {
    precondition(
      parameter.count == gradient.count,
      "gradient of \(gradient.count) elements for a parameter of \(parameter.count)")
    if momentum == 0 {
      SGD.descend(parameter, gradient, learningRate: learningRate, weightDecay: weightDecay)
      return
    }
    if buffers.isEmpty { buffers = Array(repeating: [], count: count) }
    precondition(buffers.count == count, "SGD set up for \(buffers.count) parameters, not \(count)")
    let isFirstStep = buffers[index].isEmpty
    if isFirstStep { buffers[index] = [Scalar](repeating: 0, count: gradient.count) }
    let rule = (learningRate, momentum, nesterov, weightDecay)
    buffers[index].withUnsafeMutableBufferPointer { buffer in
      SGD.descend(parameter, gradient, buffer: buffer, isFirstStep: isFirstStep, rule: rule)
    }
  }

  /// p −= lr · (grad + wd · p).
  @inlinable
  static func descend(
    _ p: UnsafeMutableBufferPointer<Scalar>, _ grad: UnsafeBufferPointer<Scalar>,
    learningRate: Scalar, weightDecay: Scalar
  ) {
    if weightDecay == 0 {
      for i in 0..<p.count { p[i] -= learningRate * grad[i] }
    } else {
      for i in 0..<p.count { p[i] -= learningRate * (grad[i] + weightDecay * p[i]) }
    }
  }

  /// The momentum update; the first step sets the buffer to the gradient.
  @inlinable
  static func descend(
    _ p: UnsafeMutableBufferPointer<Scalar>, _ grad: UnsafeBufferPointer<Scalar>,
    buffer buf: UnsafeMutableBufferPointer<Scalar>, isFirstStep: Bool,
    rule: (learningRate: Scalar, momentum: Scalar, nesterov: Bool, weightDecay: Scalar)
  ) {
    let (learningRate, momentum, nesterov, weightDecay) = rule
    for i in 0..<p.count {
      var g = weightDecay == 0 ? grad[i] : grad[i] + weightDecay * p[i]
      buf[i] = isFirstStep ? g : momentum * buf[i] + g
      g = nesterov ? g + momentum * buf[i] : buf[i]
      p[i] -= learningRate * g
    }
  }
}
