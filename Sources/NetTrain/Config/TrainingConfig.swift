/// How long and in what order a run trains: the config's `training`. The command line may
/// override `epochs` and `seed` after loading.
public struct TrainingConfig: Equatable, Sendable {
  /// Passes over the training rows, ≥ 1.
  public var epochs: Int
  /// Rows per minibatch, ≥ 1 (a batch larger than the data is the whole data).
  public var batchSize: Int
  /// Whether rows are reshuffled (seeded) before each epoch.
  public var shuffle: Bool
  /// Fixes initialisation, the validation split and shuffling; at most `maximumSeed`.
  public var seed: UInt64

  /// The largest seed (and number of epochs) a config can hold: 2^53 − 1, the largest integer
  /// a JSON number (a Double) holds exactly. The command line must refuse larger values.
  public static let maximumSeed = UInt64(ConfigValue.largestExactInteger)

  /// Training settings; the defaults are those of a config that leaves them out.
  public init(epochs: Int = 50, batchSize: Int = 32, shuffle: Bool = true, seed: UInt64 = 0) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.seed = seed
  }

  static let keys = ["epochs", "batch_size", "shuffle", "seed"]

  // MARK: - Reading and writing

  init(reading value: ConfigValue) throws(ConfigError) {
    let object = try value.object(keys: TrainingConfig.keys)
    self.init()
    if let member = object.optional("epochs") { epochs = try member.integer(minimum: 1) }
    if let member = object.optional("batch_size") { batchSize = try member.integer(minimum: 1) }
    if let member = object.optional("shuffle") { shuffle = try member.bool() }
    if let member = object.optional("seed") { seed = UInt64(try member.integer(minimum: 0)) }
  }

  /// The `training` object with every default written out.
  var json: JSONValue {
    precondition(
      (1...ConfigValue.largestExactInteger).contains(epochs)
        && (1...ConfigValue.largestExactInteger).contains(batchSize)
        && seed <= TrainingConfig.maximumSeed,
      "training settings out of range: epochs \(epochs), batch size \(batchSize), seed \(seed)")
    return [
      "epochs": .number(Double(epochs)),
      "batch_size": .number(Double(batchSize)),
      "shuffle": .bool(shuffle),
      "seed": .number(Double(seed)),
    ]
  }
}
