/// A JSON value as it is about to be written, whose long number arrays are read from memory
/// while they are written instead of held as one `JSONValue` per number: a model file's weight
/// matrices (a million numbers in a wide network) go to the file without a tree of them.
///
/// `JSONWriter.write(_:to:)` writes an outline as exactly the text of its `value`.
enum JSONOutline {
  /// A value held whole.
  case value(JSONValue)
  /// An array of `count` numbers, the one at index `i` being `number(i)`.
  case numbers(count: Int, number: (Int) -> Double)
  /// An array of outlines.
  indirect case array([JSONOutline])
  /// An object, members in order; keys distinct.
  indirect case object([(key: String, value: JSONOutline)])

  /// `count` numbers as an array: `values[i]` converted to `Double`.
  static func numbers<Scalar: BinaryFloatingPoint>(_ values: [Scalar]) -> JSONOutline {
    .numbers(count: values.count) { Double(values[$0]) }
  }

  /// Whether this is neither an array nor an object (the writer keeps arrays of such on one
  /// line).
  var isScalar: Bool {
    switch self {
    case .value(let value): value.arrayValue == nil && value.objectValue == nil
    case .numbers, .array, .object: false
    }
  }

  /// The value this outline writes, built whole.
  var value: JSONValue {
    switch self {
    case .value(let value): value
    case .numbers(let count, let number): .array((0..<count).map { .number(number($0)) })
    case .array(let elements): .array(elements.map(\.value))
    case .object(let entries):
      .object(JSONObject(entries.map { (key: $0.key, value: $0.value.value) }))
    }
  }
}
