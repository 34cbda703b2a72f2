import Autograd

extension Model {
  /// The loss over all of `data` and, for classification, the accuracy, computed without
  /// recording a graph.
  @inlinable  // the validation pass of every epoch: specialise it with the training loop
  func score(_ data: PreparedData<Scalar>) -> (loss: Double, accuracy: Double?) {
    let logits = withoutGrad { network(data.features) }
    let loss = withoutGrad { self.loss(logits, data.targets) }
    guard let classes = data.classes else { return (Double(loss.item), nil) }
    let correct = zip(self.classes(fromLogits: logits), classes).count { $0 == $1 }
    return (Double(loss.item), Double(correct) / Double(max(data.count, 1)))
  }
}
