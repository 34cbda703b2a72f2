/// How a training run ended.
public enum TrainingOutcome: Equatable, Sendable {
  /// Every epoch ran.
  case completed
  /// The per-epoch callback asked to stop after `epoch` (whose report is in the history).
  case stopped(afterEpoch: Int)
  /// The interruption check fired during `epoch`, between two steps; the parameters are
  /// those after the last finished step and the history ends at the epoch before.
  case interrupted(epoch: Int)
  /// A loss (or a parameter) became NaN or infinite during `epoch`; the parameters were
  /// restored to the end of the epoch before (or to their initial values).
  case diverged(epoch: Int)
}

/// The history and the outcome of a training run.
public struct TrainingResult: Equatable, Sendable {
  /// One report per finished epoch, in order.
  public var history: [EpochReport]
  /// Why training ended.
  public var outcome: TrainingOutcome
  /// The seconds of the run spent compiling its steps (recording a step for each batch size
  /// and building its program), which the epochs' `seconds` include.
  public var compileSeconds: Double

  /// A result with the given history and outcome.
  public init(history: [EpochReport], outcome: TrainingOutcome, compileSeconds: Double = 0) {
    self.history = history
    self.outcome = outcome
    self.compileSeconds = compileSeconds
  }

  /// Whether the run ended by divergence.
  public var diverged: Bool {
    if case .diverged = outcome { return true }
    return false
  }
}
