import Autograd
import Foundation
import NetTrain
import Testing

@Suite struct ModelTests {
  @Test func shapesFollowTheKindAndTask() {
    let mlp = Model<Double>(
      .mlp(hidden: [8, 4], activation: .relu), inputs: 3, task: .multiclass(classes: 5), seed: 0)
    #expect(mlp.network.widths == [3, 8, 4, 5])
    #expect(mlp.network.activations == [.relu, .relu, .identity])
    #expect(mlp.loss == .crossEntropy)
    #expect(mlp.classLabels == ["0", "1", "2", "3", "4"])
    #expect(mlp.featureNames == ["x1", "x2", "x3"])
    #expect(mlp.coefficientsInOriginalUnits() == nil)
    let linear = Model<Double>(.linear, inputs: 2, task: .regression, seed: 0)
    #expect(linear.network.widths == [2, 1] && linear.classLabels.isEmpty)
  }

  @Test func kindsSupportTheirTasks() {
    #expect(ModelKind.linear.supports(.regression) && !ModelKind.linear.supports(.binary))
    #expect(
      ModelKind.logistic.supports(.binary) && ModelKind.logistic.supports(.multiclass(classes: 3)))
    #expect(!ModelKind.logistic.supports(.regression))
    #expect(ModelKind.mlp(hidden: [2], activation: .tanh).supports(.regression))
  }

  /// Feature means [1, 10], scales [2, 5]; standardised weights [0.4, −1], bias 0.3.
  /// Per original unit: [0.4 / 2, −1 / 5] = [0.2, −0.2];
  /// intercept 0.3 − (0.2·1 − 0.2·10) = 2.1.
  @Test func logisticCoefficientsByHand() throws {
    let network = Sequential(
      layers: [Dense(weight: Tensor<Double>(rows: [[0.4], [-1]]), bias: Tensor([0.3]))],
      activations: [.identity])
    let model = Model(
      .logistic, task: .binary, network: network,
      featureScaling: Standardizer(means: [1, 10], scales: [2, 5]))
    let coefficients = try #require(model.coefficientsInOriginalUnits())
    #expect(Swift.abs(coefficients.weights[0][0] - 0.2) < 1e-15)
    #expect(Swift.abs(coefficients.weights[0][1] + 0.2) < 1e-15)
    #expect(Swift.abs(coefficients.intercepts[0] - 2.1) < 1e-14)
    // The log-odds at x = (3, 4) both ways: 0.2·3 − 0.2·4 + 2.1 = 1.9.
    #expect(Swift.abs(model.logits(for: Tensor(rows: [[3, 4]])).item - 1.9) < 1e-14)
  }

  @Test func binaryPredictionsAreProbabilitiesOfClassOne() {
    let network = Sequential(
      layers: [Dense(weight: Tensor<Double>(rows: [[1]]), bias: Tensor([0]))],
      activations: [.identity])
    let model = Model(.logistic, task: .binary, network: network)
    let x = Tensor<Double>(rows: [[0], [2], [-1000]])
    let p = model.predict(x).scalars
    #expect(p[0] == 0.5 && Swift.abs(p[1] - 1 / (1 + Foundation.exp(-2.0))) < 1e-15 && p[2] == 0)
    #expect(model.predictClasses(x) == [0, 1, 0])
    let logProbabilities = model.logProbabilities(x)
    #expect(logProbabilities[2][0] == 0 && logProbabilities[2][1] == -1000)
  }
}

@Suite struct ConfigBridgeTests {
  @Test func configTypesMapOntoLibraryTypes() {
    #expect(
      ModelKind(ModelConfig.mlp(hidden: [4, 2], activation: .relu))
        == .mlp(hidden: [4, 2], activation: .relu))
    #expect(ModelKind(ModelConfig.linear) == .linear)
    #expect(TaskKind(RunConfig.Task.multiclass, classCount: 4) == .multiclass(classes: 4))
    #expect(
      TaskKind(RunConfig.Task.binary, classCount: 2).loss.rawValue == RunConfig.Loss.bce.rawValue)
    let sgd = SGD<Float>(
      SGDConfig(learningRate: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01))
    #expect(
      sgd.learningRate == 0.1 && sgd.momentum == 0.9 && sgd.nesterov && sgd.weightDecay == 0.01)
    let options = TrainingOptions(TrainingConfig(epochs: 3, batchSize: 7, shuffle: false, seed: 9))
    #expect(options == TrainingOptions(epochs: 3, batchSize: 7, shuffle: false, seed: 9))
  }
}
