/// The scores of a model on labelled rows.
public struct Evaluation: Equatable, Sendable {
  /// The training loss over all rows (for a standardised regression target, in
  /// standardised units, as in the training history).
  public var loss: Double
  /// MSE, RMSE, MAE and R² in the target's own units; `nil` for classification.
  public var regression: RegressionMetrics?
  /// Accuracy, log loss, per-class scores, confusion matrix and ROC AUC; `nil` for regression.
  public var classification: ClassificationMetrics?

  /// An evaluation with the given parts.
  public init(
    loss: Double, regression: RegressionMetrics? = nil,
    classification: ClassificationMetrics? = nil
  ) {
    self.loss = loss
    self.regression = regression
    self.classification = classification
  }
}
