/// The weights and intercepts of a one-layer model in the features' own units.
///
/// For linear regression, `weights[0][j]` is the change of the prediction (in the target's
/// units) per unit of feature `j`; for logistic regression it is the change of the log-odds
/// of class 1 (binary) or of the logit of class `k` (`weights[k][j]`, softmax regression).
public struct LinearCoefficients: Equatable, Sendable {
  /// `[outputs][features]`
  public var weights: [[Double]]
  /// One per output.
  public var intercepts: [Double]

  /// Coefficients with the given values.
  public init(weights: [[Double]], intercepts: [Double]) {
    self.weights = weights
    self.intercepts = intercepts
  }
}
