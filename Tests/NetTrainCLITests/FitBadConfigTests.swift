import Foundation
import Testing

/// Bad configs and bad command lines given to `fit`: exit 2, one error line naming the config
/// file and key path, or the flag; nothing written.
@Suite struct FitBadConfigTests {
  /// The default config with `model`, `optimizer`, `training`, `data` or top-level members
  /// replaced.
  static func config(
    name: String = "bad", data: String = "", model: String = #"{"type": "linear"}"#,
    optimizer: String = #"{"name": "sgd", "learning_rate": 0.1}"#,
    training: String = #"{"epochs": 2, "batch_size": 4}"#, top: String = ""
  ) -> String {
    FitFixtures.config(
      name: name, data: data, model: model, optimizer: optimizer, training: training, top: top)
  }

  static let configs: [FitBadInput] = [
    .arguments("missing config file", ["fit", "absent.json"], expecting: "absent.json"),
    .arguments("config is a folder", ["fit", "folder"], expecting: "folder", "directory")
      .addingFolder("folder"),
    .config(
      "invalid JSON",
      "{\n  \"name\": \"x\",\n  \"data\": {\"train\": \"data.csv\" \"target\": \"y\"}\n}\n",
      expecting: "c.json:3:32:"),
    .config("text after the JSON", config() + "x\n", expecting: "c.json:", "after"),
    .config("empty config file", "", expecting: "c.json"),
    .config("config not an object", "[1, 2]\n", expecting: "c.json", "object"),
    .config(
      "unknown top-level key", config(top: #", "optimiser": {}"#),
      expecting: "c.json:", "optimiser", "did you mean \"optimizer\""),
    .config(
      "unknown nested key", config(training: #"{"epochs": 2, "batch_sise": 4}"#),
      expecting: "c.json:", "training.batch_sise", "did you mean \"batch_size\""),
    .config(
      "wrong type", config(training: #"{"epochs": 2, "batch_size": "32"}"#),
      expecting: "c.json:", "training.batch_size", "\"32\""),
    .config(
      "fractional epochs", config(training: #"{"epochs": 2.5}"#),
      expecting: "c.json:", "training.epochs"),
    .config(
      "negative learning rate", config(optimizer: #"{"name": "sgd", "learning_rate": -0.1}"#),
      expecting: "c.json:", "optimizer.learning_rate"),
    .config(
      "momentum of 1.5", config(optimizer: #"{"name": "sgd", "momentum": 1.5}"#),
      expecting: "c.json:", "optimizer.momentum"),
    .config(
      "zero batch size", config(training: #"{"batch_size": 0}"#),
      expecting: "c.json:", "training.batch_size"),
    .config(
      "unknown model type", config(model: #"{"type": "forest"}"#),
      expecting: "c.json:", "model.type", "forest"),
    .config(
      "mlp without hidden", config(model: #"{"type": "mlp"}"#, top: #", "task": "regression""#),
      expecting: "c.json:", "model.hidden"),
    .config(
      "unknown activation",
      config(model: #"{"type": "mlp", "hidden": [3], "activation": "gelu"}"#,
             top: #", "task": "regression""#),
      expecting: "c.json:", "model.activation", "gelu"),
    .config(
      "validation fraction 1.5", config(data: #", "validation": 1.5"#),
      expecting: "c.json:", "data.validation", "1.5"),
    .config(
      "loss that does not fit the task", config(top: #", "loss": "bce""#),
      expecting: "c.json:", "loss"),
    .config(
      "classification task for a linear model", config(top: #", "task": "multiclass""#),
      expecting: "c.json:", "task"),
    .config(
      "target among the features", config(data: #", "features": ["a", "y"]"#),
      expecting: "c.json:", "data.features[1]"),
    .config("a name that leaves runs/", config(name: "../escape"), expecting: "c.json:", "name"),
  ]

  static let commandLines: [FitBadInput] = [
    .arguments("unknown command", ["frobnicate", "c.json"], expecting: "frobnicate"),
    .arguments(
      "unknown flag", ["fit", "c.json", "--epoch", "3"],
      expecting: "'--epoch'", "did you mean '--epochs'"),
    .arguments("--epochs 0", ["fit", "c.json", "--epochs", "0"], expecting: "--epochs"),
    .arguments("--epochs abc", ["fit", "c.json", "--epochs", "abc"], expecting: "--epochs"),
    .arguments("--seed -1", ["fit", "c.json", "--seed", "-1"], expecting: "--seed"),
    .arguments("--seed 1.5", ["fit", "c.json", "--seed", "1.5"], expecting: "--seed"),
    .arguments(
      "--tolerance without --expect", ["fit", "c.json", "--tolerance", "0.1"],
      expecting: "--tolerance", "--expect"),
    .arguments(
      "negative --tolerance",
      ["fit", "c.json", "--expect", "curve.csv", "--tolerance", "-1"],
      expecting: "--tolerance", "'-1'"
    ).adding("curve.csv", "epoch,train_loss,val_loss,seconds\n1,0.5,,0.1\n"),
    .arguments(
      "--out at an existing file", ["fit", "c.json", "--out", "taken"],
      expecting: "taken: is a file"
    ).adding("taken", "not a folder\n"),
    .arguments(
      "--out below an existing file", ["fit", "c.json", "--out", "taken/run"],
      expecting: "taken: is a file"
    ).adding("taken", "not a folder\n"),
    .arguments("--out without a value", ["fit", "c.json", "--out"], expecting: "--out"),
    .arguments("--quiet with a value", ["fit", "c.json", "--quiet=yes"], expecting: "--quiet"),
    .arguments("no config", ["fit"], expecting: "CONFIG"),
    .arguments("two configs", ["fit", "c.json", "c.json"], expecting: "c.json"),
  ]

  @Test(arguments: configs)
  func badConfigIsRefused(_ input: FitBadInput) throws {
    try input.check()
  }

  @Test(arguments: commandLines)
  func badCommandLineIsRefused(_ input: FitBadInput) throws {
    try input.check()
  }
}
