/// One value of a config being decoded, with its key path and its place in the file, so that
/// each typed accessor can throw an error naming both.
struct ConfigValue {
  /// The value itself.
  let value: JSONValue
  /// The key path from the top of the config.
  let path: [JSONPathComponent]
  /// The file being read.
  let source: ConfigSource

  /// The key path as users read it, `model.hidden[1]`.
  var keyPath: String { JSONPathComponent.text(of: path) }

  /// An error about this value, pointing at it.
  func error(_ message: String) -> ConfigError {
    ConfigError(
      file: source.file, location: source.document?.location(ofValueAt: path), keyPath: keyPath,
      message: message)
  }

  /// An error for a value of the wrong kind: `expected an integer, found "32"`.
  func typeError(expected: String) -> ConfigError {
    error("expected \(expected), found \(value.briefDescription)")
  }

  // MARK: - Scalars

  /// A string.
  func string() throws(ConfigError) -> String {
    guard let string = value.stringValue else { throw typeError(expected: "a string") }
    return string
  }

  /// A string with at least one character.
  func nonEmptyString() throws(ConfigError) -> String {
    let string = try self.string()
    if string.isEmpty { throw error("must not be empty") }
    return string
  }

  /// `true` or `false`.
  func bool() throws(ConfigError) -> Bool {
    guard let bool = value.boolValue else { throw typeError(expected: "true or false") }
    return bool
  }

  /// A number (always finite: the parser rejects the others).
  func number() throws(ConfigError) -> Double {
    guard let number = value.numberValue else { throw typeError(expected: "a number") }
    return number
  }

  /// The largest integer a JSON number holds exactly, 2^53 − 1: larger literals would be
  /// silently rounded, so they are refused.
  static let largestExactInteger = 9_007_199_254_740_991

  /// An integer: a number without a fractional part (`32` or `32.0`, as JSON Schema has it),
  /// at most 2^53 − 1 in magnitude, at least `minimum`.
  func integer(minimum: Int) throws(ConfigError) -> Int {
    guard let number = value.numberValue, number == number.rounded() else {
      throw typeError(expected: "an integer")
    }
    let limit = ConfigValue.largestExactInteger
    guard number.magnitude <= Double(limit) else {
      throw error("must be an integer from \(minimum) to \(limit), found \(value.briefDescription)")
    }
    let integer = Int(number)
    if integer < minimum { throw error("must be at least \(minimum), found \(integer)") }
    return integer
  }

  /// One of the raw values of `E`: `expected one of "linear", "logistic", "mlp", found "cnn"`.
  func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws(ConfigError) -> E
  where E.RawValue == String {
    let choices = E.allCases.map { JSONWriter.quoted($0.rawValue) }.joined(separator: ", ")
    guard let string = value.stringValue, let choice = E(rawValue: string) else {
      throw error("expected one of \(choices), found \(value.briefDescription)")
    }
    return choice
  }

  // MARK: - Containers

  /// The elements of an array, each with its own key path (`model.hidden[1]`).
  func array(of description: String) throws(ConfigError) -> [ConfigValue] {
    guard let elements = value.arrayValue else {
      throw typeError(expected: "a list of \(description)")
    }
    return elements.enumerated().map { index, element in
      ConfigValue(value: element, path: path + [.index(index)], source: source)
    }
  }

  /// The members of an object whose keys must all be among `keys`; an unknown key is an error
  /// that suggests the closest known one.
  func object(keys: [String]) throws(ConfigError) -> ConfigObject {
    guard let object = value.objectValue else { throw typeError(expected: "an object") }
    let members = ConfigObject(object: object, base: self, knownKeys: keys)
    try members.rejectUnknownKeys()
    return members
  }
}

/// The config file being decoded: its name for messages and, when parsed from text, the
/// document that locates each value.
struct ConfigSource {
  /// The file as the user named it.
  let file: String
  /// The parsed text, for line and column numbers; nil for a config built in memory.
  let document: JSONDocument?
}
