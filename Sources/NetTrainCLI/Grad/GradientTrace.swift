import Autograd

/// The forward primal trace and the reverse adjoint trace of an expression's graph, laid out
/// like the evaluation tables of Baydin et al., "Automatic differentiation in machine
/// learning: a survey" (2018), that the lecture notes follow.
///
/// The n variables are v_{1-n} … v_0 in the order of the point; the ops the engine recorded
/// are v_1, v_2, … in its topological order; constants are shown by value. The reverse trace
/// gives, from the output back to the inputs, each v̄_i = Σ v̄_j · ∂v_j/∂v_i over the ops
/// v_j that use v_i: the adjoints are the engine's, the local partials ∂v_j/∂v_i the engine's
/// derivative of that one op.
struct GradientTrace {
  let lines: [String]

  init(graph: ExpressionGraph, adjoints: Adjoints<Double>) {
    // Variables first, then the ops in the engine's topological order: v_{1-n}, …, v_0, v_1, …
    let order =
      graph.variables.map(\.tensor)
      + graph.output.topologicalOrder().filter { !$0.isLeaf }
    let names = Self.names(of: order, in: graph)
    let label = { (tensor: Tensor<Double>) in
      names[ObjectIdentifier(tensor)] ?? NumberFormat.operand(tensor.item)
    }
    let adjoint = { (tensor: Tensor<Double>) in adjoints[tensor]?.item ?? 0 }
    lines =
      ["Forward primal trace:"]
      + Self.aligned(Self.forwardRows(order, graph, label))
      + ["", "Reverse adjoint trace:"]
      + Self.aligned(Self.reverseRows(order, graph, label, adjoint))
  }

  // MARK: - Private

  private static func names(
    of order: [Tensor<Double>], in graph: ExpressionGraph
  ) -> [ObjectIdentifier: String] {
    let first = 1 - graph.variables.count
    return Dictionary(
      uniqueKeysWithValues: order.enumerated().map { index, tensor in
        (ObjectIdentifier(tensor), "v_\(first + index)")
      })
  }

  /// `v_-1 = x1 = 2`, …, `v_3 = v_1 * v_2 = 10`, …, `f = v_5 = 11.65…`.
  private static func forwardRows(
    _ order: [Tensor<Double>], _ graph: ExpressionGraph, _ label: (Tensor<Double>) -> String
  ) -> [[String]] {
    let rows = order.map { tensor in
      let operation = graph.variable(for: tensor)?.name ?? operation(tensor, label)
      return [label(tensor), operation, value(tensor.item)]
    }
    return rows + [["f", label(graph.output), value(graph.output.item)]]
  }

  /// `v̄_5 = f̄ = 1`, then `v̄_i = v̄_j * ∂v_j/∂v_i + … = 1 * 2 + … = 3` back to the inputs.
  private static func reverseRows(
    _ order: [Tensor<Double>], _ graph: ExpressionGraph,
    _ label: @escaping (Tensor<Double>) -> String, _ adjoint: (Tensor<Double>) -> Double
  ) -> [[String]] {
    // Each tensor's uses, walking back from the output as the sweep does.
    var uses: [ObjectIdentifier: [(consumer: Tensor<Double>, partial: Double)]] = [:]
    for consumer in order.reversed() {
      guard let op = graph.recordedOp(producing: consumer) else { continue }
      for (input, partial) in zip(consumer.inputs, op.localPartials()) {
        guard let partial else { continue }
        uses[ObjectIdentifier(input), default: []].append((consumer, partial))
      }
    }
    let bar = { (tensor: Tensor<Double>) in "v\u{0304}" + label(tensor).dropFirst() }
    var rows = [[bar(graph.output), "f\u{0304}", value(adjoint(graph.output))]]
    for tensor in order.reversed().dropFirst() {
      let terms = uses[ObjectIdentifier(tensor)] ?? []
      let symbolic = terms.map {
        "\(bar($0.consumer)) * ∂\(label($0.consumer))/∂\(label(tensor))"
      }
      let numeric = terms.map {
        "\(NumberFormat.operand(adjoint($0.consumer))) * \(NumberFormat.operand($0.partial))"
      }
      rows.append([
        bar(tensor), symbolic.joined(separator: " + "), numeric.joined(separator: " + "),
        value(adjoint(tensor)),
      ])
    }
    return rows
  }

  /// The op that made `tensor`, from the engine's label and inputs: `v_1 * 3`, `sin(v_0)`.
  private static func operation(
    _ tensor: Tensor<Double>, _ label: (Tensor<Double>) -> String
  ) -> String {
    let operation = tensor.operation ?? "?"
    let operands = tensor.inputs.map(label)
    let infix = ["add": "+", "sub": "-", "mul": "*", "div": "/"]
    if let symbol = infix[operation], operands.count == 2 {
      return "\(operands[0]) \(symbol) \(operands[1])"
    }
    if operation == "neg" && operands.count == 1 {
      return "-\(operands[0])"
    }
    if operation.hasPrefix("pow "), operands.count == 1,
      let exponent = Double(operation.dropFirst(4))
    {
      return "\(operands[0]) ^ \(NumberFormat.operand(exponent))"
    }
    return "\(operation)(\(operands.joined(separator: ", ")))"
  }

  private static func value(_ number: Double) -> String {
    NumberFormat.format(number)
  }

  /// Rows joined by ` = `, the first two columns padded to a common width.
  private static func aligned(_ rows: [[String]]) -> [String] {
    let widths = (0..<2).map { column in
      rows.filter { $0.count > column + 1 }.map { $0[column].count }.max() ?? 0
    }
    return rows.map { row in
      let cells = row.enumerated().map { column, cell in
        column < 2 && column < row.count - 1
          ? cell.padded(to: widths[column]) : cell
      }
      return "  " + cells.joined(separator: " = ")
    }
  }
}
