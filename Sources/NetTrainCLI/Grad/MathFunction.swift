import Autograd

/// A function an expression can call: `sin(x)`. `log` and `ln` are both the natural
/// logarithm.
enum MathFunction: String, CaseIterable {
  case exp, ln, log, sqrt, sin, cos, tan, tanh, sigmoid, relu, abs, softplus

  /// Every function name, for messages.
  static var names: [String] { allCases.map(\.rawValue) }

  /// Why the function is undefined at `x`, or `nil` when it is defined there.
  func domainProblem(at x: Double) -> String? {
    switch self {
    case .ln, .log: return x > 0 ? nil : "\(rawValue) needs a positive argument"
    case .sqrt: return x >= 0 ? nil : "sqrt needs an argument of at least 0"
    default: return nil
    }
  }

  /// The engine op computing the function, when it is a single primitive; `nil` for `tan`,
  /// which is sin/cos.
  var primitive: ((Tensor<Double>) -> Tensor<Double>)? {
    switch self {
    case .exp: return { $0.exp() }
    case .ln, .log: return { $0.log() }
    case .sqrt: return { $0.sqrt() }
    case .sin: return { $0.sin() }
    case .cos: return { $0.cos() }
    case .tan: return nil
    case .tanh: return { $0.tanh() }
    case .sigmoid: return { $0.sigmoid() }
    case .relu: return { $0.relu() }
    case .abs: return { $0.abs() }
    case .softplus: return { $0.softplus() }
    }
  }
}
