import Autograd

/// Evaluates an expression with the engine, op by op, checking each value against the
/// function's domain on the way and remembering which part of the expression each op
/// computes.
///
/// Variables are the given rank-0 leaves, numbers and constants rank-0 constant tensors.
/// `x^c` with a constant exponent is `pow(c)`; with a variable exponent it is `exp(c·log x)`,
/// for a positive `x` only. `tan` is `sin / cos`.
struct GraphBuilder {
  private let variables: [String: Tensor<Double>]
  /// The ops recorded so far, by the identity of their output.
  private(set) var recordedOps: [ObjectIdentifier: RecordedOp] = [:]

  init(variables: [String: Tensor<Double>]) {
    self.variables = variables
  }

  /// The tensor the expression evaluates to; an `ExpressionError` at the first operation
  /// outside its domain or with a value that is not finite.
  mutating func evaluate(_ expression: Expression) throws -> Tensor<Double> {
    let location = expression.location
    switch expression.kind {
    case .number(let value):
      return Tensor(scalar: value)
    case .constant(let constant):
      return Tensor(scalar: constant.value)
    case .variable(let name):
      guard let tensor = variables[name] else {
        preconditionFailure("no value for \(name); EvaluationPoint.check lets none through")
      }
      return tensor
    case .negation(let operand):
      let x = try evaluate(operand)
      return try emit("-\(NumberFormat.operand(x.item))", at: location, [x]) { -$0[0] }
    case .binary(let op, let lhs, let rhs):
      return try binary(op, try evaluate(lhs), try evaluate(rhs), at: location)
    case .call(let function, let argument):
      return try call(function, try evaluate(argument), at: location)
    }
  }

  // MARK: - Private

  private mutating func binary(
    _ op: Expression.BinaryOperator, _ a: Tensor<Double>, _ b: Tensor<Double>,
    at location: SourceLocation
  ) throws -> Tensor<Double> {
    let source = "\(NumberFormat.operand(a.item)) \(op.rawValue) \(NumberFormat.operand(b.item))"
    switch op {
    case .add: return try emit(source, at: location, [a, b]) { $0[0] + $0[1] }
    case .subtract: return try emit(source, at: location, [a, b]) { $0[0] - $0[1] }
    case .multiply: return try emit(source, at: location, [a, b]) { $0[0] * $0[1] }
    case .divide:
      guard b.item != 0 else {
        throw ExpressionError(at: location, "division by zero in \(source)")
      }
      return try emit(source, at: location, [a, b]) { $0[0] / $0[1] }
    case .power:
      return try power(a, b, source: source, at: location)
    }
  }

  private mutating func power(
    _ base: Tensor<Double>, _ exponent: Tensor<Double>, source: String,
    at location: SourceLocation
  ) throws -> Tensor<Double> {
    let x = base.item
    guard exponent.isTracked else {
      let c = exponent.item
      if x < 0 && c != c.rounded() {
        throw ExpressionError(
          at: location, "\(source) is not a real number: a negative base needs a whole exponent")
      }
      if x == 0 && c < 0 {
        throw ExpressionError(at: location, "\(source) is undefined: 0 to a negative power")
      }
      return try emit(source, at: location, [base]) { $0[0].pow(c) }
    }
    guard x > 0 else {
      throw ExpressionError(
        at: location,
        "\(source) is undefined: a power with a variable exponent, exp(y*ln(x)), "
          + "needs a positive base")
    }
    let logarithm = try emit(source, at: location, [base]) { $0[0].log() }
    let product = try emit(source, at: location, [exponent, logarithm]) { $0[0] * $0[1] }
    return try emit(source, at: location, [product]) { $0[0].exp() }
  }

  private mutating func call(
    _ function: MathFunction, _ x: Tensor<Double>, at location: SourceLocation
  ) throws -> Tensor<Double> {
    let source = "\(function.rawValue)(\(NumberFormat.format(x.item)))"
    if let problem = function.domainProblem(at: x.item) {
      throw ExpressionError(at: location, "\(source) is undefined: \(problem)")
    }
    if let primitive = function.primitive {
      return try emit(source, at: location, [x]) { primitive($0[0]) }
    }
    // tan = sin / cos
    let sine = try emit(source, at: location, [x]) { $0[0].sin() }
    let cosine = try emit(source, at: location, [x]) { $0[0].cos() }
    guard cosine.item != 0 else {
      throw ExpressionError(at: location, "\(source) is undefined: cos(x) is 0")
    }
    return try emit(source, at: location, [sine, cosine]) { $0[0] / $0[1] }
  }

  /// Applies one engine op to `inputs`, checks that its value is finite, and remembers it
  /// when the engine recorded it.
  private mutating func emit(
    _ source: String, at location: SourceLocation, _ inputs: [Tensor<Double>],
    _ apply: @escaping ([Tensor<Double>]) -> Tensor<Double>
  ) throws -> Tensor<Double> {
    let output = apply(inputs)
    guard output.item.isFinite else {
      throw ExpressionError(
        at: location, "\(source) is \(NumberFormat.format(output.item)), not a finite number")
    }
    if output.isTracked {
      precondition(
        output.inputs.count == inputs.count && zip(output.inputs, inputs).allSatisfy { $0 === $1 },
        "\(source): the engine recorded inputs \(output.inputs) for \(inputs)")
      recordedOps[ObjectIdentifier(output)] = RecordedOp(
        output: output, source: source, location: location, apply: apply)
    }
    return output
  }
}
