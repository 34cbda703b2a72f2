import Testing
import Autograd
import Foundation

/// Every primitive op against central finite differences on random inputs: first derivatives
/// (the gradient) and second derivatives (Hessian-vector products by reverse over reverse).
struct GradientCheckTests {
  typealias T = Tensor<Double>

  /// One row of the table: an op, the shapes of its inputs and the domain its inputs come from.
  struct Case: CustomStringConvertible, Sendable {
    enum Domain: Sendable { case any, positive, awayFromZero }
    let name: String
    let shapes: [Shape]
    let domain: Domain
    let function: @Sendable ([T]) -> T
    var description: String { name }

    init(_ name: String, _ shapes: [Shape], _ domain: Domain = .any,
         _ function: @escaping @Sendable ([T]) -> T) {
      (self.name, self.shapes, self.domain, self.function) = (name, shapes, domain, function)
    }
  }

  static let cases: [Case] = [
    Case("add", [[3, 4], [3, 4]]) { $0[0] + $0[1] },
    Case("add row broadcast", [[3, 4], .vector(4)]) { $0[0] + $0[1] },
    Case("add column broadcast", [[3, 1], [3, 4]]) { $0[0] + $0[1] },
    Case("add scalar tensor", [.scalar, [2, 3]]) { $0[0] + $0[1] },
    Case("sub", [[3, 4], [1, 4]]) { $0[0] - $0[1] },
    Case("mul", [[3, 4], [3, 4]]) { $0[0] * $0[1] },
    Case("mul row broadcast", [.vector(4), [3, 4]]) { $0[0] * $0[1] },
    Case("div", [[3, 4], [3, 4]], .positive) { $0[0] / $0[1] },
    Case("neg", [[2, 3]]) { -$0[0] },
    Case("scalar add", [[2, 3]]) { 1.5 + $0[0] - 0.25 },
    Case("scalar sub", [[2, 3]]) { 2 - $0[0] },
    Case("scalar mul", [[2, 3]]) { 3 * $0[0] * -0.5 },
    Case("scalar div", [[2, 3]], .positive) { $0[0] / 4 + 2 / $0[0] },
    Case("matmul", [[3, 4], [4, 2]]) { $0[0].matmul($0[1]) },
    Case("transpose", [[3, 4]]) { $0[0].transposed() },
    Case("reshape", [[3, 4]]) { $0[0].reshaped([2, 6]) },
    Case("broadcast", [.vector(3)]) { $0[0].broadcast(to: [4, 3]) },
    Case("sum", [[3, 4]]) { $0[0].sum() },
    Case("sum axis 0", [[3, 4]]) { $0[0].sum(axis: 0) },
    Case("sum axis 1", [[3, 4]]) { $0[0].sum(axis: 1) },
    Case("mean", [[3, 4]]) { $0[0].mean() },
    Case("mean axis 0", [[3, 4]]) { $0[0].mean(axis: 0) },
    Case("mean axis 1", [[3, 4]]) { $0[0].mean(axis: 1) },
    Case("exp", [[2, 3]]) { $0[0].exp() },
    Case("log", [[2, 3]], .positive) { $0[0].log() },
    Case("sqrt", [[2, 3]], .positive) { $0[0].sqrt() },
    Case("pow 3", [[2, 3]]) { $0[0].pow(3) },
    Case("pow -1.5", [[2, 3]], .positive) { $0[0].pow(-1.5) },
    Case("pow 0", [[2, 3]]) { $0[0].pow(0) },
    Case("pow 1", [[2, 3]]) { $0[0].pow(1) },
    Case("sin", [[2, 3]]) { $0[0].sin() },
    Case("cos", [[2, 3]]) { $0[0].cos() },
    Case("tanh", [[2, 3]]) { $0[0].tanh() },
    Case("sigmoid", [[2, 3]]) { $0[0].sigmoid() },
    Case("relu", [[2, 3]], .awayFromZero) { $0[0].relu() },
    Case("abs", [[2, 3]], .awayFromZero) { $0[0].abs() },
    Case("softplus", [[2, 3]]) { $0[0].softplus() },
    Case("logSoftmax", [[3, 4]]) { $0[0].logSoftmax() },
    Case("logSoftmax vector", [.vector(5)]) { $0[0].logSoftmax() },
  ]

