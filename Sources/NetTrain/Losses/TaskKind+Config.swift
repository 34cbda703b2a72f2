extension TaskKind {
  /// The task a config's resolved `task` names, for a target with `classCount` labels
  /// (ignored for regression).
  public init(_ task: RunConfig.Task, classCount: Int) {
    switch task {
    case .regression: self = .regression
    case .binary: self = .binary
    case .multiclass: self = .multiclass(classes: classCount)
    }
  }
}
