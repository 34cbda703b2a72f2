import Foundation

/// The folder a `fit` run writes: `loss.csv`, `model.json`, `config.json` and
/// `summary.json`, each written to a temporary name and renamed into place.
public struct RunFolder: Sendable {
  /// The folder itself.
  public let url: URL

  public init(_ url: URL) { self.url = url }

  public var lossCurve: URL { url.appendingPathComponent("loss.csv") }
  public var model: URL { url.appendingPathComponent("model.json") }
  public var config: URL { url.appendingPathComponent("config.json") }
  public var summary: URL { url.appendingPathComponent("summary.json") }

  /// Writes every file of a finished (or stopped) run.
  /// - Parameter loadSeconds: the time spent reading and checking the data.
  public func write<Scalar>(_ result: FitResult<Scalar>, of data: RunData, loadSeconds: Double)
    throws
  {
    try AtomicFile.makeFolder(url)
    let task = data.config.task ?? .regression
    // config.json runs again from the run folder, so its paths lead from there; the model
    // keeps them as written, so that its bytes do not depend on where --out put it.
    let runnableConfig = data.config.resolvedJSON(task: task, pathsRelativeTo: url)
    let modelConfig = data.config.resolvedJSON(task: task)
    let writer = JSONWriter()
    try AtomicFile.write(result.curve.csvText, to: lossCurve)
    try AtomicFile.write(to: model) {  // streamed: the weights never sit in memory as text
      writer.write(result.model.outline(config: modelConfig), to: &$0)
    }
    try AtomicFile.write(writer.string(for: runnableConfig), to: config)
    try AtomicFile.write(
      writer.string(for: Self.summary(result, data, loadSeconds: loadSeconds)), to: summary)
  }

  /// Timing and final losses in a machine-readable form (benchmarks read it).
  static func summary<Scalar>(_ result: FitResult<Scalar>, _ data: RunData, loadSeconds: Double)
    -> JSONValue
  {
    let last = result.training.history.last
    let optional = { (value: Double?) in value.map(JSONValue.number) ?? .null }
    return [
      "name": .string(data.config.name),
      "outcome": .string(result.training.outcome.name),
      "epochs": .number(Double(result.training.history.count)),
      "steps": .number(Double(result.steps)),
      "training_rows": .number(Double(data.training.count)),
      "validation_rows": .number(Double(data.validation?.count ?? 0)),
      "load_seconds": .number(loadSeconds),
      "train_seconds": .number(result.trainSeconds),
      "compile_seconds": .number(result.compileSeconds),
      "final_train_loss": optional(last?.trainingLoss),
      "final_validation_loss": optional(last?.validationLoss),
    ]
  }
}

extension TrainingOutcome {
  /// `completed`, `stopped`, `interrupted` or `diverged`.
  public var name: String {
    switch self {
    case .completed: "completed"
    case .stopped: "stopped"
    case .interrupted: "interrupted"
    case .diverged: "diverged"
    }
  }
}
