import Autograd

extension Model {
  /// The rows scored at once: enough to keep the kernels busy, few enough that a large data
  /// set is never held as whole-data activations.
  @usableFromInline static var rowsPerScoringChunk: Int { 8192 }

  /// The loss over all of `data` and, for classification, the accuracy, computed without
  /// recording a graph, in chunks of `rowsPerScoringChunk` rows (one chunk gives the loss
  /// to the bit; several, the row-weighted mean of their losses).
  @inlinable  // the validation pass of every epoch: specialise it with the training loop
  func score(_ data: PreparedData<Scalar>) -> (loss: Double, accuracy: Double?) {
    let chunk = Model.rowsPerScoringChunk
    let total = Double(max(data.count, 1))
    if data.count <= chunk {
      let whole = scoreChunk(data.features, data.allTargets(), data.classes)
      return (whole.loss, whole.correct.map { Double($0) / total })
    }
    var (weightedLoss, correct) = (0.0, 0)
    for start in stride(from: 0, to: data.count, by: chunk) {
      let rows = Array(start..<min(start + chunk, data.count))
      let classes = data.classes.map { classes in rows.map { classes[$0] } }
      let part = scoreChunk(data.features.rows(at: rows), data.targets(at: rows), classes)
      weightedLoss += part.loss * Double(rows.count)
      correct += part.correct ?? 0
    }
    return (weightedLoss / total, data.classes == nil ? nil : Double(correct) / total)
  }

  @inlinable
  func scoreChunk(_ features: Tensor<Scalar>, _ targets: Tensor<Scalar>, _ classes: [Int]?)
    -> (loss: Double, correct: Int?)
  {
    let logits = withoutGrad { network(features) }
    let loss = withoutGrad { self.loss(logits, targets) }
    guard let classes else { return (Double(loss.item), nil) }
    return (Double(loss.item), zip(self.classes(fromLogits: logits), classes).count { $0 == $1 })
  }
}
