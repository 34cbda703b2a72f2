extension SGD {
  /// An optimizer with a config's SGD settings, rounded to `Scalar`.
  public init(_ config: SGDConfig) {
    self.init(
      learningRate: Scalar(config.learningRate), momentum: Scalar(config.momentum),
      nesterov: config.nesterov, weightDecay: Scalar(config.weightDecay))
  }
}
