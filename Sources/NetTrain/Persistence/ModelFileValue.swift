import Autograd

/// A value of a model file with the key path that leads to it, so that every typed read can
/// fail with a `ModelFileError` naming the file and the key path.
struct ModelFileValue {
  /// The value itself.
  let value: JSONValue
  /// Where it is: `layers[1].bias`.
  let path: [JSONPathComponent]
  /// The file as the user named it.
  let file: String

  /// The whole file's value.
  init(root: JSONValue, file: String) {
    self.init(value: root, path: [], file: file)
  }

  private init(value: JSONValue, path: [JSONPathComponent], file: String) {
    self.value = value
    self.path = path
    self.file = file
  }

  /// An error about this value.
  func error(_ message: String) -> ModelFileError {
    ModelFileError(path: file, keyPath: JSONPathComponent.text(of: path), message: message)
  }

  // MARK: - Containers

  /// The member `key` of this object.
  func member(_ key: String) throws(ModelFileError) -> ModelFileValue {
    guard let member = value.objectValue?[key] else { throw error("missing key \"\(key)\"") }
    return ModelFileValue(value: member, path: path + [.key(key)], file: file)
  }

  /// Checks that this is an object whose keys are all among `keys`.
  func object(keys: [String]) throws(ModelFileError) -> ModelFileValue {
    guard let object = value.objectValue else {
      throw error("expected an object, found \(value.briefDescription)")
    }
    if let unknown = object.keys.first(where: { !keys.contains($0) }) {
      let known = keys.map { "\"\($0)\"" }.joined(separator: ", ")
      throw error("unknown key \"\(unknown)\"; expected one of \(known)")
    }
    return self
  }

  /// The elements of this array, which must have `count` of them when `count` is given.
  func elements(count: Int? = nil) throws(ModelFileError) -> [ModelFileValue] {
    guard let elements = value.arrayValue else {
      throw error("expected an array, found \(value.briefDescription)")
    }
    if let count, elements.count != count {
      throw error("expected \(count) elements, found \(elements.count)")
    }
    return elements.enumerated().map {
      ModelFileValue(value: $1, path: path + [.index($0)], file: file)
    }
  }

  // MARK: - Scalars

  func string() throws(ModelFileError) -> String {
    guard let string = value.stringValue else {
      throw error("expected a string, found \(value.briefDescription)")
    }
    return string
  }

  func strings(count: Int? = nil) throws(ModelFileError) -> [String] {
    var strings: [String] = []
    for element in try elements(count: count) { strings.append(try element.string()) }
    return strings
  }

  func integer(minimum: Int) throws(ModelFileError) -> Int {
    guard let number = value.numberValue, number == number.rounded(), number.magnitude < 0x1p53
    else { throw error("expected a whole number, found \(value.briefDescription)") }
    guard number >= Double(minimum) else {
      throw error("must be at least \(minimum), found \(value.briefDescription)")
    }
    return Int(number)
  }

  func oneOf<Choice: RawRepresentable & CaseIterable>(
    _ type: Choice.Type
  ) throws(ModelFileError) -> Choice where Choice.RawValue == String {
    if let raw = value.stringValue, let choice = Choice(rawValue: raw) { return choice }
    let choices = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    throw error("expected one of \(choices), found \(value.briefDescription)")
  }

  // MARK: - Numbers

  /// `count` finite numbers that fit in `Scalar`.
  func scalars<Scalar: TensorScalar>(count: Int) throws(ModelFileError) -> [Scalar] {
    var scalars: [Scalar] = []
    scalars.reserveCapacity(count)
    for element in try elements(count: count) {
      guard let number = element.value.numberValue, number.isFinite else {
        throw element.error("expected a finite number, found \(element.value.briefDescription)")
      }
      let scalar = Scalar(number)
      guard scalar.isFinite else {
        throw element.error(
          "\(JSONWriter.text(for: number)) does not fit in "
            + ModelFile.precision(of: Scalar.self).rawValue)
      }
      scalars.append(scalar)
    }
    return scalars
  }

  /// A `rows × columns` matrix written as an array of rows, in row-major order.
  func matrix<Scalar: TensorScalar>(rows: Int, columns: Int) throws(ModelFileError) -> [Scalar] {
    let rowValues = try elements()
    guard rowValues.count == rows else {
      throw error("expected \(rows) rows, found \(rowValues.count)")
    }
    var scalars: [Scalar] = []
    scalars.reserveCapacity(rows * columns)
    for row in rowValues { scalars += try row.scalars(count: columns) as [Scalar] }
    return scalars
  }
}
