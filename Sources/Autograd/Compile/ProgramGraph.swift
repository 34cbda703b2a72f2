/// The nodes a compiled program evaluates, found from its outputs: every tensor they depend
/// on, each after its inputs, leaves included (tracked or not: an untracked leaf is a
/// constant or an input of the program).
@usableFromInline
struct ProgramGraph<Scalar: TensorScalar> {
  /// Every node, each after all its inputs.
  @usableFromInline let nodes: [Tensor<Scalar>]
  /// The position of each node in `nodes`.
  @usableFromInline let position: [ObjectIdentifier: Int]

  @usableFromInline
  init(outputs: [Tensor<Scalar>]) {
    var nodes: [Tensor<Scalar>] = []
    var position: [ObjectIdentifier: Int] = [:]
    var visited: Set<ObjectIdentifier> = []
    for output in outputs where visited.insert(ObjectIdentifier(output)).inserted {
      var stack: [(tensor: Tensor<Scalar>, nextInput: Int)] = [(output, 0)]
      while let (tensor, nextInput) = stack.last {
        let inputs = tensor.inputs
        if nextInput < inputs.count {
          stack[stack.count - 1].nextInput += 1
          let input = inputs[nextInput]
          if visited.insert(ObjectIdentifier(input)).inserted { stack.append((input, 0)) }
        } else {
          position[ObjectIdentifier(tensor)] = nodes.count
          nodes.append(tensor)
          stack.removeLast()
        }
      }
    }
    self.nodes = nodes
    self.position = position
  }
}
