import Autograd

/// Column-wise z-scoring, `(x − mean) / scale`, with statistics fitted on training rows.
///
/// The scale is the population standard deviation (divide by n, as scikit-learn's
/// `StandardScaler`); a column whose values are all equal is centred but left unscaled
/// (scale 1).
public struct Standardizer<Scalar: TensorScalar>: Equatable, Sendable {
  /// One mean per column.
  public let means: [Scalar]
  /// One positive scale per column.
  public let scales: [Scalar]

  /// A standardiser with the given statistics.
  public init(means: [Scalar], scales: [Scalar]) {
    precondition(means.count == scales.count, "\(means.count) means, \(scales.count) scales")
    precondition(
      scales.allSatisfy { $0 > 0 && $0.isFinite } && means.allSatisfy(\.isFinite),
      "standardiser with means \(means) and scales \(scales)")
    self.means = means
    self.scales = scales
  }

  /// The statistics of the columns of `data`, computed in Double by two passes and then
  /// rounded to `Scalar`.
  /// - Parameter data: [rows, columns], at least one row, finite values.
  public init(fittedTo data: Tensor<Scalar>) {
    let (rows, columns) = (data.shape.rows, data.shape.columns)
    precondition(data.shape.rank == 2 && rows > 0, "standardiser fitted to \(data.shape)")
    let values = data.scalars
    var means: [Scalar] = []
    var scales: [Scalar] = []
    for column in 0..<columns {
      let x = (0..<rows).map { Double(values[$0 * columns + column]) }
      let mean = x.reduce(0, +) / Double(rows)
      let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
      let spread = x.min() != x.max() && variance > 0
      means.append(Scalar(mean))
      scales.append(spread ? Scalar(variance.squareRoot()) : 1)
    }
    self.init(means: means, scales: scales)
  }

  /// The number of columns.
  public var columns: Int { means.count }

  /// `(x − mean) / scale` for every column, as a new constant tensor.
  /// - Parameter data: [rows, columns]
  public func transform(_ data: Tensor<Scalar>) -> Tensor<Scalar> {
    map(data) { value, column in (value - means[column]) / scales[column] }
  }

  /// `z · scale + mean` for every column: back to the original units.
  /// - Parameter data: [rows, columns]
  public func inverseTransform(_ data: Tensor<Scalar>) -> Tensor<Scalar> {
    map(data) { value, column in value * scales[column] + means[column] }
  }

  private func map(
    _ data: Tensor<Scalar>, _ f: (Scalar, Int) -> Scalar
  ) -> Tensor<Scalar> {
    precondition(
      data.shape.rank == 2 && data.shape.columns == columns,
      "data of shape \(data.shape) for a standardiser of \(columns) columns")
    var values = data.scalars
    values.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] = f(values[index], index % columns) }
    }
    return Tensor(values, shape: data.shape)
  }
}
