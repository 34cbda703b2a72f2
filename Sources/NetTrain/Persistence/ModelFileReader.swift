import Autograd

/// Typed reads from a model file's JSON, each failing with a `ModelFileError` that names the
/// file and the key path of the value.
struct ModelFileReader {
  typealias Path = [JSONPathComponent]

  /// The file as the user named it.
  let path: String

  func error(_ message: String, at keyPath: Path) -> ModelFileError {
    ModelFileError(path: path, keyPath: JSONPathComponent.text(of: keyPath), message: message)
  }

  // MARK: - Structure

  /// The top-level object, after checking that it is a model file of this version and holds
  /// no unknown keys.
  func header(_ json: JSONValue) throws(ModelFileError) -> JSONObject {
    guard let root = json.objectValue else {
      throw error("expected a model file (a JSON object), found \(json.briefDescription)", at: [])
    }
    guard let format = root["format"] else {
      throw error("missing key \"format\": this is not a nettrain model file", at: [])
    }
    guard format.stringValue == ModelFile.format else {
      throw error(
        "expected \"\(ModelFile.format)\", found \(format.briefDescription): this is not a "
          + "nettrain model file", at: [.key("format")])
    }
    let version = try member("version", of: root, at: [])
    guard version.numberValue == Double(ModelFile.version) else {
      throw error(
        "this file has model format version \(version.briefDescription); this nettrain reads "
          + "version \(ModelFile.version) only", at: [.key("version")])
    }
    return try object(json, at: [], keys: ModelFile.keys)
  }

  /// The member `key` of `object` (which sits at `path`).
  func member(_ key: String, of object: JSONObject, at path: Path) throws(ModelFileError) -> JSONValue {
    guard let value = object[key] else { throw error("missing key \"\(key)\"", at: path) }
    return value
  }

  /// `value` as an object whose keys are all among `keys`.
  func object(_ value: JSONValue, at path: Path, keys: [String]) throws(ModelFileError) -> JSONObject {
    guard let object = value.objectValue else {
      throw error("expected an object, found \(value.briefDescription)", at: path)
    }
    if let unknown = object.keys.first(where: { !keys.contains($0) }) {
      throw error(
        "unknown key \"\(unknown)\"; expected one of " + keys.map { "\"\($0)\"" }.joined(separator: ", "),
        at: path)
    }
    return object
  }

  func array(_ value: JSONValue, at path: Path, count: Int? = nil) throws(ModelFileError) -> [JSONValue] {
    guard let elements = value.arrayValue else {
      throw error("expected an array, found \(value.briefDescription)", at: path)
    }
    if let count, elements.count != count {
      throw error("expected \(count) elements, found \(elements.count)", at: path)
    }
    return elements
  }

  // MARK: - Scalars

  func string(_ value: JSONValue, at path: Path) throws(ModelFileError) -> String {
    guard let string = value.stringValue else {
      throw error("expected a string, found \(value.briefDescription)", at: path)
    }
    return string
  }

  func strings(_ value: JSONValue, at path: Path, count: Int? = nil) throws(ModelFileError) -> [String] {
    var strings: [String] = []
    for (index, element) in try array(value, at: path, count: count).enumerated() {
      strings.append(try string(element, at: path + [.index(index)]))
    }
    return strings
  }

  func integer(_ value: JSONValue, at path: Path, minimum: Int) throws(ModelFileError) -> Int {
    guard let number = value.numberValue, number == number.rounded(), number.magnitude < 0x1p53
    else { throw error("expected a whole number, found \(value.briefDescription)", at: path) }
    guard number >= Double(minimum) else {
      throw error("must be at least \(minimum), found \(value.briefDescription)", at: path)
    }
    return Int(number)
  }

  func oneOf<Choice: RawRepresentable & CaseIterable>(
    _ type: Choice.Type, _ value: JSONValue, at path: Path
  ) throws(ModelFileError) -> Choice where Choice.RawValue == String {
    if let raw = value.stringValue, let choice = Choice(rawValue: raw) { return choice }
    let choices = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    throw error("expected one of \(choices), found \(value.briefDescription)", at: path)
  }

  // MARK: - Numbers

  /// `count` finite numbers that fit in `Scalar`.
  func scalars<Scalar: TensorScalar>(
    _ value: JSONValue, at path: Path, count: Int
  ) throws(ModelFileError) -> [Scalar] {
    var scalars: [Scalar] = []
    scalars.reserveCapacity(count)
    for (index, element) in try array(value, at: path, count: count).enumerated() {
      guard let number = element.numberValue, number.isFinite else {
        throw error(
          "expected a finite number, found \(element.briefDescription)", at: path + [.index(index)])
      }
      let scalar = Scalar(number)
      guard scalar.isFinite else {
        throw error(
          "\(JSONWriter.text(for: number)) does not fit in "
            + ModelFile.precision(of: Scalar.self).rawValue, at: path + [.index(index)])
      }
      scalars.append(scalar)
    }
    return scalars
  }

  /// A `rows × columns` matrix written as an array of rows, in row-major order.
  func matrix<Scalar: TensorScalar>(
    _ value: JSONValue, at path: Path, rows: Int, columns: Int
  ) throws(ModelFileError) -> [Scalar] {
    let rowValues = try array(value, at: path)
    guard rowValues.count == rows else {
      throw error("expected \(rows) rows, found \(rowValues.count)", at: path)
    }
    var scalars: [Scalar] = []
    for (index, row) in rowValues.enumerated() {
      scalars += try self.scalars(row, at: path + [.index(index)], count: columns) as [Scalar]
    }
    return scalars
  }
}
