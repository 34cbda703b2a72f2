import Foundation
import Testing

@testable import NetTrain

private let mlp = #"{"type": "mlp", "hidden": [8]}"#
private let logistic = #"{"type": "logistic"}"#

@Test(arguments: [
  // (config, key path, words in the message)
  (minimalConfig(#""optimizer": {"learning_rate": -0.1}"#), "optimizer.learning_rate",
   "must be greater than 0, found -0.1"),
  (minimalConfig(#""optimizer": {"learning_rate": 0}"#), "optimizer.learning_rate", "found 0"),
  (minimalConfig(#""optimizer": {"learning_rate": "0.1"}"#), "optimizer.learning_rate",
   #"expected a number, found "0.1""#),
  (minimalConfig(#""optimizer": {"momentum": 1}"#), "optimizer.momentum",
   "must be at least 0 and less than 1, found 1"),
  (minimalConfig(#""optimizer": {"momentum": -0.5}"#), "optimizer.momentum", "found -0.5"),
  (minimalConfig(#""optimizer": {"nesterov": true}"#), "optimizer.nesterov",
   #"needs "momentum" greater than 0"#),
  (minimalConfig(#""optimizer": {"nesterov": "yes"}"#), "optimizer.nesterov",
   #"expected true or false, found "yes""#),
  (minimalConfig(#""optimizer": {"weight_decay": -1}"#), "optimizer.weight_decay",
   "must be at least 0, found -1"),
  (minimalConfig(#""optimizer": {"name": "adam"}"#), "optimizer.name",
   #"expected one of "sgd", found "adam""#),
  (minimalConfig(#""optimizer": {"learning_rte": 0.1}"#), "optimizer.learning_rte",
   #"unknown key; did you mean "learning_rate"?"#),
  (minimalConfig(#""optimizer": {"lr": 0.1}"#), "optimizer.lr",
   #"unknown key; known keys here: "name", "learning_rate""#),
  (minimalConfig(#""optimizer": "sgd""#), "optimizer", #"expected an object, found "sgd""#),
  (minimalConfig(#""training": {"batch_sise": 8}"#), "training.batch_sise",
   #"unknown key; did you mean "batch_size"?"#),
  (minimalConfig(#""training": {"batch_size": "32"}"#), "training.batch_size",
   #"expected an integer, found "32""#),
  (minimalConfig(#""training": {"batch_size": 2.5}"#), "training.batch_size",
   "expected an integer, found 2.5"),
  (minimalConfig(#""training": {"batch_size": 0}"#), "training.batch_size",
   "must be at least 1, found 0"),
  (minimalConfig(#""training": {"epochs": 0}"#), "training.epochs", "must be at least 1, found 0"),
  (minimalConfig(#""training": {"epochs": 1e20}"#), "training.epochs",
   "must be an integer from 1 to 9007199254740991, found 1e+20"),
  (minimalConfig(#""training": {"seed": -1}"#), "training.seed", "must be at least 0, found -1"),
  (minimalConfig(#""training": {"seed": 9007199254740993}"#), "training.seed",
   "must be an integer from 0 to 9007199254740991"),
  (minimalConfig(#""training": {"shuffle": 1}"#), "training.shuffle",
   "expected true or false, found 1"),
  (minimalConfig(#""training": []"#), "training", "expected an object, found an array"),
  (minimalConfig(model: #"{"type": "cnn"}"#), "model.type",
   #"expected one of "linear", "logistic", "mlp", found "cnn""#),
  (#"{"data": {"train": "t.csv", "target": "y"}}"#, "model", "required key is missing"),
  (minimalConfig(model: "{}"), "model.type", "required key is missing"),
  (minimalConfig(model: #""linear""#), "model", #"expected an object, found "linear""#),
  (minimalConfig(model: #"{"type": "mlp"}"#, #""task": "binary""#), "model.hidden",
   "required key is missing"),
  (minimalConfig(model: #"{"type": "mlp", "hidden": []}"#), "model.hidden",
   "at least one hidden layer"),
  (minimalConfig(model: #"{"type": "mlp", "hidden": [16, 0]}"#), "model.hidden[1]",
   "must be at least 1, found 0"),
  (minimalConfig(model: #"{"type": "mlp", "hidden": [16, "8"]}"#), "model.hidden[1]",
   #"expected an integer, found "8""#),
  (minimalConfig(model: #"{"type": "mlp", "hidden": 16}"#), "model.hidden",
   "expected a list of layer widths, found 16"),
  (minimalConfig(model: #"{"type": "mlp", "hidden": [4], "activation": "gelu"}"#),
   "model.activation", #"expected one of "tanh", "relu", "sigmoid", found "gelu""#),
  (minimalConfig(model: #"{"type": "linear", "hidden": [4]}"#), "model.hidden",
   #"only an "mlp" model has hidden layers; this model is "linear""#),
  (minimalConfig(model: #"{"type": "logistic", "activation": "relu"}"#), "model.activation",
   #"only an "mlp" model has an activation"#),
  (minimalConfig(model: #"{"type": "linear", "layers": 2}"#), "model.layers", "unknown key"),
  (minimalConfig(model: mlp), "task", #"required for an "mlp" model"#),
  (minimalConfig(#""task": "classification""#), "task",
   #"expected one of "regression", "binary", "multiclass", found "classification""#),
  (minimalConfig(#""task": "binary""#), "task",
   #"a "linear" model does regression, found "binary""#),
  (minimalConfig(model: logistic, #""task": "regression""#), "task",
   #"a "logistic" model classifies"#),
  (minimalConfig(#""loss": "bce""#), "loss",
   #""bce" does not fit the regression task, which uses "mse""#),
  (minimalConfig(model: logistic, #""loss": "mse""#), "loss",
   #""mse" does not fit a "logistic" model"#),
  (minimalConfig(model: mlp, #""task": "binary", "loss": "cross_entropy""#), "loss",
   #""cross_entropy" does not fit the binary task, which uses "bce""#),
  (minimalConfig(model: mlp, #""task": "multiclass", "loss": "bce""#), "loss",
   #""bce" does not fit the multiclass task, which uses "cross_entropy""#),
  (minimalConfig(#""loss": "hinge""#), "loss", #"expected one of "mse", "bce", "cross_entropy""#),
  (#"{"model": {"type": "linear"}}"#, "data", "required key is missing"),
  (#"{"data": {"target": "y"}, "model": {"type": "linear"}}"#, "data.train",
   "required key is missing (the path of the training CSV)"),
  (#"{"data": {"train": "t.csv"}, "model": {"type": "linear"}}"#, "data.target",
   "required key is missing (the name of the column to predict)"),
  (#"{"data": {"train": "t.csv", "target": ""}, "model": {"type": "linear"}}"#, "data.target",
   "must not be empty"),
  (#"{"data": {"train": 5, "target": "y"}, "model": {"type": "linear"}}"#, "data.train",
   "expected a string, found 5"),
  (#"{"data": {"train": "t.csv", "target": "y", "validation": 1.5}, "model": {"type": "linear"}}"#,
   "data.validation", "greater than 0 and less than 1, found 1.5"),
  (#"{"data": {"train": "t.csv", "target": "y", "validation": 0}, "model": {"type": "linear"}}"#,
   "data.validation", "found 0"),
  (#"{"data": {"train": "t.csv", "target": "y", "validation": true}, "model": {"type": "linear"}}"#,
   "data.validation", "a fraction of the training rows or the path of a CSV, found true"),
  (#"{"data": {"train": "t.csv", "target": "y", "features": "a"}, "model": {"type": "linear"}}"#,
   "data.features", #"expected a list of column names, found "a""#),
  (#"{"data": {"train": "t.csv", "target": "y", "features": []}, "model": {"type": "linear"}}"#,
   "data.features", "at least one column"),
  (#"{"data": {"train": "t", "target": "y", "features": ["a", "a"]}, "model": {"type": "linear"}}"#,
   "data.features[1]", #"column "a" is listed twice"#),
  (#"{"data": {"train": "t", "target": "y", "features": ["a", "y"]}, "model": {"type": "linear"}}"#,
   "data.features[1]", #"the target column "y" cannot also be a feature"#),
  (#"{"data": {"train": "t", "target": "y", "features": [1]}, "model": {"type": "linear"}}"#,
   "data.features[0]", "expected a string, found 1"),
  (#"{"data": {"train": "t", "target": "y", "standardise": true}, "model": {"type": "linear"}}"#,
   "data.standardise", #"did you mean "standardize"?"#),
  (#"{"data": {"train": "t", "target": "y", "standardize": 1}, "model": {"type": "linear"}}"#,
   "data.standardize", "expected true or false, found 1"),
  (minimalConfig(#""epochs": 5"#), "epochs", #"unknown key; known keys here: "name", "task""#),
  (minimalConfig(#""precision": "float16""#), "precision",
   #"expected one of "float64", "float32", found "float16""#),
  (minimalConfig(#""name": "../escape""#), "name", "must be usable as a folder name"),
  (minimalConfig(#""name": "..""#), "name", "must be usable as a folder name"),
  (minimalConfig(#""name": """#), "name", "must not be empty"),
  (minimalConfig(#""name": 5"#), "name", "expected a string, found 5"),
  ("[1, 2]", "", "expected an object, found an array"),
])
func reportsTheKeyPathAndTheProblem(config: String, keyPath: String, words: String) throws {
  let error = try #require(configError(config), "decoded without error: \(config)")
  #expect(error.keyPath == keyPath, "\(error)")
  #expect(error.message.contains(words), "\(error)")
  #expect(error.file == "configs/x.json")
  #expect(error.location != nil, "\(error)")
  #expect(!error.description.contains("\n"))
}

@Test func errorsPointAtTheLineAndColumn() throws {
  let text = """
    {
      "data": {"train": "t.csv", "target": "y"},
      "model": {"type": "linear"},
      "optimizer": {
        "learning_rate": -0.1
      },
      "training": {"batch_sise": 8}
    }
    """
  let error = try #require(configError(text))
  #expect(
    error.description
      == "configs/x.json:5:22: optimizer.learning_rate: must be greater than 0, found -0.1")
  let unknown = try #require(configError(text.replacingOccurrences(of: "-0.1", with: "0.1")))
  #expect(
    unknown.description
      == #"configs/x.json:7:16: training.batch_sise: unknown key; did you mean "batch_size"?"#)
  let missing = try #require(configError("{\n  \"data\": {\"train\": \"t.csv\"}}"))
  #expect(missing.location == JSONLocation(line: 2, column: 11))  // the object lacking it
  #expect(missing.keyPath == "data.target")
}

@Test func invalidJSONGivesTheParsersLocatedError() throws {
  let error = try #require(configError("{\n  \"data\": ,\n}"))
  #expect(error.location == JSONLocation(line: 2, column: 11))
  #expect(error.keyPath == nil)
  #expect(error.description.hasPrefix("configs/x.json:2:11: unexpected \",\""))
}

@Test func aConfigBuiltInMemoryHasNoLocations() throws {
  let json: JSONValue = ["data": ["train": "t.csv", "target": "y"], "model": ["type": "rnn"]]
  let error = #expect(throws: ConfigError.self) {
    try RunConfig(json: json, file: "model.json", folder: configFolder)
  }
  #expect(error?.location == nil)
  #expect(error?.description.hasPrefix("model.json: model.type: expected one of") == true)
}
