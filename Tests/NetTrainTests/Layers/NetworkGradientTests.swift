import Autograd
import NetTrain
import Testing

/// The gradient of a whole network's loss with respect to every parameter, from the
/// engine's backward sweep, against central finite differences.
@Suite struct NetworkGradientTests {
  struct Case: Sendable, CustomStringConvertible {
    let hidden: Activation
    let loss: Loss
    let outputs: Int
    var description: String { "\(hidden) → \(loss.rawValue)" }
  }

  static let cases: [Case] = [
    Case(hidden: .tanh, loss: .meanSquaredError, outputs: 1),
    Case(hidden: .tanh, loss: .binaryCrossEntropy, outputs: 1),
    Case(hidden: .tanh, loss: .crossEntropy, outputs: 3),
    Case(hidden: .relu, loss: .crossEntropy, outputs: 3),
    Case(hidden: .sigmoid, loss: .binaryCrossEntropy, outputs: 1),
  ]

  @Test(arguments: cases)
  func backwardMatchesFiniteDifferences(_ testCase: Case) {
    var generator = SeededGenerator(seed: 11)
    let network = Sequential<Double>(
      widths: [3, 5, 4, testCase.outputs], hidden: testCase.hidden, generator: &generator)
    // Non-zero biases, so that their gradients are tested away from the initial point.
    for layer in network.layers {
      layer.bias.scalars = layer.bias.scalars.map { _ in generator.nextUniform(in: -0.5, 0.5) }
    }
    let x = Tensor((0..<18).map { _ in generator.nextNormal() }, shape: .matrix(6, 3))
    let targets = makeTargets(testCase, &generator)
    let loss = { testCase.loss(network(x), targets) }

    withGrad { loss() }.backward()
    let h = 1e-6
    for parameter in network.parameters {
      let gradient = parameter.grad?.scalars ?? []
      #expect(gradient.count == parameter.shape.count)
      for index in 0..<parameter.shape.count {
        let original = parameter.scalars[index]
        parameter.scalars[index] = original + h
        let up = withoutGrad { loss() }.item
        parameter.scalars[index] = original - h
        let down = withoutGrad { loss() }.item
        parameter.scalars[index] = original
        let numeric = (up - down) / (2 * h)
        let tolerance = 1e-7 + 1e-6 * Swift.abs(numeric)
        #expect(
          Swift.abs(gradient[index] - numeric) < tolerance,
          "\(testCase) parameter \(parameter.shape) [\(index)]: \(gradient[index]) vs \(numeric)")
      }
    }
  }

  func makeTargets(_ testCase: Case, _ generator: inout SeededGenerator) -> Tensor<Double> {
    switch testCase.loss {
    case .meanSquaredError:
      Tensor((0..<6).map { _ in generator.nextNormal() }, shape: .matrix(6, 1))
    case .binaryCrossEntropy:
      Tensor([0, 1, 1, 0, 1, 0], shape: .matrix(6, 1))
    case .crossEntropy:
      .oneHot([0, 2, 1, 1, 0, 2], classCount: 3)
    }
  }
}
