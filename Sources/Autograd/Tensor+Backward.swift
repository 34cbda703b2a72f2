/// The gradients found by one reverse sweep, one per tensor the sweep reached.
public struct Adjoints<Scalar: TensorScalar> {
  @usableFromInline var byTensor: [ObjectIdentifier: Tensor<Scalar>]

  @inlinable
  init(byTensor: [ObjectIdentifier: Tensor<Scalar>]) { self.byTensor = byTensor }

  /// The gradient of the swept output with respect to `tensor`, or `nil` when the output
  /// does not depend on it through tracked ops.
  @inlinable
  public subscript(tensor: Tensor<Scalar>) -> Tensor<Scalar>? {
    byTensor[ObjectIdentifier(tensor)]
  }
}

extension Tensor {
  // MARK: - Reverse sweep

  /// The tensors this one was computed from, itself last, each after all its inputs.
  ///
  /// An iterative depth-first walk (no recursion, so a chain of 100,000 ops is fine).
  @inlinable  // specialised with the caller's Scalar: no generic metadata look-ups per step
  public func topologicalOrder() -> [Tensor] {
    var order: [Tensor] = []
    var visited: Set<ObjectIdentifier> = []
    var stack: [(tensor: Tensor, nextInput: Int)] = [(self, 0)]
    visited.insert(ObjectIdentifier(self))
    while let (tensor, nextInput) = stack.last {
      let inputs = tensor.origin?.inputs ?? []
      if nextInput < inputs.count {
        stack[stack.count - 1].nextInput += 1
        let input = inputs[nextInput]
        if input.isTracked && visited.insert(ObjectIdentifier(input)).inserted {
          stack.append((input, 0))
        }
      } else {
        order.append(tensor)
        stack.removeLast()
      }
    }
    return order
  }

  /// Runs the reverse sweep from this tensor and returns every adjoint it found, leaving
  /// `grad` untouched (PyTorch's `torch.autograd.grad`).
  ///
  /// - Parameters:
  ///   - seed: the gradient of the final result with respect to this tensor, of this
  ///     tensor's shape; `nil` means 1, for a one-element tensor.
  ///   - createGraph: record the sweep itself, so that the adjoints can be differentiated
  ///     again (second derivatives). Otherwise the sweep records nothing.
  @inlinable
  public func adjoints(seed: Tensor? = nil, createGraph: Bool = false) -> Adjoints<Scalar> {
    precondition(isTracked, "backward from a tensor that does not depend on any tracked tensor")
    let seed = seed ?? Tensor.defaultSeed(for: shape)
    precondition(seed.shape == shape, "seed of shape \(seed.shape) for an output of \(shape)")
    return GradMode.$isRecording.withValue(createGraph) {
      var adjoints = [ObjectIdentifier(self): seed]
      for tensor in topologicalOrder().reversed() {
        guard let origin = tensor.origin, let gradient = adjoints[ObjectIdentifier(tensor)] else {
          continue
        }
        for (index, input) in origin.inputs.enumerated() where input.isTracked {
          let contribution = origin.pullback(gradient, tensor, index)
          precondition(
            contribution.shape == input.shape,
            "\(origin.primitive.label): gradient of shape \(contribution.shape) for input \(input.shape)")
          let key = ObjectIdentifier(input)
          // Several pathways into one tensor: their contributions add up.
          adjoints[key] = adjoints[key].map { $0 + contribution } ?? contribution
        }
      }
      return Adjoints(byTensor: adjoints)
    }
  }

  /// Computes the gradient of this tensor with respect to every leaf that requires one and
  /// adds it to that leaf's `grad`: gradients accumulate until `zeroGrad()`, as in PyTorch.
  ///
  /// - Parameters:
  ///   - seed: for a tensor of more than one element, the vector to multiply the Jacobian
  ///     with (a vector-Jacobian product); `nil` means 1 for a one-element tensor.
  ///   - createGraph: record the sweep, so that the gradients can be differentiated again.
  @inlinable
  public func backward(seed: Tensor? = nil, createGraph: Bool = false) {
    let adjoints = adjoints(seed: seed, createGraph: createGraph)
    GradMode.$isRecording.withValue(createGraph) {
      for leaf in topologicalOrder() where leaf.isLeaf && leaf.requiresGrad {
        guard let gradient = adjoints[leaf] else { continue }
        leaf.grad = leaf.grad.map { $0 + gradient } ?? gradient
      }
    }
  }

  @inlinable
  static func defaultSeed(for shape: Shape) -> Tensor {
    precondition(
      shape.count == 1,
      "backward from a tensor of shape \(shape) needs a seed (a vector-Jacobian product)")
    return Tensor.ones(shape)
  }
}

// MARK: - Functional form

/// The value of `function` at `point` and its gradient there, in the style of HIPS
/// autograd's `value_and_grad`. `function` must return a one-element tensor.
public func valueAndGradient<Scalar: TensorScalar>(
  at point: Tensor<Scalar>, of function: (Tensor<Scalar>) -> Tensor<Scalar>
) -> (value: Scalar, gradient: Tensor<Scalar>) {
  let input = Tensor(point.scalars, shape: point.shape, requiresGrad: true)
  let output = withGrad { function(input) }
  guard output.isTracked else { return (output.item, Tensor.zeros(point.shape)) }
  let gradient = output.adjoints()[input] ?? Tensor.zeros(point.shape)
  return (output.item, gradient)
}

/// The gradient of `function` at `point` (HIPS autograd's `grad(f)(x)`).
public func gradient<Scalar: TensorScalar>(
  at point: Tensor<Scalar>, of function: (Tensor<Scalar>) -> Tensor<Scalar>
) -> Tensor<Scalar> {
  valueAndGradient(at: point, of: function).gradient
}
