import Autograd

extension Model {
  /// Scores the model on `data` (features and targets in their own units), without
  /// recording a graph.
  public func evaluate(_ data: LabeledData<Scalar>) -> Evaluation {
    precondition(data.count > 0, "evaluation on no rows")
    let loss = score(prepared(data)).loss
    switch data.targets {
    case .values(let values) where task == .regression:
      let predictions = predict(data.features).scalars.map(Double.init)
      return Evaluation(
        loss: loss,
        regression: RegressionMetrics(
          predictions: predictions, targets: values.scalars.map(Double.init)))
    default:
      let classes = classIndices(data.targets) ?? []
      return Evaluation(
        loss: loss,
        classification: ClassificationMetrics(
          logProbabilities: logProbabilities(data.features), classes: classes))
    }
  }
}
