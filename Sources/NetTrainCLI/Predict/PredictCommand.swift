import Foundation
import NetTrain

/// `nettrain predict --model MODEL.json --data CSV [--out CSV]`: the input's rows with the
/// model's predictions appended.
struct PredictCommand: Command {
  let name = "predict"
  let summary = "Append a trained model's predictions to the rows of a CSV."
  let usage = "nettrain predict --model MODEL.json --data CSV [--out CSV]"
  let positionals: [Positional] = []

  let options: [Option] = [
    .value("--model", placeholder: "MODEL.json", help: "The model file fit wrote (required)."),
    .value("--data", placeholder: "CSV", help: "The rows to predict (required)."),
    .value(
      "--out", placeholder: "CSV",
      help: "Write the result to this file instead of standard output."),
  ]

  let discussion = """
    The data file needs the model's feature columns, found by header name; the target column
    is not needed. The output is a CSV with every column of the input as it was written (the
    target too, when it is there), then the predictions, TARGET being the model's target:
      regression   predicted_TARGET, in the target's own units
      binary       probability_LABEL (of the model's second label), predicted_TARGET
      multiclass   predicted_TARGET, then probability_LABEL for every label in order
    The predicted label is the most probable one. Numbers are written in the shortest form
    that reads back to the same value of the model's precision (float64 or float32). Fields
    with a comma, a quote or a line break are quoted (RFC 4180); lines end in LF.

    --out writes to a temporary file in the same folder and renames it, so the file is either
    complete or untouched. Errors (exit status 2, nothing written): a missing or damaged
    model file, a data file without a feature column or with a value that is not a number, a
    data file that already has a column named like an output column, a missing --out folder.
    """

  let examples = [
    Example(
      commandLine: "nettrain predict --model runs/house/model.json --data data/house_test.csv",
      result: "bedrooms,bathrooms,distance,parking,rent,predicted_rent\n"
        + "3,2,2.66,1,2274.31,PREDICTED RENT\n... (one line per row of the input)"),
    Example(
      commandLine:
        "nettrain predict --model runs/moons/model.json --data new.csv --out predictions.csv",
      result: "(writes predictions.csv: x1,x2,probability_1,predicted_label)"),
  ]

  func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    guard let modelPath = arguments.value("--model") else {
      throw UsageError.missingOption(
        "--model", command: name, detail: "name the model file, as in --model runs/NAME/model.json")
    }
    guard let dataPath = arguments.value("--data") else {
      throw UsageError.missingOption("--data", command: name, detail: "name the CSV to predict")
    }
    let output = try arguments.value("--out").map(Self.checkedOutput)
    let model = try LoadedModel.load(
      from: URL(fileURLWithPath: modelPath), displayPath: modelPath)
    let dataURL = URL(fileURLWithPath: dataPath)
    let features = try CSVReader.read(
      contentsOf: dataURL, displayPath: dataPath, features: model.featureNames, target: nil)
    let input = try CSVReader.readRawRows(contentsOf: dataURL, displayPath: dataPath)
    precondition(input.lines == features.lines, "raw rows and feature rows differ")
    let csv = try PredictionCSV(input: input, predictions: model.predictionTable(for: features))
    if let output {
      try AtomicFile.write(csv.text, to: output)
    } else {
      terminal.writeOutput(csv.text)
    }
    return 0
  }

  /// The `--out` file, once its folder is known to exist and it is not itself a folder.
  private static func checkedOutput(_ path: String) throws -> URL {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw UsageError.invalidArgument(
        place: "--out", message: "\(path) is a directory; give the name of the CSV to write")
    }
    let folder = url.deletingLastPathComponent()
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw UsageError.invalidArgument(
        place: "--out",
        message: "cannot write \(path): the folder \(folder.relativePath) does not exist")
    }
    return url
  }
}
