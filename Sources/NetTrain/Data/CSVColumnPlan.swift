/// Which columns of a CSV file a caller wants, by header name.
struct CSVColumnRequest: Sendable {
  /// Feature columns in the order wanted; nil for every column but the target, in file order.
  var features: [String]?
  /// The target column, if any.
  var target: String?
  /// Whether a missing target column is an error; when false the data just has no target.
  var targetRequired: Bool
}

/// The header of a file checked and matched against a request: what each field of a row is
/// for. Field indices are 0-based here; messages show them 1-based.
struct CSVColumnPlan {
  /// What one used field of a row becomes.
  enum Role: Equatable {
    /// The feature at this position of `featureNames`.
    case feature(Int)
    case target
  }

  let header: [String]
  let featureNames: [String]
  /// The field index of each feature, in feature order.
  let featureFields: [Int]
  /// The field index of the target, when there is one.
  let targetField: Int?
  /// Every used field with its role, in file order, so that a row's first bad field is the
  /// one reported.
  let usedFields: [(field: Int, role: Role)]

  /// Checks `header` (no empty or duplicate names) and finds the requested columns in it.
  init(header: [String], request: CSVColumnRequest, path: String, line: Int) throws {
    try Self.checkNames(header, path: path, line: line)
    let lookup = Lookup(header: header, path: path, line: line)
    var targetField: Int? = nil
    if let target = request.target {
      if let features = request.features, features.contains(target) {
        throw CSVError(
          path: path,
          message: "column \(CSVError.quoted(target)) is the target and cannot also be a feature")
      }
      if request.targetRequired || header.contains(target) {
        targetField = try lookup.field(named: target, wantedAs: "the target")
      }
    }
    let featureFields: [Int]
    if let features = request.features {
      try Self.checkUnique(features, path: path)
      featureFields = try features.map { try lookup.field(named: $0, wantedAs: "a feature") }
    } else {
      featureFields = header.indices.filter { $0 != targetField }
    }
    if featureFields.isEmpty {
      let why =
        request.features == nil ? "the file has no column but the target" : "none were requested"
      throw CSVError(path: path, message: "no feature columns: \(why)")
    }
    var usedFields = featureFields.enumerated().map {
      (field: $0.element, role: Role.feature($0.offset))
    }
    if let targetField { usedFields.append((targetField, .target)) }
    usedFields.sort { $0.field < $1.field }

    self.header = header
    self.featureNames = featureFields.map { header[$0] }
    self.featureFields = featureFields
    self.targetField = targetField
    self.usedFields = usedFields
  }

  /// Every column needs a name, and names must be unique so that one picks one column.
  private static func checkNames(_ header: [String], path: String, line: Int) throws {
    var firstField: [String: Int] = [:]
    for (field, name) in header.enumerated() {
      if name.allSatisfy({ $0 == " " || $0 == "\t" }) {
        throw CSVError(
          path: path, line: line, column: field + 1,
          message: "column \(field + 1) has no name in the header; every column needs one")
      }
      if let first = firstField[name] {
        throw CSVError(
          path: path, line: line, column: field + 1,
          message: "duplicate column name \(CSVError.quoted(name)) "
            + "(fields \(first + 1) and \(field + 1)); column names must be unique")
      }
      firstField[name] = field
    }
  }

  private static func checkUnique(_ features: [String], path: String) throws {
    var seen: Set<String> = []
    for name in features where !seen.insert(name).inserted {
      throw CSVError(
        path: path, message: "feature column \(CSVError.quoted(name)) is requested twice")
    }
  }
}

// MARK: - Finding columns by name

extension CSVColumnPlan {
  /// Finds header names, and explains a miss with the nearest name and the full list.
  private struct Lookup {
    let header: [String]
    let path: String
    let line: Int
    let fieldOfName: [String: Int]

    init(header: [String], path: String, line: Int) {
      self.header = header
      self.path = path
      self.line = line
      fieldOfName = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
    }

    func field(named name: String, wantedAs role: String) throws -> Int {
      if let field = fieldOfName[name] { return field }
      var message = "no column named \(CSVError.quoted(name)) (wanted as \(role))"
      if let suggestion = NameSuggestion.closest(to: name, in: header) {
        message += "; did you mean \(CSVError.quoted(suggestion))?"
      } else {
        message += "."
      }
      message += " The columns are: " + Self.list(header)
      throw CSVError(path: path, line: line, message: message)
    }

    /// The names, quoted, cut after twelve with a count of the rest.
    private static func list(_ names: [String]) -> String {
      let shown = names.prefix(12).map { CSVError.quoted($0) }.joined(separator: ", ")
      return names.count > 12 ? "\(shown), … (\(names.count) in all)" : shown
    }
  }
}
