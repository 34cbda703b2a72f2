import Autograd

/// Feature values, row-major, in the precision they were read in: a float32 run parses its
/// CSV straight into floats and never holds the data as doubles.
public enum FeatureValues: Equatable, Sendable {
  case float64([Double])
  case float32([Float])

  /// The number of values.
  public var count: Int {
    switch self {
    case .float64(let values): values.count
    case .float32(let values): values.count
    }
  }

  /// The values as `Scalar`s: the stored array itself (no copy) when it has that type, else
  /// a converted copy.
  @inlinable
  public func values<Scalar: TensorScalar>(as _: Scalar.Type = Scalar.self) -> [Scalar] {
    switch self {
    case .float64(let values):
      if let same = values as? [Scalar] { return same }
      return values.map { Scalar($0) }
    case .float32(let values):
      if let same = values as? [Scalar] { return same }
      return values.map { Scalar($0) }
    }
  }

  /// The rows at `indices` of a `[rows, width]` matrix, in that order.
  func rows(_ indices: some Collection<Int>, width: Int) -> FeatureValues {
    switch self {
    case .float64(let values): .float64(Self.rows(of: values, indices, width: width))
    case .float32(let values): .float32(Self.rows(of: values, indices, width: width))
    }
  }

  private static func rows<Scalar>(
    of values: [Scalar], _ indices: some Collection<Int>, width: Int
  ) -> [Scalar] {
    var selected: [Scalar] = []
    selected.reserveCapacity(indices.count * width)
    for row in indices { selected += values[(row * width)..<((row + 1) * width)] }
    return selected
  }
}
