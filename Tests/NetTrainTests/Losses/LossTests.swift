import Autograd
import Foundation
import NetTrain
import Testing

@Suite struct LossTests {
  @Test func meanSquaredErrorByHand() {
    // errors 1, −2, 0.5 → (1 + 4 + 0.25) / 3 = 1.75
    let loss = Loss.meanSquaredError.callAsFunction(
      Tensor<Double>(rows: [[2], [0], [3.5]]), Tensor(rows: [[1], [2], [3]]))
    #expect(Swift.abs(loss.item - 1.75) < 1e-15)
  }

  @Test func binaryCrossEntropyByHand() {
    // z = 0: log 2 whatever the target; z = 2, y = 1: log(1 + e⁻²).
    let loss = Loss.binaryCrossEntropy.callAsFunction(
      Tensor<Double>(rows: [[0], [2]]), Tensor(rows: [[1], [1]]))
    let expected = (Foundation.log(2.0) + Foundation.log1p(Foundation.exp(-2.0))) / 2
    #expect(Swift.abs(loss.item - expected) < 1e-15)
  }

  @Test func crossEntropyByHand() {
    // Row 1 all equal: log 3. Row 2, logits [1, 2, 3], class 0: log(e + e² + e³) − 1.
    let logits = Tensor<Double>(rows: [[0, 0, 0], [1, 2, 3]])
    let loss = Loss.crossEntropy(logits: logits, classes: [2, 0])
    let row2 = Foundation.log(Foundation.exp(1.0) + Foundation.exp(2.0) + Foundation.exp(3.0)) - 1
    #expect(Swift.abs(loss.item - (Foundation.log(3.0) + row2) / 2) < 1e-14)
  }

  @Test func lossesAreFiniteAtLogitsOf1000() {
    let z = Tensor<Double>(rows: [[1000], [-1000]], requiresGrad: true)
    let bce = Loss.binaryCrossEntropy.callAsFunction(z, Tensor(rows: [[0], [1]]))
    #expect(bce.item == 1000)  // softplus(1000) − 0 and softplus(−1000) + 1000, halved
    bce.backward()
    #expect(z.grad?.scalars == [0.5, -0.5])  // (σ(z) − y) / 2

    let logits = Tensor<Double>(rows: [[1000, -1000, 0]], requiresGrad: true)
    let ce = Loss.crossEntropy(logits: logits, classes: [1])
    #expect(ce.item == 2000)
    ce.backward()
    #expect(logits.grad?.scalars == [1, -1, 0])  // softmax − onehot

    let mse = Loss.meanSquaredError.callAsFunction(z, Tensor(rows: [[0], [0]]))
    #expect(mse.item == 1_000_000)
  }

  @Test func linksTurnLogitsIntoPredictions() {
    let logits = Tensor<Double>(rows: [[0, Foundation.log(3.0)]])
    #expect(Loss.meanSquaredError.link(logits).scalars == logits.scalars)
    let probabilities = Loss.binaryCrossEntropy.link(logits).scalars
    #expect(probabilities[0] == 0.5 && Swift.abs(probabilities[1] - 0.75) < 1e-15)
    let softmax = Loss.crossEntropy.link(logits).scalars
    #expect(Swift.abs(softmax[0] - 0.25) < 1e-15 && Swift.abs(softmax[1] - 0.75) < 1e-15)
  }

  @Test func eachTaskOwnsItsLoss() {
    #expect(TaskKind.regression.loss == .meanSquaredError)
    #expect(TaskKind.binary.loss == .binaryCrossEntropy)
    #expect(TaskKind.multiclass(classes: 4).loss == .crossEntropy)
    #expect(TaskKind.multiclass(classes: 4).outputs == 4 && TaskKind.binary.outputs == 1)
    #expect(Loss.allCases.map(\.rawValue) == ["mse", "bce", "cross_entropy"])
  }
}
