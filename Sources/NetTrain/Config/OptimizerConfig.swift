/// The optimizer a config asks for: the config's `optimizer`, chosen by its `name`. Further
/// optimizers are further cases.
public enum OptimizerConfig: Equatable, Sendable {
  /// Stochastic gradient descent with optional momentum and weight decay.
  case sgd(SGDConfig)

  /// The value of `optimizer.name`.
  public enum Name: String, CaseIterable, Sendable {
    /// See `OptimizerConfig.sgd`.
    case sgd
  }

  /// The default: SGD with its default settings.
  public static let `default` = OptimizerConfig.sgd(SGDConfig())

  /// Which optimizer this is.
  public var name: Name {
    switch self {
    case .sgd: .sgd
    }
  }

  // MARK: - Reading and writing

  init(reading value: ConfigValue) throws(ConfigError) {
    // Only SGD so far: its keys are all the keys. A second optimizer reads `name` first and
    // then checks the keys of that optimizer.
    let object = try value.object(keys: SGDConfig.keys)
    switch try object.optional("name")?.oneOf(Name.self) ?? .sgd {
    case .sgd: self = .sgd(try SGDConfig(reading: object))
    }
  }

  /// The `optimizer` object with every default written out.
  var json: JSONValue {
    switch self {
    case .sgd(let settings):
      let name: (key: String, value: JSONValue) = (key: "name", value: .string(name.rawValue))
      return .object(JSONObject([name] + settings.jsonMembers))
    }
  }
}
