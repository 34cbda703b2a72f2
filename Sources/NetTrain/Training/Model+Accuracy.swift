import Autograd

extension Model {
  /// How many of `rows` the batch's logits classify as `classes` says.
  /// - Parameter logits: `[rows.count, outputs]`, row-major, in the order of `rows`.
  @inlinable
  func correctPredictions(
    logits: UnsafeBufferPointer<Scalar>, rows: ArraySlice<Int>, classes: [Int]
  ) -> Int {
    let columns = task.outputs
    var correct = 0
    // Through the slice's buffer: iterating the slice itself retained its storage each step.
    rows.withUnsafeBufferPointer { rows in
      for (position, row) in rows.enumerated() {
        let predicted = Model.predictedClass(logits, row: position, columns: columns)
        if predicted == classes[row] { correct += 1 }
      }
    }
    return correct
  }

  /// The class the logits of one row predict: 1 when a single logit is above 0 (binary),
  /// else the first largest logit (multiclass).
  @inlinable
  static func predictedClass(_ logits: UnsafeBufferPointer<Scalar>, row: Int, columns: Int) -> Int {
    let base = row * columns
    if columns == 1 { return logits[base] > 0 ? 1 : 0 }
    var best = 0
    for column in 1..<columns where logits[base + column] > logits[base + best] {
      best = column
    }
    return best
  }
}
