/// A parsed expression: a tree of numbers, constants, variables, operators and function
/// calls, each node with the place in the source it came from.
struct Expression: CustomStringConvertible {
  /// The binary operators, by precedence: `+ -`, then `* /`, then `^`.
  enum BinaryOperator: String {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
  }

  indirect enum Kind {
    case number(Double)
    case constant(MathConstant)
    case variable(String)
    case negation(Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(MathFunction, Expression)
  }

  let kind: Kind
  /// The operator of an operation, the name of a call, the start of anything else.
  let location: SourceLocation
  /// The number of nodes on the longest path from this node down to a leaf; 1 for a leaf.
  let height: Int

  init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
    self.height = 1 + (Self.children(of: kind).map(\.height).max() ?? 0)
  }

  /// The variable names, each once, in the order they first appear.
  var variables: [String] {
    var names: [String] = []
    collectVariables(into: &names)
    return names
  }

  /// Fully parenthesised, to show how the expression was grouped: `-x^2` is `(-(x ^ 2))`.
  var description: String {
    switch kind {
    case .number(let value): return NumberFormat.format(value)
    case .constant(let constant): return constant.rawValue
    case .variable(let name): return name
    case .negation(let operand): return "(-\(operand))"
    case .binary(let op, let lhs, let rhs): return "(\(lhs) \(op.rawValue) \(rhs))"
    case .call(let function, let argument): return "\(function.rawValue)(\(argument))"
    }
  }

  // MARK: - Private

  private static func children(of kind: Kind) -> [Expression] {
    switch kind {
    case .number, .constant, .variable: return []
    case .negation(let operand): return [operand]
    case .binary(_, let lhs, let rhs): return [lhs, rhs]
    case .call(_, let argument): return [argument]
    }
  }

  private func collectVariables(into names: inout [String]) {
    if case .variable(let name) = kind, !names.contains(name) {
      names.append(name)
    }
    for child in Self.children(of: kind) {
      child.collectVariables(into: &names)
    }
  }
}
