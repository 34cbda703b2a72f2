import Autograd

/// How a dense layer's weights are drawn: uniform on (-a, a) with a bound from the fans.
public enum WeightInitialization: String, Sendable {
  /// Glorot (Xavier) uniform, a = √(6 / (fanIn + fanOut)): for tanh, sigmoid and identity.
  case glorotUniform
  /// He (Kaiming) uniform, a = √(6 / fanIn): for relu.
  case heUniform

  /// The bound `a` of the uniform distribution for a layer with these fans.
  public func bound(fanIn: Int, fanOut: Int) -> Double {
    switch self {
    case .glorotUniform: (6 / Double(fanIn + fanOut)).squareRoot()
    case .heUniform: (6 / Double(fanIn)).squareRoot()
    }
  }

  /// `fanIn × fanOut` weights in row-major order, each `generator.nextUniform(in: -a, a)`
  /// rounded to `Scalar`: the draws go along the first row, then the second, and so on.
  public func weights<Scalar: TensorScalar>(
    fanIn: Int, fanOut: Int, generator: inout SeededGenerator
  ) -> [Scalar] {
    let a = bound(fanIn: fanIn, fanOut: fanOut)
    var values: [Scalar] = []
    values.reserveCapacity(fanIn * fanOut)
    for _ in 0..<(fanIn * fanOut) { values.append(Scalar(generator.nextUniform(in: -a, a))) }
    return values
  }
}
