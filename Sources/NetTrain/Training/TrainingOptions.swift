import Autograd

/// How a `Trainer` runs: how long, in what batches, in what order.
public struct TrainingOptions: Equatable, Sendable {
  /// The number of passes over the training rows.
  public var epochs: Int
  /// The rows per minibatch; the last batch of an epoch keeps the rows left over.
  public var batchSize: Int
  /// Whether to reshuffle the rows every epoch; otherwise batches follow the row order.
  public var shuffle: Bool
  /// Seeds the shuffling: epoch `k` uses the `k`-th `permutation(rows)` drawn from
  /// `SeededGenerator(seed: seed)`.
  public var seed: UInt64
  /// The most threads a step may use (for large matrix products only); the results are the
  /// same, to the bit, for every thread count.
  public var threads: Int

  /// Options for `epochs` passes in batches of `batchSize`.
  public init(
    epochs: Int, batchSize: Int, shuffle: Bool = true, seed: UInt64 = 0,
    threads: Int = Kernels.availableThreads
  ) {
    precondition(epochs >= 0, "\(epochs) epochs")
    precondition(batchSize > 0, "batch size \(batchSize)")
    precondition(threads > 0, "\(threads) threads")
    self.threads = threads
    self.epochs = epochs
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.seed = seed
  }
}
