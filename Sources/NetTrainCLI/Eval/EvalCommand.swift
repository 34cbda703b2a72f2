import Foundation
import NetTrain

/// `nettrain eval CONFIG [--data CSV] [--out DIR] [--json]` and
/// `nettrain eval --model MODEL.json --data CSV [--json]`: a trained model's scores on rows
/// with known targets.
struct EvalCommand: Command {
  let name = "eval"
  let summary = "Score a trained model on a CSV: loss, errors or accuracy and per-class scores."
  let usage = """
    nettrain eval CONFIG [--data CSV] [--out DIR] [--json]
           nettrain eval --model MODEL.json --data CSV [--json]
    """

  let positionals = [
    Positional(
      "CONFIG", help: "The run's config: scores the model 'nettrain fit CONFIG' wrote.",
      isRequired: false)
  ]

  let options: [Option] = [
    .value(
      "--data", placeholder: "CSV",
      help: "The rows to score (default with CONFIG: data.test, else the validation rows)."),
    .value(
      "--out", placeholder: "DIR",
      help: "With CONFIG: the run folder holding model.json (default: runs/NAME)."),
    .value(
      "--model", placeholder: "MODEL.json",
      help: "Score this model file instead of a config's (needs --data)."),
    .flag("--json", help: "Print one JSON object instead of tables."),
  ]

  let discussion = """
    With CONFIG, the model is DIR/model.json, DIR being --out or runs/NAME under the current
    folder (NAME is the config's name), and the rows are --data, else the config's data.test,
    else its validation file or the validation fraction of its training file (the rows fit
    held out, split with the same seed). With --model, --data is required.

    The data file needs the model's feature columns and its target column (found by header
    name; other columns are ignored). Class labels must be labels the model was trained on.

    The report names the model, the data and the number of rows, then the loss (the training
    loss: mse, bce or cross_entropy; for a standardized regression target, in standardized
    units as in loss.csv) and, for regression, MSE, RMSE, MAE and R² in the target's own
    units; for classification, accuracy, log loss (natural log), ROC AUC (binary tasks:
    the area under the ROC curve of the probability of the second label), precision, recall,
    F1 and support for each class, and the confusion matrix (rows: true label, columns:
    predicted label, the most probable class). Tables show 6 significant digits.

    --json prints one line: {"model": PATH, "data": PATH, "rows": N, "task": "regression" |
    "binary" | "multiclass", "target": NAME, "loss": X, "metrics": {...}}, with
    "split": "validation" after "data" when the rows are a validation split. "metrics" is
    {"mse", "rmse", "mae", "r2"} for regression, and for classification {"accuracy",
    "log_loss", "roc_auc" (binary only; null when the rows hold one class), "classes":
    [{"label", "precision", "recall", "f1", "support"}, ...] in label order,
    "confusion_matrix": [[count, ...], ...] in the same order}. Numbers are exact (they read
    back to the same double).

    Errors (exit status 2, nothing printed): no model file (train it with 'nettrain fit
    CONFIG'), a model file that is damaged or of another version, a data file without a
    column the model needs, a value that is not a number, a label the model does not know.
    """

  let examples = [
    Example(
      commandLine: "nettrain eval configs/house.json",
      result: "runs/house/model.json on data/house_test.csv: 2000 rows, regression of \"rent\""
        + "\n(then the loss, MSE, RMSE, MAE and R² in a table)"),
    Example(
      commandLine: "nettrain eval --model runs/moons/model.json --data data/moons.csv --json",
      result: "{\"model\":\"runs/moons/model.json\",\"data\":\"data/moons.csv\",\"rows\":2000,"
        + "\"task\":\"binary\",\n\"target\":\"label\",\"loss\":...,\"metrics\":{\"accuracy\":...,"
        + "\"log_loss\":...,\"roc_auc\":...,...}} (one line)"),
  ]

  func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let workingFolder = URL.workingFolder
    let inputs = try EvalInputs(arguments, workingFolder: workingFolder)
    let model = try LoadedModel.load(
      from: inputs.modelURL, displayPath: inputs.modelPath,
      missingHint: inputs.missingModelHint)
    let (data, dataPath) = try rows(
      inputs.rows, for: model, modelPath: inputs.modelPath, workingFolder: workingFolder)
    let report = EvalReport(
      modelPath: inputs.modelPath, dataPath: dataPath,
      isValidationSplit: inputs.rows.isValidationSplit,
      rows: data.count, task: model.task, targetName: model.targetName,
      classLabels: model.classLabels, standardizesTarget: model.standardizesTarget,
      evaluation: model.evaluate(data))
    terminal.writeOutput(arguments.flag("--json") ? report.json : report.table)
    return 0
  }

  /// The rows to score, read with the model's columns and labels, and the file they are from.
  private func rows(
    _ rows: EvalInputs.Rows, for model: LoadedModel, modelPath: String, workingFolder: URL
  ) throws -> (Dataset, String) {
    switch rows {
    case .file(let url, let displayPath):
      return (try model.labeledRows(in: url, displayPath: displayPath), displayPath)
    case .validationSplit(let config):
      let rows = try validationRows(
        config, for: model, modelPath: modelPath, workingFolder: workingFolder)
      return (rows, config.data.train.text(relativeTo: workingFolder))
    }
  }

  /// The rows `fit` held out of the config's training file for validation.
  private func validationRows(
    _ config: RunConfig, for model: LoadedModel, modelPath: String, workingFolder: URL
  ) throws -> Dataset {
    var config = config
    // Which rows fit held out depends on the seed it trained with, which `fit --seed` may
    // have changed; the model file's stored config has it.
    if let seed = try model.trainingSeed(path: modelPath) { config.training.seed = seed }
    let run = try RunData.load(config, messagesRelativeTo: workingFolder)
    guard let source = run.validation?.source else {
      preconditionFailure("a validation fraction without validation rows")
    }
    guard source.featureNames == model.featureNames, source.targetName == model.targetName else {
      let columns = { (features: [String], target: String) in
        "\(features.joined(separator: ", ")) → \(target)"
      }
      throw ConfigError(
        file: config.file, keyPath: "data",
        message: "the config's columns (\(columns(source.featureNames, config.data.target))) "
          + "differ from the model's (\(columns(model.featureNames, model.targetName))); "
          + "train it again with 'nettrain fit \(config.file)' or give --data")
    }
    return try model.dataset(from: source)
  }
}
