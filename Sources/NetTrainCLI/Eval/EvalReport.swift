import NetTrain

/// What `nettrain eval` prints: which model was scored on which rows, and its scores.
struct EvalReport {
  /// The model file as the user named it (or as `eval CONFIG` found it).
  let modelPath: String
  /// The data file; for a validation split, the training file it was taken from.
  let dataPath: String
  /// Whether the rows are the validation fraction of `dataPath` rather than all of it.
  let isValidationSplit: Bool
  /// The number of rows scored.
  let rows: Int
  let task: TaskKind
  let targetName: String
  /// The class labels in index order; empty for regression.
  let classLabels: [String]
  /// Whether the loss of a regression model is in standardised units.
  let standardizesTarget: Bool
  let evaluation: Evaluation

  /// `MODEL on DATA: N rows, TASK of "TARGET"`.
  var headline: String {
    let data = dataPath + (isValidationSplit ? " (validation split)" : "")
    let what = task == .regression ? "regression" : "\(task.name) classification"
    let count = rows == 1 ? "1 row" : "\(rows) rows"
    return "\(modelPath) on \(data): \(count), \(what) of \(JSONWriter.quoted(targetName))"
  }

  /// The name of the loss with what it is measured in: `mse, standardized target`.
  var lossName: String {
    let name = task.loss.rawValue
    return standardizesTarget ? "\(name), standardized target" : name
  }
}
