import Foundation

// MARK: - Task and loss

extension RunConfig {
  /// Applies the rules that tie `task`, `model` and `loss` together, filling in what they
  /// imply: linear → regression; logistic → binary or multiclass (from `loss` if given, else
  /// later from the data); mlp → `task` required; `loss` must belong to the task.
  mutating func resolveTaskAndLoss(in object: ConfigObject) throws(ConfigError) {
    let taskValue = object.optional("task")
    let lossValue = object.optional("loss")
    if let task, !model.allows(task), let taskValue {
      throw taskValue.error(RunConfig.mismatch(model: model, task: task))
    }
    switch model {
    case .linear: task = task ?? .regression
    case .logistic:
      if task == nil, let loss, let lossValue {
        guard model.allows(loss.task) else {
          throw lossValue.error(
            "\"\(loss.rawValue)\" does not fit a \"logistic\" model, which uses \"bce\" "
              + "(binary) or \"cross_entropy\" (multiclass)")
        }
        task = loss.task
      }
    case .mlp:
      if task == nil {
        throw object.missing(
          "task",
          message: "required for an \"mlp\" model: \"regression\", \"binary\" or \"multiclass\"")
      }
    }
    if let task, let loss, loss != task.loss, let lossValue {
      throw lossValue.error(
        "\"\(loss.rawValue)\" does not fit the \(task.rawValue) task, which uses "
          + "\"\(task.loss.rawValue)\"")
    }
    loss = task?.loss
  }

  private static func mismatch(model: ModelConfig, task: Task) -> String {
    switch model {
    case .linear:
      return "a \"linear\" model does regression, found \"\(task.rawValue)\"; "
        + "use \"logistic\" or \"mlp\" to classify"
    case .logistic:
      return "a \"logistic\" model classifies (\"binary\" or \"multiclass\"), found "
        + "\"\(task.rawValue)\"; use \"linear\" or \"mlp\" for regression"
    case .mlp:
      preconditionFailure("an mlp model allows every task, yet refused \(task)")
    }
  }

  /// The task of the run once the data is known: the config's task, or for a `logistic` model
  /// that leaves it open, binary for two labels and multiclass for more.
  /// - Parameter labelCount: the number of distinct target labels in the training data; nil for
  ///   a regression target.
  /// - Throws: `ConfigError` when the labels cannot be classified as the task says: fewer than
  ///   two, or other than two for a binary task.
  public func resolvedTask(labelCount: Int?) throws(ConfigError) -> Task {
    let task = self.task ?? ((labelCount ?? 0) > 2 ? .multiclass : .binary)
    guard task != .regression else { return task }
    let labels = labelCount ?? 0
    let column = JSONWriter.quoted(data.target)
    if labels < 2 {
      throw ConfigError(
        file: file, keyPath: "data.target",
        message: "classification needs at least 2 labels in column \(column), found \(labels)")
    }
    if task == .binary, labels != 2 {
      throw ConfigError(
        file: file, keyPath: "task",
        message: "a binary task needs exactly 2 labels in column \(column), found \(labels); "
          + "use task \"multiclass\" (loss \"cross_entropy\")")
    }
    return task
  }

  /// This config with `task` and its loss filled in.
  /// - Precondition: `task` is what `resolvedTask(labelCount:)` returned.
  public func resolved(task: Task) -> RunConfig {
    precondition(
      model.allows(task) && (self.task == nil || self.task == task),
      "task \(task) for a \(model.kind) model configured as \(String(describing: self.task))")
    var config = self
    config.task = task
    config.loss = task.loss
    return config
  }

  /// The config with every default filled in and `task` resolved, for `runs/NAME/config.json`
  /// and model files. Decoding it again gives an equal config.
  /// - Parameter folder: where the JSON will be stored; relative paths are rewritten to name
  ///   the same files from there. Nil keeps them as the user wrote them.
  public func resolvedJSON(task: Task, pathsRelativeTo folder: URL? = nil) -> JSONValue {
    resolved(task: task).json(pathsRelativeTo: folder)
  }

  /// The config as JSON with every default written out (`task` and `loss` only when known).
  public func json(pathsRelativeTo folder: URL? = nil) -> JSONValue {
    var object: JSONObject = ["name": .string(name)]
    if let task { object["task"] = .string(task.rawValue) }
    object["data"] = data.json(pathsRelativeTo: folder)
    object["model"] = model.json
    if let loss { object["loss"] = .string(loss.rawValue) }
    object["optimizer"] = optimizer.json
    object["training"] = training.json
    object["precision"] = .string(precision.rawValue)
    return .object(object)
  }
}
