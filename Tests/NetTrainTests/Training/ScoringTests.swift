import Autograd
import Testing

@testable import NetTrain

/// Scoring a large data set goes in chunks of rows; the result is the whole-data loss (up to
/// rounding) and exactly the whole-data accuracy.
@Suite struct ScoringTests {
  @Test func chunkedScoringGivesTheWholeDataLossAndAccuracy() {
    let rows = Model<Double>.rowsPerScoringChunk + 1_808  // two chunks, the second partial
    var random = SeededGenerator(seed: 3)
    let features = Tensor<Double>(
      (0..<rows * 2).map { _ in random.nextNormal() }, shape: .matrix(rows, 2))
    let classes = (0..<rows).map { _ in random.nextIndex(below: 3) }
    let model = Model<Double>(
      .mlp(hidden: [4], activation: .tanh), inputs: 2, task: .multiclass(classes: 3), seed: 2)
    let prepared = model.prepared(LabeledData(features: features, targets: .classes(classes)))
    let scores = model.score(prepared)
    let logits = withoutGrad { model.network(prepared.features) }
    let oneHot = Tensor<Double>.oneHot(classes, classCount: 3)
    let loss = withoutGrad { model.loss(logits, oneHot) }.item
    let correct = zip(model.classes(fromLogits: logits), classes).count { $0 == $1 }
    #expect(abs(scores.loss - loss) <= 1e-12 * loss)
    #expect(scores.accuracy == Double(correct) / Double(rows))
  }
}
