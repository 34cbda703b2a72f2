import Autograd

/// Rows read from a CSV file, ready for a model: features in their own units and one target
/// per row (a value, or a class index into the run's labels).
public struct Dataset: Sendable {
  /// The targets of every row.
  public enum Targets: Equatable, Sendable {
    /// Regression values in the target's units.
    case values([Double])
    /// Class indices into `ClassLabels`.
    case classes([Int])
  }

  /// The file and rows the data came from (for located errors and `predict`'s output).
  public internal(set) var source: CSVData
  /// One target per row.
  public let targets: Targets

  /// The number of rows.
  public var count: Int { source.rowCount }

  /// The rows at `indices`, in that order.
  public func rows(_ indices: [Int]) -> Dataset {
    let subset: Targets
    switch targets {
    case .values(let values): subset = .values(indices.map { values[$0] })
    case .classes(let classes): subset = .classes(indices.map { classes[$0] })
    }
    return Dataset(source: source.rows(indices), targets: subset)
  }

  /// The features as a `[rows, features]` tensor of the model's scalar type: sharing the
  /// values read (no copy) when they were read in that type.
  @inlinable
  public func features<Scalar: TensorScalar>(as _: Scalar.Type = Scalar.self) -> Tensor<Scalar> {
    Tensor(
      source.featureValues.values(as: Scalar.self), shape: .matrix(count, source.featureCount))
  }

  /// Standardises the features in place (no copy when they are already `Scalar`s).
  mutating func standardizeFeatures<Scalar: TensorScalar>(with scaling: Standardizer<Scalar>) {
    source.standardizeFeatures(with: scaling)
  }

  /// Features and targets as the trainer takes them.
  @inlinable
  public func labeled<Scalar: TensorScalar>(as _: Scalar.Type = Scalar.self) -> LabeledData<Scalar> {
    let targets: NetTrain.Targets<Scalar>
    switch self.targets {
    case .values(let values):
      targets = .values(Tensor(values.map { Scalar($0) }, shape: .matrix(count, 1)))
    case .classes(let classes):
      targets = .classes(classes)
    }
    return LabeledData(features: features(as: Scalar.self), targets: targets)
  }
}

extension Dataset {
  // MARK: - Reading targets

  /// Regression targets: every field of the target column must be a number.
  public static func regression(_ source: CSVData) throws -> Dataset {
    Dataset(source: source, targets: .values(try source.numericTarget()))
  }

  /// Classification targets, indexed by `labels`: a label the list lacks is an error at its
  /// line and column.
  public static func classification(_ source: CSVData, labels: ClassLabels) throws -> Dataset {
    let fields = source.targetFields ?? []
    var classes: [Int] = []
    classes.reserveCapacity(fields.count)
    for (row, field) in fields.enumerated() {
      guard let index = labels.index(of: field) else {
        let known = labels.labels.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
        throw source.error(
          row: row, fieldNumber: source.targetFieldNumber,
          "column \"\(source.targetName ?? "")\": label \"\(field)\" does not occur in the "
            + "training data (labels: \(known)\(labels.count > 12 ? ", …" : ""))")
      }
      classes.append(index)
    }
    return Dataset(source: source, targets: .classes(classes))
  }

  /// The class labels of a training file's target column. Numbers that are not whole (a
  /// continuous target) are refused: they are values to regress, not classes.
  public static func classLabels(of source: CSVData) throws -> ClassLabels {
    let fields = source.targetFields ?? []
    for (row, field) in fields.enumerated() {
      if let number = Double(field), number.rounded() != number {
        throw source.error(
          row: row, fieldNumber: source.targetFieldNumber,
          "column \"\(source.targetName ?? "")\" holds continuous values such as \(field); "
            + "classification needs class labels (use a linear model, or an mlp with "
            + "\"task\": \"regression\")")
      }
    }
    return ClassLabels(sorting: fields)
  }
}
