import Foundation

/// A named constant an expression can use: `pi` or `e`.
enum MathConstant: String, CaseIterable {
  case pi, e

  var value: Double {
    switch self {
    case .pi: return Double.pi
    case .e: return Foundation.exp(1.0)
    }
  }
}