  @Test(arguments: cases)
  func firstDerivativesMatchFiniteDifferences(_ op: Case) {
    var random = SeededGenerator(seed: 1)
    let points = op.shapes.map { Self.randomValues($0.count, op.domain, &random) }
    let weights = Self.randomValues(op.function(Self.tensors(points, op.shapes)).shape.count, .any, &random)
    // L = Σ wᵢ·opᵢ, a scalar whose gradient involves every output element.
    let loss: ([T]) -> T = { inputs in
      let output = op.function(inputs)
      return (output * T(weights, shape: output.shape)).sum()
    }
    let inputs = Self.tensors(points, op.shapes, requiresGrad: true)
    loss(inputs).backward()
    for (index, input) in inputs.enumerated() {
      let numeric = Self.centralDifference(points, input: index) { loss(Self.tensors($0, op.shapes)).item }
      Self.expectClose(input.grad?.scalars ?? [], numeric, op.name)
    }
  }

  @Test(arguments: cases)
  func secondDerivativesMatchFiniteDifferences(_ op: Case) {
    var random = SeededGenerator(seed: 2)
    let points = op.shapes.map { Self.randomValues($0.count, op.domain, &random) }
    let weights = Self.randomValues(op.function(Self.tensors(points, op.shapes)).shape.count, .any, &random)
    let directions = op.shapes.map { Self.randomValues($0.count, .any, &random) }
    // L = Σ wᵢ·opᵢ² makes second derivatives non-zero even for linear ops.
    let loss: ([T]) -> T = { inputs in
      let output = op.function(inputs)
      return (output * output * T(weights, shape: output.shape)).sum()
    }
    // g(x) by one sweep; the Hessian-vector product H·v as the gradient of Σ g·v.
    func gradients(_ values: [[Double]], createGraph: Bool) -> ([T], [T]) {
      let inputs = Self.tensors(values, op.shapes, requiresGrad: true)
      let adjoints = loss(inputs).adjoints(createGraph: createGraph)
      return (inputs, inputs.map { adjoints[$0] ?? T.zeros($0.shape) })
    }
    let (inputs, firstOrder) = gradients(points, createGraph: true)
    let projection = zip(firstOrder, directions).map { g, v in (g * T(v, shape: g.shape)).sum() }
      .reduce(T(scalar: 0), +)
    let secondOrder = projection.adjoints()
    let step = 1e-5
    let shifted = { (sign: Double) in
      gradients(zip(points, directions).map { p, v in zip(p, v).map { $0 + sign * step * $1 } },
                createGraph: false).1
    }
    let (ahead, behind) = (shifted(1), shifted(-1))
    for index in inputs.indices {
      let numeric = zip(ahead[index].scalars, behind[index].scalars).map { ($0 - $1) / (2 * step) }
      let exact = secondOrder[inputs[index]]?.scalars ?? Array(repeating: 0, count: numeric.count)
      Self.expectClose(exact, numeric, "\(op.name) second order")
    }
  }

  // MARK: - Helpers

  static func tensors(_ values: [[Double]], _ shapes: [Shape], requiresGrad: Bool = false) -> [T] {
    zip(values, shapes).map { T($0, shape: $1, requiresGrad: requiresGrad) }
  }

  static func randomValues(_ count: Int, _ domain: Case.Domain, _ random: inout SeededGenerator)
    -> [Double]
  {
    (0..<count).map { _ in
      switch domain {
      case .any: return random.nextUniform(in: -2, 2)
      case .positive: return random.nextUniform(in: 0.5, 2)
      case .awayFromZero:
        let magnitude = random.nextUniform(in: 0.1, 2)
        return random.nextUniform() < 0.5 ? -magnitude : magnitude
      }
    }
  }

  static func centralDifference(
    _ points: [[Double]], input: Int, _ f: ([[Double]]) -> Double
  ) -> [Double] {
    let step = 1e-6
    return points[input].indices.map { element in
      var ahead = points
      var behind = points
      ahead[input][element] += step
      behind[input][element] -= step
      return (f(ahead) - f(behind)) / (2 * step)
    }
  }

  static func expectClose(_ exact: [Double], _ numeric: [Double], _ name: String) {
    #expect(exact.count == numeric.count, "\(name): \(exact.count) vs \(numeric.count) elements")
    for (a, n) in zip(exact, numeric) {
      let error = abs(a - n) / max(1, abs(a), abs(n))
      #expect(error <= 1e-6, "\(name): engine \(a), finite differences \(n)")
    }
  }
}
