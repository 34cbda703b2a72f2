import Autograd

/// Rows as the network sees them: standardised features, the loss's target tensor, and the
/// class indices of a classification task (for accuracy).
@usableFromInline
struct PreparedData<Scalar: TensorScalar> {
  /// [rows, inputs], standardised.
  @usableFromInline let features: Tensor<Scalar>
  /// [rows, outputs]: standardised values, 0/1, or one-hot rows.
  @usableFromInline let targets: Tensor<Scalar>
  /// The class of every row; `nil` for regression.
  @usableFromInline let classes: [Int]?

  @usableFromInline
  init(features: Tensor<Scalar>, targets: Tensor<Scalar>, classes: [Int]?) {
    self.features = features
    self.targets = targets
    self.classes = classes
  }

  /// The number of rows.
  @usableFromInline var count: Int { features.shape.rows }
}

extension Model {
  /// `data` standardised and encoded for the loss.
  @usableFromInline
  func prepared(_ data: LabeledData<Scalar>) -> PreparedData<Scalar> {
    PreparedData(
      features: scaledFeatures(data.features), targets: lossTargets(data.targets),
      classes: classIndices(data.targets))
  }

  /// The features standardised with `featureScaling`.
  /// - Parameter features: [rows, inputs] in their own units.
  public func scaledFeatures(_ features: Tensor<Scalar>) -> Tensor<Scalar> {
    precondition(
      features.shape.rank == 2 && features.shape.columns == inputs,
      "features of shape \(features.shape) for a model of \(inputs) inputs")
    return featureScaling?.transform(features) ?? features
  }

  /// The tensor the loss compares the logits with: standardised values (regression), 0/1
  /// (binary) or one-hot rows (multiclass).
  func lossTargets(_ targets: Targets<Scalar>) -> Tensor<Scalar> {
    switch (task, targets) {
    case (.regression, .values(let values)):
      precondition(values.shape == .matrix(values.shape.rows, 1), "targets \(values.shape)")
      return targetScaling?.transform(values) ?? values
    case (.binary, .values(let values)):
      precondition(
        values.shape == .matrix(values.shape.rows, 1)
          && values.scalars.allSatisfy { $0 == 0 || $0 == 1 },
        "binary targets must be a [rows, 1] column of 0 and 1; got shape \(values.shape)")
      return values
    case (.binary, .classes(let classes)):
      precondition(classes.allSatisfy { $0 == 0 || $0 == 1 }, "binary classes must be 0 or 1")
      return Tensor(classes.map { Scalar($0) }, shape: .matrix(classes.count, 1))
    case (.multiclass(let count), .classes(let classes)):
      return .oneHot(classes, classCount: count)
    default:
      preconditionFailure("\(task.name) task with targets \(targets)")
    }
  }

  /// The class of every row, `nil` for regression.
  func classIndices(_ targets: Targets<Scalar>) -> [Int]? {
    switch (task, targets) {
    case (.regression, _): nil
    case (_, .classes(let classes)): classes
    case (_, .values(let values)): values.scalars.map { $0 == 1 ? 1 : 0 }
    }
  }

  /// The predicted class of every row of `logits`: logit above 0 (binary), or the first
  /// largest logit (multiclass).
  /// - Parameter logits: [rows, outputs]
  @usableFromInline
  func classes(fromLogits logits: Tensor<Scalar>) -> [Int] {
    let (rows, columns) = (logits.shape.rows, logits.shape.columns)
    return logits.scalars.withUnsafeBufferPointer { values in
      (0..<rows).map { Model.predictedClass(values, row: $0, columns: columns) }
    }
  }
}
