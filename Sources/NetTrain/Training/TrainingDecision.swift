/// What the per-epoch callback wants next.
public enum TrainingDecision: Sendable {
  /// Go on with the next epoch.
  case `continue`
  /// Stop now, keeping the parameters as they are after this epoch.
  case stop
}
