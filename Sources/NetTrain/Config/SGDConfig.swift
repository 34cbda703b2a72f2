/// Settings of stochastic gradient descent, as in PyTorch's `torch.optim.SGD`.
public struct SGDConfig: Equatable, Sendable {
  /// The step size, > 0.
  public internal(set) var learningRate: Double
  /// The momentum coefficient, 0 ≤ m < 1; 0 is plain SGD.
  public internal(set) var momentum: Double
  /// Whether to use Nesterov momentum (requires `momentum > 0`).
  public internal(set) var nesterov: Bool
  /// The L2 penalty coefficient added to each gradient, ≥ 0.
  public internal(set) var weightDecay: Double

  /// SGD with these settings; the defaults are PyTorch's, with a learning rate of 0.01.
  public init(
    learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false,
    weightDecay: Double = 0
  ) {
    precondition(learningRate > 0, "SGD learning rate \(learningRate)")
    precondition(momentum >= 0 && momentum < 1, "SGD momentum \(momentum)")
    precondition(!nesterov || momentum > 0, "Nesterov SGD needs momentum, found \(momentum)")
    precondition(weightDecay >= 0, "SGD weight decay \(weightDecay)")
    self.learningRate = learningRate
    self.momentum = momentum
    self.nesterov = nesterov
    self.weightDecay = weightDecay
  }

  static let keys = ["name", "learning_rate", "momentum", "nesterov", "weight_decay"]

  // MARK: - Reading and writing

  init(reading object: ConfigObject) throws(ConfigError) {
    let defaults = SGDConfig()
    var learningRate = defaults.learningRate
    if let member = object.optional("learning_rate") {
      learningRate = try member.number()
      if learningRate <= 0 {
        throw member.error("must be greater than 0, found \(member.value.briefDescription)")
      }
    }
    var momentum = defaults.momentum
    if let member = object.optional("momentum") {
      momentum = try member.number()
      if momentum < 0 || momentum >= 1 {
        throw member.error(
          "must be at least 0 and less than 1, found \(member.value.briefDescription)")
      }
    }
    let nesterov = try object.optional("nesterov")?.bool() ?? defaults.nesterov
    if nesterov, momentum == 0, let member = object.optional("nesterov") {
      throw member.error("Nesterov momentum needs \"momentum\" greater than 0, found 0")
    }
    var weightDecay = defaults.weightDecay
    if let member = object.optional("weight_decay") {
      weightDecay = try member.number()
      if weightDecay < 0 {
        throw member.error("must be at least 0, found \(member.value.briefDescription)")
      }
    }
    self.init(
      learningRate: learningRate, momentum: momentum, nesterov: nesterov, weightDecay: weightDecay)
  }

  /// The settings as `optimizer` members, after `name`.
  var jsonMembers: [(key: String, value: JSONValue)] {
    [
      (key: "learning_rate", value: .number(learningRate)),
      (key: "momentum", value: .number(momentum)),
      (key: "nesterov", value: .bool(nesterov)),
      (key: "weight_decay", value: .number(weightDecay)),
    ]
  }
}
