import NetTrain
import Testing

@Suite struct RegressionMetricsTests {
  /// scikit-learn's documentation example: y = [3, −0.5, 2, 7], ŷ = [2.5, 0, 2, 8].
  /// Errors −0.5, 0.5, 0, 1: MSE = 1.5 / 4 = 0.375, MAE = 2 / 4 = 0.5.
  /// ȳ = 2.875, Σ(y − ȳ)² = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875,
  /// R² = 1 − 1.5 / 29.1875 = 0.9486081370449679.
  @Test func handComputedValues() {
    let metrics = RegressionMetrics(predictions: [2.5, 0, 2, 8], targets: [3, -0.5, 2, 7])
    #expect(metrics.meanSquaredError == 0.375)
    #expect(metrics.rootMeanSquaredError == (0.375).squareRoot())
    #expect(metrics.meanAbsoluteError == 0.5)
    #expect(Swift.abs(metrics.rSquared - 0.9486081370449679) < 1e-15)
  }

  @Test func constantTargetsFollowScikitLearn() {
    #expect(RegressionMetrics(predictions: [1, 1], targets: [1, 1]).rSquared == 1)
    #expect(RegressionMetrics(predictions: [1, 2], targets: [1, 1]).rSquared == 0)
  }
}
