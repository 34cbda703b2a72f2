/// How close regression predictions are to the targets, in the target's own units.
public struct RegressionMetrics: Equatable, Sendable {
  /// mean((ŷ − y)²)
  public let meanSquaredError: Double
  /// √MSE
  public let rootMeanSquaredError: Double
  /// mean(|ŷ − y|)
  public let meanAbsoluteError: Double
  /// 1 − Σ(ŷ − y)² / Σ(y − ȳ)²; when the targets are all equal, 1 for a perfect fit and
  /// 0 otherwise (scikit-learn's `r2_score` convention).
  public let rSquared: Double

  /// The metrics of `predictions` against `targets` (same length, at least one).
  public init(predictions: [Double], targets: [Double]) {
    precondition(
      predictions.count == targets.count && !targets.isEmpty,
      "\(predictions.count) predictions for \(targets.count) targets")
    let count = Double(targets.count)
    let errors = zip(predictions, targets).map { $0 - $1 }
    let squaredTotal = errors.reduce(0) { $0 + $1 * $1 }
    let mean = targets.reduce(0, +) / count
    let spread = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    meanSquaredError = squaredTotal / count
    rootMeanSquaredError = meanSquaredError.squareRoot()
    meanAbsoluteError = errors.reduce(0) { $0 + abs($1) } / count
    rSquared = spread > 0 ? 1 - squaredTotal / spread : (squaredTotal == 0 ? 1 : 0)
  }
}
