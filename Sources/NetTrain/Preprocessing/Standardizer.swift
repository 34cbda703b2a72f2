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
  /// rounded to `Scalar`. Each column's sums add its values in row order, so the result does
  /// not depend on how the rows are walked (they are walked row by row, in memory order).
  /// - Parameter data: [rows, columns], at least one row, finite values.
  @inlinable  // one pass over the whole training set: specialise it for the scalar type
  public init(fittedTo data: Tensor<Scalar>) {
    let (rows, columns) = (data.shape.rows, data.shape.columns)
    precondition(data.shape.rank == 2 && rows > 0, "standardiser fitted to \(data.shape)")
    var sums = [Double](repeating: 0, count: columns)
    var squares = [Double](repeating: 0, count: columns)
    var spread = [Bool](repeating: false, count: columns)
    data.scalars.withUnsafeBufferPointer { values in
      sums.withUnsafeMutableBufferPointer { sums in
        spread.withUnsafeMutableBufferPointer { spread in
          for row in 0..<rows {
            for column in 0..<columns {
              let value = values[row * columns + column]
              sums[column] += Double(value)
              spread[column] = spread[column] || value != values[column]
            }
          }
        }
      }
    }
    let means = sums.map { $0 / Double(rows) }
    data.scalars.withUnsafeBufferPointer { values in
      squares.withUnsafeMutableBufferPointer { squares in
        for row in 0..<rows {
          for column in 0..<columns {
            let deviation = Double(values[row * columns + column]) - means[column]
            squares[column] += deviation * deviation
          }
        }
      }
    }
    let scales = (0..<columns).map { column -> Scalar in
      let variance = squares[column] / Double(rows)
      return spread[column] && variance > 0 ? Scalar(variance.squareRoot()) : 1
    }
    self.init(means: means.map { Scalar($0) }, scales: scales)
  }

  /// The number of columns.
  public var columns: Int { means.count }

  /// `(x − mean) / scale` for every column, as a new constant tensor.
  /// - Parameter data: [rows, columns]
  @inlinable
  public func transform(_ data: Tensor<Scalar>) -> Tensor<Scalar> {
    let output = Tensor(data.scalars, shape: data.shape)
    transform(inPlace: output)
    return output
  }

  /// `(x − mean) / scale` for every column, overwriting `data`'s values (outside the graph).
  /// It works in place only when `data` holds its values alone; else they are copied first.
  /// The values are those `transform` gives, bit for bit.
  /// - Parameter data: [rows, columns], a constant tensor
  @inlinable
  public func transform(inPlace data: Tensor<Scalar>) {
    checkShape(data)
    data.withUnsafeMutableScalars { transform(inPlace: $0) }
  }

  /// `(x − mean) / scale` for every column of the row-major `[rows, columns]` `values`.
  @inlinable  // a pass over the whole training set
  public func transform(inPlace values: UnsafeMutableBufferPointer<Scalar>) {
    let columns = means.count
    precondition(values.count % columns == 0, "\(values.count) values in \(columns) columns")
    means.withUnsafeBufferPointer { means in
      scales.withUnsafeBufferPointer { scales in
        for row in 0..<(values.count / columns) {
          for column in 0..<columns {
            let index = row * columns + column
            values[index] = (values[index] - means[column]) / scales[column]
          }
        }
      }
    }
  }

  /// `z · scale + mean` for every column: back to the original units.
  /// - Parameter data: [rows, columns]
  public func inverseTransform(_ data: Tensor<Scalar>) -> Tensor<Scalar> {
    checkShape(data)
    var values = data.scalars
    values.withUnsafeMutableBufferPointer { values in
      for index in values.indices {
        let column = index % columns
        values[index] = values[index] * scales[column] + means[column]
      }
    }
    return Tensor(values, shape: data.shape)
  }

  @usableFromInline
  func checkShape(_ data: Tensor<Scalar>) {
    precondition(
      data.shape.rank == 2 && data.shape.columns == columns,
      "data of shape \(data.shape) for a standardiser of \(columns) columns")
  }
}
