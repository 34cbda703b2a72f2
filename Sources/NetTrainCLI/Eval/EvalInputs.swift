import Foundation
import NetTrain

/// Which model `eval` scores and on which rows, as its command line says:
/// `eval CONFIG [--data CSV] [--out DIR]` or `eval --model MODEL.json --data CSV`.
struct EvalInputs {
  /// Where the rows to score come from.
  enum Rows {
    /// Every row of a CSV file.
    case file(URL, displayPath: String)
    /// The validation fraction a config holds out of its training file.
    case validationSplit(RunConfig)

    /// Whether the rows are a validation split.
    var isValidationSplit: Bool {
      if case .validationSplit = self { return true }
      return false
    }
  }

  /// The model file.
  let modelURL: URL
  /// The model file as messages and the report name it.
  let modelPath: String
  /// What to say when the model file does not exist.
  let missingModelHint: String?
  let rows: Rows

  /// The inputs the arguments name; paths in messages are relative to `workingFolder`.
  /// - Throws: `UsageError` for a wrong combination of arguments, `ConfigError` for a bad
  ///   config or one that names no data to score.
  init(_ arguments: ParsedArguments, workingFolder: URL) throws {
    let command = arguments.command
    if let modelPath = arguments.value("--model") {
      if arguments.positional(0) != nil {
        throw UsageError.conflictingOptions("CONFIG", "--model")
      }
      if arguments.value("--out") != nil {
        throw UsageError.conflictingOptions("--out", "--model")
      }
      guard let dataPath = arguments.value("--data") else {
        throw UsageError.missingOption(
          "--data", command: command, detail: "with --model, name the CSV to score: --data CSV")
      }
      modelURL = URL(fileURLWithPath: modelPath)
      self.modelPath = modelPath
      missingModelHint = nil
      rows = .file(URL(fileURLWithPath: dataPath), displayPath: dataPath)
      return
    }
    guard let configPath = arguments.positional(0) else {
      throw UsageError.missingArgument("CONFIG or --model MODEL.json --data CSV", command: command)
    }
    let config = try RunConfig.load(from: URL(fileURLWithPath: configPath))
    let folder = arguments.value("--out") ?? "runs/\(config.name)"
    modelPath = folder.hasSuffix("/") ? folder + "model.json" : folder + "/model.json"
    modelURL = URL(fileURLWithPath: modelPath)
    let out = arguments.value("--out").map { " --out \($0)" } ?? ""
    missingModelHint = "train the model first with 'nettrain fit \(configPath)\(out)'"
    rows = try Self.rows(arguments.value("--data"), config: config, workingFolder: workingFolder)
  }

  /// `--data`, else the config's `data.test`, else its validation file or split.
  private static func rows(_ dataPath: String?, config: RunConfig, workingFolder: URL) throws
    -> Rows
  {
    if let dataPath {
      return .file(URL(fileURLWithPath: dataPath), displayPath: dataPath)
    }
    if let test = config.data.test {
      return .file(test.url, displayPath: test.text(relativeTo: workingFolder))
    }
    switch config.data.validation {
    case .file(let path):
      return .file(path.url, displayPath: path.text(relativeTo: workingFolder))
    case .fraction:
      return .validationSplit(config)
    case .none:
      throw ConfigError(
        file: config.file,
        message: "no data to evaluate: give --data or set data.test / data.validation in the "
          + "config")
    }
  }
}
