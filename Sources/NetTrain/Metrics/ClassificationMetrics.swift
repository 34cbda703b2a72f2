/// How well class predictions match the true classes.
///
/// The predicted class of a row is its most probable class (the first on a tie). Per-class
/// scores follow scikit-learn: a precision with no predictions of the class, a recall with
/// no rows of it, and an F1 with both zero are 0.
public struct ClassificationMetrics: Equatable, Sendable {
  /// The number of classes.
  public let classCount: Int
  /// The fraction of rows whose predicted class is the true one.
  public let accuracy: Double
  /// The mean negative log-probability of the true class (natural log).
  public let logLoss: Double
  /// `confusionMatrix[actual][predicted]`: the number of rows of class `actual` predicted as
  /// `predicted` (scikit-learn's layout).
  public let confusionMatrix: [[Int]]
  /// Per class: true positives / predicted positives.
  public let precision: [Double]
  /// Per class: true positives / actual positives.
  public let recall: [Double]
  /// Per class: the harmonic mean of precision and recall.
  public let f1: [Double]
  /// Per class: the number of rows of that class.
  public let support: [Int]
  /// For two classes: the area under the ROC curve of the class-1 score; `nil` for more
  /// classes or when one class has no rows.
  public let rocAUC: Double?

  /// The metrics of predicted log-probabilities against the true classes.
  /// - Parameters:
  ///   - logProbabilities: one row per example, one natural-log probability per class.
  ///   - classes: the true class of every row, in `0..<classCount`.
  public init(logProbabilities: [[Double]], classes: [Int]) {
    let classCount = logProbabilities.first?.count ?? 0
    precondition(
      logProbabilities.count == classes.count && !classes.isEmpty && classCount >= 2
        && logProbabilities.allSatisfy { $0.count == classCount }
        && classes.allSatisfy { (0..<classCount).contains($0) },
      "\(logProbabilities.count) rows of log-probabilities for \(classes.count) classes")
    let predicted = logProbabilities.map(ClassificationMetrics.mostProbable)
    var matrix = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
    for (actual, guess) in zip(classes, predicted) { matrix[actual][guess] += 1 }
    let count = Double(classes.count)
    self.classCount = classCount
    confusionMatrix = matrix
    accuracy = Double((0..<classCount).reduce(0) { $0 + matrix[$1][$1] }) / count
    logLoss = -zip(logProbabilities, classes).reduce(0) { $0 + $1.0[$1.1] } / count
    support = matrix.map { $0.reduce(0, +) }
    let predictedCounts = (0..<classCount).map { column in matrix.reduce(0) { $0 + $1[column] } }
    precision = (0..<classCount).map { ratio(matrix[$0][$0], predictedCounts[$0]) }
    recall = (0..<classCount).map { [support] in ratio(matrix[$0][$0], support[$0]) }
    f1 = zip(precision, recall).map { $0 + $1 > 0 ? 2 * $0 * $1 / ($0 + $1) : 0 }
    rocAUC =
      classCount == 2
      ? ClassificationMetrics.rocAUC(
        scores: logProbabilities.map { $0[1] }, positives: classes.map { $0 == 1 })
      : nil
  }

  /// The area under the ROC curve by ranks (the Mann–Whitney statistic): the probability that
  /// a random positive scores above a random negative, ties counting one half. Tied scores
  /// share the average of their ranks. `nil` when there are no positives or no negatives.
  public static func rocAUC(scores: [Double], positives: [Bool]) -> Double? {
    precondition(
      scores.count == positives.count, "\(scores.count) scores, \(positives.count) labels")
    let positiveCount = positives.count { $0 }
    let negativeCount = positives.count - positiveCount
    guard positiveCount > 0 && negativeCount > 0 else { return nil }
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var positiveRankSum = 0.0
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
      let averageRank = Double(start + end + 2) / 2  // ranks count from 1
      for index in order[start...end] where positives[index] { positiveRankSum += averageRank }
      start = end + 1
    }
    let p = Double(positiveCount)
    return (positiveRankSum - p * (p + 1) / 2) / (p * Double(negativeCount))
  }

  private static func mostProbable(_ row: [Double]) -> Int {
    var best = 0
    for index in row.indices where row[index] > row[best] { best = index }
    return best
  }
}

private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
  denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}
