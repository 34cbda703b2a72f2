extension TrainingOptions {
  /// The options a config's `training` gives.
  public init(_ config: TrainingConfig) {
    self.init(
      epochs: config.epochs, batchSize: config.batchSize, shuffle: config.shuffle,
      seed: config.seed)
  }
}
