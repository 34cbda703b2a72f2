/// The independent random streams of one run, all derived from the config's `training.seed`.
///
/// `SeededGenerator(seed: training.seed)` draws three 64-bit seeds in this order: weight
/// initialisation, the validation split, the per-epoch shuffles. Separate streams keep, say,
/// the split from changing when the model's size changes the number of draws for weights.
public struct RunSeeds: Equatable, Sendable {
  public let initialization: UInt64
  public let validationSplit: UInt64
  public let shuffling: UInt64

  /// The streams of a run with `seed`.
  public init(seed: UInt64) {
    var root = SeededGenerator(seed: seed)
    initialization = root.next()
    validationSplit = root.next()
    shuffling = root.next()
  }
}
