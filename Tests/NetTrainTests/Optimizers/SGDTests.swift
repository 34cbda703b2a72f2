import Autograd
import NetTrain
import Testing

/// One or two SGD steps on a one-row batch through a 2 → 1 dense layer with the MSE loss,
/// against the updates worked out by hand.
///
/// Start: W = [[0.5], [-0.25]], b = [0.1], x = [[1, 2]], y = [[1]], learning rate 0.1.
/// z = 0.5 − 0.5 + 0.1 = 0.1, L = (z − 1)² = 0.81, dL/dz = 2(z − 1) = −1.8,
/// dL/dW = xᵀ · (−1.8) = [[−1.8], [−3.6]], dL/db = [−1.8].
@Suite struct SGDTests {
  let x = Tensor<Double>(rows: [[1, 2]])
  let y = Tensor<Double>(rows: [[1]])

  func layer() -> Dense<Double> {
    Dense(weight: Tensor(rows: [[0.5], [-0.25]]), bias: Tensor([0.1]))
  }

  func step(_ layer: Dense<Double>, _ optimizer: inout SGD<Double>) {
    let loss = Loss.meanSquaredError(predictions: layer(x), targets: y)
    for parameter in layer.parameters { parameter.zeroGrad() }
    loss.backward()
    optimizer.step(layer.parameters)
  }

  func expect(_ layer: Dense<Double>, weight: [Double], bias: Double) {
    for (actual, expected) in zip(layer.weight.scalars, weight) {
      #expect(Swift.abs(actual - expected) < 1e-12, "weight \(actual), expected \(expected)")
    }
    #expect(Swift.abs(layer.bias.scalars[0] - bias) < 1e-12, "bias \(layer.bias.scalars[0])")
  }

  @Test func plainStepMatchesHandComputation() {
    let dense = layer()
    var sgd = SGD<Double>(learningRate: 0.1)
    step(dense, &sgd)
    // W − 0.1·[−1.8, −3.6] = [0.68, 0.11]; b − 0.1·(−1.8) = 0.28.
    expect(dense, weight: [0.68, 0.11], bias: 0.28)
  }

  /// momentum 0.9, weight decay 0.1, two steps.
  /// Step 1: g = grad + 0.1p = [−1.75, −3.625 | −1.79]; buf = g;
  ///   p = [0.675, 0.1125 | 0.279].
  /// Step 2: z = 0.675 + 0.225 + 0.279 = 1.179, dL/dz = 0.358, grad = [0.358, 0.716 | 0.358];
  ///   g = [0.4255, 0.72725 | 0.3859]; buf = 0.9·buf + g = [−1.1495, −2.53525 | −1.2251];
  ///   p = [0.78995, 0.366025 | 0.40151].
  @Test func momentumAndWeightDecayMatchHandComputation() {
    let dense = layer()
    var sgd = SGD<Double>(learningRate: 0.1, momentum: 0.9, weightDecay: 0.1)
    step(dense, &sgd)
    expect(dense, weight: [0.675, 0.1125], bias: 0.279)
    step(dense, &sgd)
    expect(dense, weight: [0.78995, 0.366025], bias: 0.40151)
  }

  /// Nesterov, momentum 0.9, weight decay 0.1, two steps.
  /// Step 1: g = [−1.75, −3.625 | −1.79]; buf = g;
  ///   g + 0.9·buf = 1.9g = [−3.325, −6.8875 | −3.401]; p = [0.8325, 0.43875 | 0.4401].
  /// Step 2: z = 0.8325 + 0.8775 + 0.4401 = 2.1501, dL/dz = 2.3002;
  ///   g = grad + 0.1p = [2.38345, 4.644275 | 2.34421];
  ///   buf = 0.9·buf + g = [0.80845, 1.381775 | 0.73321];
  ///   g + 0.9·buf = [3.111055, 5.8878725 | 3.004099]; p = [0.5213945, −0.15003725 | 0.1396901].
  @Test func nesterovMatchesHandComputation() {
    let dense = layer()
    var sgd = SGD<Double>(learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.1)
    step(dense, &sgd)
    expect(dense, weight: [0.8325, 0.43875], bias: 0.4401)
    step(dense, &sgd)
    expect(dense, weight: [0.5213945, -0.15003725], bias: 0.1396901)
  }

  @Test func parametersWithoutGradientsAreLeftAlone() {
    let dense = layer()
    var sgd = SGD<Double>(learningRate: 0.1, momentum: 0.9)
    sgd.step(dense.parameters)
    #expect(dense.weight.scalars == [0.5, -0.25] && dense.bias.scalars == [0.1])
  }

  @Test func stepsInFloat() {
    let dense = Dense<Float>(weight: Tensor(rows: [[0.5], [-0.25]]), bias: Tensor([0.1]))
    var sgd = SGD<Float>(learningRate: 0.1)
    let loss = Loss.meanSquaredError(
      predictions: dense(Tensor(rows: [[1, 2]])), targets: Tensor(rows: [[1]]))
    loss.backward()
    sgd.step(dense.parameters)
    #expect(Swift.abs(dense.weight.scalars[0] - 0.68) < 1e-6)
    #expect(Swift.abs(dense.weight.scalars[1] - 0.11) < 1e-6)
    #expect(Swift.abs(dense.bias.scalars[0] - 0.28) < 1e-6)
  }
}
