import Foundation

/// Where a run's data comes from and which columns it uses: the config's `data`.
public struct DataConfig: Equatable, Sendable {
  /// The training CSV.
  public internal(set) var train: ConfigPath
  /// The CSV that `eval CONFIG` scores by default, if any.
  public internal(set) var test: ConfigPath?
  /// How validation rows are found.
  public internal(set) var validation: Validation
  /// The feature columns in order; nil means every column but the target.
  public internal(set) var features: [String]?
  /// The column to predict.
  public internal(set) var target: String
  /// Whether features (and regression targets) are z-scored with the training statistics.
  public internal(set) var standardize: Bool

  /// Where validation rows come from: the config's `data.validation`.
  public enum Validation: Equatable, Sendable {
    /// No validation set.
    case none
    /// This fraction of the training rows, 0 < f < 1, held out by a seeded shuffle.
    case fraction(Double)
    /// A separate CSV.
    case file(ConfigPath)
  }

  static let keys = ["train", "test", "validation", "features", "target", "standardize"]

  // MARK: - Reading and writing

  init(reading value: ConfigValue, folder: URL) throws(ConfigError) {
    let object = try value.object(keys: DataConfig.keys)
    let trainPath = try object.required("train", hint: "the path of the training CSV")
      .nonEmptyString()
    train = ConfigPath(trainPath, relativeTo: folder)
    test = try object.optionalNullable("test").map { (member) throws(ConfigError) in
      ConfigPath(try member.nonEmptyString(), relativeTo: folder)
    }
    validation = try object.optionalNullable("validation").map { (member) throws(ConfigError) in
      try DataConfig.validation(reading: member, folder: folder)
    } ?? .none
    let target = try object.required("target", hint: "the name of the column to predict")
      .nonEmptyString()
    self.target = target
    features = try object.optionalNullable("features").map { (member) throws(ConfigError) in
      try DataConfig.features(reading: member, target: target)
    }
    standardize = try object.optional("standardize")?.bool() ?? true
  }

  private static func validation(
    reading value: ConfigValue, folder: URL
  ) throws(ConfigError) -> Validation {
    switch value.value {
    case .number(let fraction):
      guard fraction > 0, fraction < 1 else {
        throw value.error(
          "a fraction must be greater than 0 and less than 1, found "
            + value.value.briefDescription)
      }
      return .fraction(fraction)
    case .string:
      return .file(ConfigPath(try value.nonEmptyString(), relativeTo: folder))
    default:
      throw value.typeError(expected: "a fraction of the training rows or the path of a CSV")
    }
  }

  private static func features(
    reading value: ConfigValue, target: String
  ) throws(ConfigError) -> [String] {
    let elements = try value.array(of: "column names")
    if elements.isEmpty { throw value.error("must name at least one column") }
    var names: [String] = []
    for element in elements {
      let name = try element.nonEmptyString()
      if names.contains(name) {
        throw element.error("column \(JSONWriter.quoted(name)) is listed twice")
      }
      if name == target {
        throw element.error("the target column \(JSONWriter.quoted(name)) cannot also be a feature")
      }
      names.append(name)
    }
    return names
  }

  /// The `data` object with every default written out; paths relative to `folder` when given.
  func json(pathsRelativeTo folder: URL?) -> JSONValue {
    let validationJSON: JSONValue
    switch validation {
    case .none: validationJSON = .null
    case .fraction(let fraction): validationJSON = .number(fraction)
    case .file(let path): validationJSON = .string(path.text(relativeTo: folder))
    }
    return [
      "train": .string(train.text(relativeTo: folder)),
      "test": test.map { .string($0.text(relativeTo: folder)) } ?? .null,
      "validation": validationJSON,
      "features": features.map { .array($0.map(JSONValue.string)) } ?? .null,
      "target": .string(target),
      "standardize": .bool(standardize),
    ]
  }
}
