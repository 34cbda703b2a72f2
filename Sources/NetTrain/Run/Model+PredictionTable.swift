import Autograd

extension Model {
  /// The prediction columns for rows of features (see `PredictionTable` for the layout):
  /// values in the target's units, or class probabilities and the most probable label.
  /// - Parameter features: [rows, inputs] in their own units.
  public func predictionTable(for features: Tensor<Scalar>) -> PredictionTable {
    let outputs = predict(features)
    let width = outputs.shape.columns
    let values = outputs.scalars.map(PredictionTable.text)
    let valueRows = (0..<outputs.shape.rows).map {
      Array(values[($0 * width)..<(($0 + 1) * width)])
    }
    let predicted = "predicted_" + targetName
    let probabilities = classLabels.map { "probability_" + $0 }
    switch task {
    case .regression:
      return PredictionTable(columnNames: [predicted], rows: valueRows)
    case .binary:
      let labels = predictClasses(features).map { classLabels[$0] }
      return PredictionTable(
        columnNames: [probabilities[1], predicted],
        rows: zip(valueRows, labels).map { $0 + [$1] })
    case .multiclass:
      let labels = predictClasses(features).map { classLabels[$0] }
      return PredictionTable(
        columnNames: [predicted] + probabilities,
        rows: zip(labels, valueRows).map { [$0] + $1 })
    }
  }
}
