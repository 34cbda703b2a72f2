/// A JSON value as read from or written to a file.
///
/// Numbers are `Double`s: the parser converts the exact number text with correct rounding and
/// the writer prints the shortest text that reads back to the same bits. Objects keep their
/// keys in file order (see `JSONObject`), so a value written and read again is equal to itself.
public enum JSONValue: Equatable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A finite number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array, in order.
  case array([JSONValue])
  /// An object, keys in insertion order.
  case object(JSONObject)

  // MARK: - Accessors

  /// The number, if this is a number.
  public var numberValue: Double? {
    if case .number(let number) = self { return number }
    return nil
  }

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let string) = self { return string }
    return nil
  }

  /// The Boolean, if this is `true` or `false`.
  public var boolValue: Bool? {
    if case .bool(let bool) = self { return bool }
    return nil
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The object, if this is an object.
  public var objectValue: JSONObject? {
    if case .object(let object) = self { return object }
    return nil
  }

  /// Whether this is `null`.
  public var isNull: Bool { self == .null }

  // MARK: - Describing values in error messages

  /// What a user sees after "found" in an error message: the value itself for scalars
  /// (`"32"`, `2.5`, `true`, `null`), and only its kind for containers.
  public var briefDescription: String {
    switch self {
    case .null: return "null"
    case .bool(let bool): return bool ? "true" : "false"
    case .number(let number): return JSONWriter.text(for: number)
    case .string(let string): return JSONWriter.quoted(string)
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral entries: (String, JSONValue)...) {
    self = .object(JSONObject(entries.map { (key: $0.0, value: $0.1) }))
  }
}
