import Autograd

/// An expression's value at a point, its gradient and, when asked, its Hessian, from the
/// engine's reverse sweeps over the expression's graph.
struct Derivatives {
  /// f at the point.
  let value: Double
  /// ∂f/∂xᵢ, in the order of the point.
  let gradient: [Double]
  /// ∂²f/∂xᵢ∂xⱼ at `[i][j]`, when asked for.
  let hessian: [[Double]]?
  /// Every adjoint of the first sweep, for the trace.
  let adjoints: Adjoints<Double>

  /// Runs the reverse sweep from the graph's output; with `hessian`, records that sweep
  /// (`createGraph`) and sweeps back again from each gradient component: reverse over
  /// reverse, never finite differences. An `ExpressionError` when a derivative is not finite.
  init(of graph: ExpressionGraph, hessian: Bool) throws {
    let output = graph.output
    let adjoints = output.adjoints(createGraph: hessian)
    let gradient = graph.variables.map { adjoints[$0.tensor]?.item ?? 0 }
    if let index = gradient.firstIndex(where: { !$0.isFinite }) {
      throw Self.nonFiniteGradient(graph.variables[index].name, gradient[index], graph, adjoints)
    }
    self.value = output.item
    self.gradient = gradient
    self.adjoints = adjoints
    self.hessian = hessian ? try Self.secondDerivatives(graph, firstSweep: adjoints) : nil
  }

  // MARK: - Private

  /// Row i is the gradient of ∂f/∂xᵢ, itself a tensor recorded by the first sweep. A component
  /// the sweep left untracked (a constant, as ∂(3x)/∂x) has a zero row.
  private static func secondDerivatives(
    _ graph: ExpressionGraph, firstSweep: Adjoints<Double>
  ) throws -> [[Double]] {
    let zeros = [Double](repeating: 0, count: graph.variables.count)
    let rows = graph.variables.map { row -> [Double] in
      guard let component = firstSweep[row.tensor], component.isTracked else { return zeros }
      let secondSweep = component.adjoints()
      return graph.variables.map { secondSweep[$0.tensor]?.item ?? 0 }
    }
    for (i, row) in rows.enumerated() {
      if let j = row.firstIndex(where: { !$0.isFinite }) {
        let (first, second) = (graph.variables[i].name, graph.variables[j].name)
        throw ExpressionError(
          at: nil,
          "d2f/d\(first)d\(second) is \(NumberFormat.format(row[j])) at this point: "
            + "f is not twice differentiable there")
      }
    }
    return rows
  }

  /// An error at the op whose derivative is not finite. Walking back from the output, the
  /// first tensor with an adjoint that is not finite has only consumers with finite ones:
  /// the culprit is the consumer whose local partial derivative is not finite.
  private static func nonFiniteGradient(
    _ name: String, _ value: Double, _ graph: ExpressionGraph, _ adjoints: Adjoints<Double>
  ) -> ExpressionError {
    let problem = "df/d\(name) is \(NumberFormat.format(value))"
    let order = graph.output.topologicalOrder()
    guard
      let index = order.lastIndex(where: { adjoints[$0].map { !$0.item.isFinite } ?? false })
    else {
      return ExpressionError(at: nil, problem)
    }
    let tensor = order[index]
    let consumers = order[(index + 1)...].compactMap { consumer -> RecordedOp? in
      consumer.inputs.contains { $0 === tensor } ? graph.recordedOp(producing: consumer) : nil
    }
    let culprit =
      consumers.first { op in
        zip(op.output.inputs, op.localPartials()).contains { input, partial in
          input === tensor && partial.map { !$0.isFinite } ?? false
        }
      } ?? consumers.first
    guard let culprit else { return ExpressionError(at: nil, problem) }
    return ExpressionError(
      at: culprit.location, "\(culprit.source) has no finite derivative, so \(problem)")
  }
}
