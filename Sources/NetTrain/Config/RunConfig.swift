import Foundation

/// A training run as a config file describes it, decoded into types at the boundary: nothing
/// inward sees the JSON. See the "config" section of the spec for the file format.
///
/// ```swift
/// var config = try RunConfig.load(from: URL(fileURLWithPath: "configs/house.json"))
/// config.training.epochs = 10                     // a command-line override
/// let task = try config.resolvedTask(labelCount: labels.count)   // nil for regression
/// let json = config.resolvedJSON(task: task)      // for runs/NAME/config.json
/// ```
public struct RunConfig: Equatable, Sendable {
  /// The config file as the user named it, for error messages. Not part of equality.
  public let file: String
  /// The run's name, used for `runs/NAME/`; defaults to the config file's name.
  public internal(set) var name: String
  /// What the run predicts; nil only for a `logistic` model whose config leaves it to the
  /// data (binary for two labels, multiclass for more): see `resolvedTask(labelCount:)`.
  public internal(set) var task: Task?
  /// Where the data comes from.
  public internal(set) var data: DataConfig
  /// The architecture.
  public internal(set) var model: ModelConfig
  /// The loss; nil exactly when `task` is.
  public internal(set) var loss: Loss?
  /// The optimizer and its settings.
  public internal(set) var optimizer: OptimizerConfig
  /// Epochs, batches, shuffling and seed; the command line may change them.
  public var training: TrainingConfig
  /// The floating-point type to train in.
  public internal(set) var precision: Precision

  /// Two configs are equal when they describe the same run, whichever file they came from.
  public static func == (lhs: RunConfig, rhs: RunConfig) -> Bool {
    lhs.name == rhs.name && lhs.task == rhs.task && lhs.data == rhs.data
      && lhs.model == rhs.model && lhs.loss == rhs.loss && lhs.optimizer == rhs.optimizer
      && lhs.training == rhs.training && lhs.precision == rhs.precision
  }

  static let keys = [
    "name", "task", "data", "model", "loss", "optimizer", "training", "precision",
  ]

  // MARK: - Loading

  /// The config in the file at `url`; paths in it are resolved against the file's folder.
  /// - Throws: `ConfigError` for a missing or unreadable file, invalid JSON (with its line and
  ///   column), or a key that is unknown, of the wrong type, out of range or missing.
  public static func load(from url: URL) throws(ConfigError) -> RunConfig {
    let file = url.relativePath
    return try decode(
      readBytes(of: url, file: file), file: file, folder: url.deletingLastPathComponent())
  }

  /// The config in the UTF-8 text `bytes` of the file `file` in `folder`.
  static func decode(_ bytes: [UInt8], file: String, folder: URL) throws(ConfigError) -> RunConfig {
    let document: JSONDocument
    do {
      document = try JSONParser.parseDocument(bytes, path: file)
    } catch {
      throw ConfigError(error)
    }
    let root = ConfigValue(
      value: document.root, path: [], source: ConfigSource(file: file, document: document))
    return try RunConfig(reading: root, folder: folder, defaultName: defaultName(of: file))
  }

  /// The config in `json`, as if read from the file `file` in `folder` (the resolved config
  /// stored in a model file, or a test). Errors name `file` and the key path, without a line.
  public init(json: JSONValue, file: String, folder: URL) throws(ConfigError) {
    let root = ConfigValue(value: json, path: [], source: ConfigSource(file: file, document: nil))
    try self.init(reading: root, folder: folder, defaultName: RunConfig.defaultName(of: file))
  }

  /// The config file's name without its folder and extension: `configs/house.json` → `house`.
  private static func defaultName(of file: String) -> String {
    URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
  }

  private static func readBytes(of url: URL, file: String) throws(ConfigError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw ConfigError(file: file, message: "no such config file")
    }
    if isDirectory.boolValue {
      throw ConfigError(file: file, message: "is a directory, not a config file")
    }
    guard let data = try? Data(contentsOf: url) else {
      throw ConfigError(file: file, message: "cannot read the config file (permissions?)")
    }
    return [UInt8](data)
  }

  // MARK: - Decoding

  private init(reading root: ConfigValue, folder: URL, defaultName: String) throws(ConfigError) {
    let object = try root.object(keys: RunConfig.keys)
    file = root.source.file
    name = try RunConfig.name(reading: object.optional("name"), default: defaultName, in: object)
    task = try object.optional("task")?.oneOf(Task.self)
    data = try DataConfig(
      reading: object.required("data", hint: "an object with at least \"train\" and \"target\""),
      folder: folder)
    model = try ModelConfig(
      reading: object.required("model", hint: "e.g. {\"type\": \"linear\"}"))
    loss = try object.optional("loss")?.oneOf(Loss.self)
    optimizer = try object.optional("optimizer").map(OptimizerConfig.init) ?? .default
    training = try object.optional("training").map(TrainingConfig.init) ?? TrainingConfig()
    precision = try object.optional("precision")?.oneOf(Precision.self) ?? .float64
    try resolveTaskAndLoss(in: object)
  }

  /// A name for `runs/NAME/`: one folder name, never a path that climbs out of `runs/`.
  private static func name(
    reading value: ConfigValue?, default defaultName: String, in object: ConfigObject
  ) throws(ConfigError) -> String {
    let name = try value?.nonEmptyString() ?? defaultName
    let isSafe =
      !name.isEmpty && name != "." && name != ".."
      && !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 }
    guard isSafe else {
      let message =
        "must be usable as a folder name (no \"/\" or \"\\\", not \".\" or \"..\"), found "
        + JSONWriter.quoted(name)
      throw value?.error(message) ?? object.missing("name", message: message)
    }
    return name
  }
}
