/// Whether operations record themselves in the graph. A scoped, task-local flag: never global.
public enum GradMode {
  @TaskLocal public static var isRecording = true
}

/// Runs `body` with recording off: ops compute values and record nothing (PyTorch's `no_grad`).
@inlinable
public func withoutGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
  try GradMode.$isRecording.withValue(false, operation: body)
}

/// Runs `body` with recording on, even inside a `withoutGrad` scope.
@inlinable
public func withGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
  try GradMode.$isRecording.withValue(true, operation: body)
}
