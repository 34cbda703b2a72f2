import Autograd

/// What `nettrain grad` remembers about one engine op it recorded while evaluating an
/// expression: the part of the expression it computes, and how to apply it again.
struct RecordedOp {
  /// The op's output, kept alive so that its identity stays unique.
  let output: Tensor<Double>
  /// The part of the expression with its argument values, for messages: `sqrt(0)`.
  let source: String
  /// The operator or function name in the expression.
  let location: SourceLocation
  /// The same engine op, to apply to fresh inputs (in the order of `output.inputs`).
  let apply: ([Tensor<Double>]) -> Tensor<Double>

  /// The op's local partial derivatives ∂output/∂input at its recorded inputs, one per input,
  /// `nil` for an input that is a constant. Computed by the engine, on a copy of the op
  /// whose inputs are fresh leaves.
  func localPartials() -> [Double?] {
    let leaves = output.inputs.map { Tensor(scalar: $0.item, requiresGrad: $0.isTracked) }
    let copy = withGrad { apply(leaves) }
    guard copy.isTracked else { return leaves.map { _ in nil } }
    let adjoints = copy.adjoints()
    return leaves.map { leaf in leaf.requiresGrad ? adjoints[leaf]?.item ?? 0 : nil }
  }
}
