import Foundation
import NetTrain
import Testing

@Suite struct ClassificationMetricsTests {
  /// Six rows, three classes; predicted = most probable:
  ///   true 0 [.7 .2 .1] → 0 · true 1 [.1 .6 .3] → 1 · true 2 [.2 .5 .3] → 1
  ///   true 2 [.1 .1 .8] → 2 · true 1 [.5 .4 .1] → 0 · true 0 [.6 .3 .1] → 0
  /// Confusion (actual × predicted): [[2 0 0] [1 1 0] [0 1 1]]; accuracy 4/6.
  /// Precision: 2/3, 1/2, 1/1. Recall: 2/2, 1/2, 1/2. F1: 0.8, 0.5, 2/3.
  @Test func multiclassByHand() {
    let probabilities: [[Double]] = [
      [0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.5, 0.3],
      [0.1, 0.1, 0.8], [0.5, 0.4, 0.1], [0.6, 0.3, 0.1],
    ]
    let classes = [0, 1, 2, 2, 1, 0]
    let metrics = ClassificationMetrics(
      logProbabilities: probabilities.map { $0.map { Foundation.log($0) } }, classes: classes)
    #expect(metrics.confusionMatrix == [[2, 0, 0], [1, 1, 0], [0, 1, 1]])
    #expect(metrics.accuracy == 4.0 / 6)
    #expect(metrics.precision == [2.0 / 3, 0.5, 1])
    #expect(metrics.recall == [1, 0.5, 0.5])
    close(metrics.f1, [0.8, 0.5, 2.0 / 3])
    #expect(metrics.support == [2, 2, 2])
    let trueClass = [0.7, 0.6, 0.3, 0.8, 0.4, 0.6].map { Foundation.log($0) }
    #expect(Swift.abs(metrics.logLoss + trueClass.reduce(0, +) / 6) < 1e-15)
    #expect(metrics.rocAUC == nil)
  }

  /// y = [0, 0, 1, 1], P(1) = [0.1, 0.4, 0.35, 0.8] (scikit-learn's `roc_auc_score`
  /// example): of the 4 positive–negative pairs, 3 are ordered right, AUC = 0.75.
  /// Predicted [0, 0, 0, 1]: confusion [[2 0] [1 1]], precision [2/3, 1], recall [1, 1/2].
  @Test func binaryByHand() {
    let p1 = [0.1, 0.4, 0.35, 0.8]
    let metrics = ClassificationMetrics(
      logProbabilities: p1.map { [Foundation.log(1 - $0), Foundation.log($0)] },
      classes: [0, 0, 1, 1])
    #expect(metrics.rocAUC == 0.75)
    #expect(metrics.confusionMatrix == [[2, 0], [1, 1]])
    #expect(metrics.accuracy == 0.75)
    #expect(metrics.precision == [2.0 / 3, 1])
    #expect(metrics.recall == [1, 0.5])
    close(metrics.f1, [0.8, 2.0 / 3])
    let expectedLogLoss = -[0.9, 0.6, 0.35, 0.8].map { Foundation.log($0) }.reduce(0, +) / 4
    #expect(Swift.abs(metrics.logLoss - expectedLogLoss) < 1e-15)
  }

  /// Scores [0.5, 0.5, 0.2, 0.9] for labels [0, 1, 0, 1]: pairs (pos 0.5, neg 0.5) tie = ½,
  /// (0.5, 0.2) = 1, (0.9, 0.5) = 1, (0.9, 0.2) = 1 → 3.5 / 4 = 0.875. By ranks: 0.2 → 1,
  /// the two 0.5s share (2 + 3) / 2 = 2.5, 0.9 → 4; positives 2.5 + 4 = 6.5,
  /// (6.5 − 2·3/2) / (2·2) = 0.875.
  @Test func rocAUCAveragesTiedRanks() {
    let auc = ClassificationMetrics.rocAUC(
      scores: [0.5, 0.5, 0.2, 0.9], positives: [false, true, false, true])
    #expect(auc == 0.875)
    #expect(ClassificationMetrics.rocAUC(scores: [1, 2], positives: [true, true]) == nil)
  }

  @Test func aClassNeverPredictedHasPrecisionZero() {
    let metrics = ClassificationMetrics(
      logProbabilities: [
        [Foundation.log(0.9), Foundation.log(0.1)],
        [Foundation.log(0.8), Foundation.log(0.2)],
      ],
      classes: [0, 1])
    #expect(metrics.precision == [0.5, 0])
    #expect(metrics.recall == [1, 0])
    #expect(metrics.f1[1] == 0)
  }

  func close(_ actual: [Double], _ expected: [Double]) {
    #expect(actual.count == expected.count)
    for (a, e) in zip(actual, expected) { #expect(Swift.abs(a - e) < 1e-15, "\(a) vs \(e)") }
  }
}
