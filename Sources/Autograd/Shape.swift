/// The shape of a tensor: rank 0 (a scalar), rank 1 (`[n]`) or rank 2 (`[rows, columns]`).
///
/// Storage is row-major. A vector is laid out like a single row, so a `[n]` vector
/// broadcasts over the rows of a `[rows, n]` matrix without any copying of indices.
public struct Shape: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  /// 0, 1 or 2.
  public let rank: Int
  /// Rows of a matrix; 1 for a vector or a scalar.
  public let rows: Int
  /// Columns of a matrix, length of a vector, 1 for a scalar.
  public let columns: Int

  /// The shape of a single number.
  public static let scalar = Shape(rank: 0, rows: 1, columns: 1)

  @inlinable
  init(rank: Int, rows: Int, columns: Int) {
    precondition(rows >= 0 && columns >= 0, "negative dimension in [\(rows), \(columns)]")
    self.rank = rank
    self.rows = rows
    self.columns = columns
  }

  /// A vector of `count` elements.
  public static func vector(_ count: Int) -> Shape { Shape(rank: 1, rows: 1, columns: count) }

  /// A `rows × columns` matrix.
  public static func matrix(_ rows: Int, _ columns: Int) -> Shape {
    Shape(rank: 2, rows: rows, columns: columns)
  }

  /// A shape from its dimensions: `[]`, `[n]` or `[rows, columns]`.
  public init(_ dimensions: [Int]) {
    switch dimensions.count {
    case 0: self = .scalar
    case 1: self = .vector(dimensions[0])
    case 2: self = .matrix(dimensions[0], dimensions[1])
    default: preconditionFailure("tensors have rank 0 to 2, not \(dimensions.count): \(dimensions)")
    }
  }

  public init(arrayLiteral dimensions: Int...) { self.init(dimensions) }

  /// The dimensions as a list, as NumPy and PyTorch print them.
  public var dimensions: [Int] {
    switch rank {
    case 0: return []
    case 1: return [columns]
    default: return [rows, columns]
    }
  }

  /// The number of elements.
  @inlinable public var count: Int { rows * columns }

  public var description: String { "[" + dimensions.map(String.init).joined(separator: ", ") + "]" }
}
