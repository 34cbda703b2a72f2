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
    case .float64(let values): Self.converted(values)
    case .float32(let values): Self.converted(values)
    }
  }

  /// `values` itself when `Source` is `Scalar` (a check the specialiser folds away; `as?`
  /// would cast element by element into a new array), else a converted copy.
  @inlinable
  static func converted<Source: TensorScalar, Scalar: TensorScalar>(_ values: [Source])
    -> [Scalar]
  {
    if Source.self == Scalar.self { return unsafeBitCast(values, to: [Scalar].self) }
    return values.map { Scalar($0) }
  }

  /// Standardises the values in place (converting them to `Scalar` first if they are of the
  /// other precision).
  mutating func standardize<Scalar: TensorScalar>(with scaling: Standardizer<Scalar>) {
    // Dispatch to the concrete types, so that the pass over the data is specialised.
    if let scaling = scaling as? Standardizer<Float> {
      self = .float32(Self.standardized(taking: &self, scaling))
    } else if let scaling = scaling as? Standardizer<Double> {
      self = .float64(Self.standardized(taking: &self, scaling))
    } else {
      preconditionFailure("features of type \(Scalar.self)")
    }
  }

  /// The values of `features` standardised, in the array they were in when it has the type;
  /// `features` is left empty, so that the array is not shared while it changes.
  private static func standardized<Scalar: TensorScalar>(
    taking features: inout FeatureValues, _ scaling: Standardizer<Scalar>
  ) -> [Scalar] {
    var values: [Scalar] = features.values()
    features = .float64([])
    values.withUnsafeMutableBufferPointer { scaling.transform(inPlace: $0) }
    return values
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
