import Autograd

extension Model {
  /// How many of `rows` the batch's logits classify as `classes` says.
  /// - Parameter logits: `[rows.count, outputs]`, row-major, in the order of `rows`.
  @inlinable
  func correctPredictions(
    logits: UnsafeBufferPointer<Scalar>, rows: UnsafeBufferPointer<Int>,
    classes: UnsafeBufferPointer<Int>
  ) -> Int {
    let columns = task.outputs
    var correct = 0
    for (position, row) in rows.enumerated() {
      let predicted = Model.predictedClass(logits, row: position, columns: columns)
      if predicted == classes[row] { correct += 1 }
    }
    return correct
  }

  /// The class the logits of one row predict: 1 when a single logit is above 0 (binary),
  /// else the first largest logit (multiclass). Selects rather than branches: the branch on
  /// each comparison was mispredicted often enough to make this 2 % of a W4 step (float32,
  /// one thread, perf samples).
  @inlinable
  static func predictedClass(_ logits: UnsafeBufferPointer<Scalar>, row: Int, columns: Int) -> Int {
    let base = row * columns
    if columns == 1 { return logits[base] > 0 ? 1 : 0 }
    var best = 0
    var largest = logits[base]
    for column in 1..<columns {
      let value = logits[base + column]
      let isLarger = value > largest
      best = isLarger ? column : best
      largest = isLarger ? value : largest
    }
    return best
  }
}
