import Autograd

/// The engine's graph of an expression at a point: the output, the variables' leaves in the
/// order of `--at`, and for each recorded op the part of the expression it computes.
struct ExpressionGraph {
  /// The expression's value, a rank-0 tensor computed from `variables`.
  let output: Tensor<Double>
  /// One rank-0 leaf requiring a gradient per variable, in the order of the point.
  let variables: [(name: String, tensor: Tensor<Double>)]
  private let recordedOps: [ObjectIdentifier: RecordedOp]

  /// Evaluates `expression` at `point` with recording on; an `ExpressionError` when a value
  /// leaves a function's domain. The point must give exactly the expression's variables.
  init(_ expression: Expression, at point: EvaluationPoint) throws {
    let variables = zip(point.names, point.values).map { name, value in
      (name: name, tensor: Tensor(scalar: value, requiresGrad: true))
    }
    var builder = GraphBuilder(
      variables: Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0.tensor) }))
    let output = try withGrad { try builder.evaluate(expression) }
    precondition(
      output.isTracked, "\(expression) does not depend on its variables \(point.names)")
    self.output = output
    self.variables = variables
    self.recordedOps = builder.recordedOps
  }

  /// What the CLI knows about the op that produced `tensor`; `nil` for a leaf.
  func recordedOp(producing tensor: Tensor<Double>) -> RecordedOp? {
    recordedOps[ObjectIdentifier(tensor)]
  }

  /// The variable a leaf stands for, with its position in the point.
  func variable(for tensor: Tensor<Double>) -> (index: Int, name: String)? {
    guard let index = variables.firstIndex(where: { $0.tensor === tensor }) else { return nil }
    return (index, variables[index].name)
  }
}
