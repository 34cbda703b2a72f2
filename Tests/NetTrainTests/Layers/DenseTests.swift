import Autograd
import NetTrain
import Testing

@Suite struct DenseTests {
  @Test func forwardIsXTimesWPlusB() {
    let dense = Dense(
      weight: Tensor<Double>(rows: [[1, 2, 3], [4, 5, 6]]), bias: Tensor([0.5, -0.5, 1]))
    let y = dense(Tensor(rows: [[1, 1], [2, 0]]))
    #expect(y.shape == [2, 3])
    #expect(y.scalars == [5.5, 6.5, 10, 2.5, 3.5, 7])
    #expect(dense.parameters.count == 2 && dense.parameters.allSatisfy(\.requiresGrad))
  }

  /// Weights come from the generator row-major, uniform on (−a, a), biases are zero.
  @Test func glorotDrawsRowMajorFromTheGenerator() {
    var generator = SeededGenerator(seed: 7)
    let dense = Dense<Double>(
      inputs: 3, outputs: 2, initialization: .glorotUniform, generator: &generator)
    var replay = SeededGenerator(seed: 7)
    let bound = (6.0 / 5).squareRoot()
    let expected = (0..<6).map { _ in replay.nextUniform(in: -bound, bound) }
    #expect(dense.weight.scalars == expected)
    #expect(dense.weight.shape == [3, 2] && dense.bias.scalars == [0, 0])
  }

  @Test func heBoundForRelu() {
    #expect(WeightInitialization.heUniform.bound(fanIn: 6, fanOut: 100) == 1)
    #expect(WeightInitialization.glorotUniform.bound(fanIn: 4, fanOut: 2) == 1)
    #expect(Activation.relu.initialization == .heUniform)
    #expect(Activation.tanh.initialization == .glorotUniform)
    #expect(Activation.sigmoid.initialization == .glorotUniform)
    #expect(Activation.identity.initialization == .glorotUniform)
    var generator = SeededGenerator(seed: 1)
    let dense = Dense<Double>(
      inputs: 6, outputs: 50, initialization: .heUniform, generator: &generator)
    #expect(dense.weight.scalars.allSatisfy { Swift.abs($0) < 1 })
    #expect(dense.weight.scalars.contains { Swift.abs($0) > 0.9 })  // the bound is 1, not less
  }

  /// Layer by layer: the second layer's draws follow the first layer's in the same stream.
  @Test func sequentialDrawsLayerByLayer() {
    var generator = SeededGenerator(seed: 3)
    let network = Sequential<Double>(widths: [2, 4, 1], hidden: .relu, generator: &generator)
    var replay = SeededGenerator(seed: 3)
    let first = Dense<Double>(inputs: 2, outputs: 4, initialization: .heUniform, generator: &replay)
    let second = Dense<Double>(
      inputs: 4, outputs: 1, initialization: .glorotUniform, generator: &replay)
    #expect(network.layers[0].weight.scalars == first.weight.scalars)
    #expect(network.layers[1].weight.scalars == second.weight.scalars)
    #expect(network.activations == [.relu, .identity])
    #expect(network.widths == [2, 4, 1])
    #expect(network.parameters.count == 4)
  }

  @Test func activations() {
    let x = Tensor<Double>([-1, 0, 2])
    #expect(Activation.relu(x).scalars == [0, 0, 2])
    #expect(Activation.identity(x).scalars == [-1, 0, 2])
    #expect(Activation.sigmoid(x).scalars[1] == 0.5)
    #expect(Activation.tanh(x).scalars[1] == 0)
  }
}
