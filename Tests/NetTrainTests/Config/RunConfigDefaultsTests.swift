import Foundation
import Testing

@testable import NetTrain

@Test func aMinimalConfigGetsEveryDefault() throws {
  let config = try decodeConfig(minimalConfig())
  #expect(config.name == "house")
  #expect(config.task == .regression)
  #expect(config.loss == .mse)
  #expect(config.model == .linear)
  #expect(config.data.train.url.path == "/projects/house/configs/train.csv")
  #expect(config.data.train.text == "train.csv")
  #expect(config.data.test == nil)
  #expect(config.data.validation == .none)
  #expect(config.data.features == nil)
  #expect(config.data.target == "y")
  #expect(config.data.standardize == true)
  #expect(config.optimizer == .sgd(SGDConfig(learningRate: 0.01, momentum: 0, nesterov: false)))
  #expect(config.training == TrainingConfig(epochs: 50, batchSize: 32, shuffle: true, seed: 0))
  #expect(config.precision == .float64)
}

@Test func readsTheSpecExample() throws {
  let text = """
    {
      "name": "rent",
      "task": "regression",
      "data": {
        "train": "../data/house.csv",
        "test": "../data/house_test.csv",
        "validation": 0.2,
        "features": ["bedrooms", "bathrooms", "distance", "parking"],
        "target": "rent",
        "standardize": false
      },
      "model": { "type": "linear" },
      "loss": "mse",
      "optimizer": { "name": "sgd", "learning_rate": 0.05, "momentum": 0.9, "nesterov": true,
                     "weight_decay": 0.001 },
      "training": { "epochs": 7, "batch_size": 16, "shuffle": false, "seed": 42 },
      "precision": "float32"
    }
    """
  let config = try decodeConfig(text)
  #expect(config.name == "rent")
  #expect(config.data.train.url.path == "/projects/house/data/house.csv")
  #expect(config.data.train.text == "../data/house.csv")
  #expect(config.data.test?.url.path == "/projects/house/data/house_test.csv")
  #expect(config.data.validation == .fraction(0.2))
  #expect(config.data.features == ["bedrooms", "bathrooms", "distance", "parking"])
  #expect(config.data.target == "rent")
  #expect(config.data.standardize == false)
  let sgd = SGDConfig(learningRate: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.001)
  #expect(config.optimizer == .sgd(sgd))
  #expect(config.training == TrainingConfig(epochs: 7, batchSize: 16, shuffle: false, seed: 42))
  #expect(config.precision == .float32)
}

@Test func pathsResolveAgainstTheConfigFolder() throws {
  let text = #"""
    {"data": {"train": "./a/../b/train.csv", "test": "/abs/test.csv",
              "validation": "../val.csv", "target": "y"},
     "model": {"type": "linear"}}
    """#
  let config = try decodeConfig(text)
  #expect(config.data.train.url.path == "/projects/house/configs/b/train.csv")
  #expect(config.data.test?.url.path == "/abs/test.csv")
  #expect(config.data.validation == .file(ConfigPath("../val.csv", relativeTo: configFolder)))
  if case .file(let path) = config.data.validation {
    #expect(path.url.path == "/projects/house/val.csv")
    #expect(path.text == "../val.csv")
  }
}

@Test func nullMeansAbsentForOptionalDataKeys() throws {
  let text = #"""
    {"data": {"train": "t.csv", "test": null, "validation": null, "features": null, "target": "y"},
     "model": {"type": "linear"}}
    """#
  let config = try decodeConfig(text)
  #expect(config.data.test == nil && config.data.validation == .none && config.data.features == nil)
}

@Test func anMLPDefaultsToTanhAndNeedsATask() throws {
  let config = try decodeConfig(
    minimalConfig(model: #"{"type": "mlp", "hidden": [16, 8]}"#, #""task": "binary""#))
  #expect(config.model == .mlp(hidden: [16, 8], activation: .tanh))
  #expect(config.task == .binary)
  #expect(config.loss == .bce)
  let relu = try decodeConfig(
    minimalConfig(
      model: #"{"type": "mlp", "hidden": [4], "activation": "relu"}"#, #""task": "multiclass""#))
  #expect(relu.model == .mlp(hidden: [4], activation: .relu))
  #expect(relu.loss == .crossEntropy)
}

@Test func integersMayBeWrittenWithAZeroFraction() throws {
  let config = try decodeConfig(minimalConfig(#""training": {"epochs": 5.0, "seed": 1e3}"#))
  #expect(config.training.epochs == 5)
  #expect(config.training.seed == 1000)
  let largest = try decodeConfig(minimalConfig(#""training": {"seed": 9007199254740991}"#))
  #expect(largest.training.seed == TrainingConfig.maximumSeed)
}

@Test func logisticLeavesTheTaskToTheData() throws {
  let config = try decodeConfig(minimalConfig(model: #"{"type": "logistic"}"#))
  #expect(config.task == nil)
  #expect(config.loss == nil)
  #expect(try config.resolvedTask(labelCount: 2) == .binary)
  #expect(try config.resolvedTask(labelCount: 3) == .multiclass)
  let resolved = config.resolved(task: .multiclass)
  #expect(resolved.task == .multiclass && resolved.loss == .crossEntropy)
  let error = #expect(throws: ConfigError.self) { try config.resolvedTask(labelCount: 1) }
  #expect(error?.keyPath == "data.target")
  #expect(
    error?.description
      == #"configs/house.json: data.target: classification needs at least 2 labels in column "y", "#
      + "found 1")
}

@Test func aLossPicksTheTaskOfALogisticModel() throws {
  let softmax = try decodeConfig(
    minimalConfig(model: #"{"type": "logistic"}"#, #""loss": "cross_entropy""#))
  #expect(softmax.task == .multiclass)
  #expect(try softmax.resolvedTask(labelCount: 2) == .multiclass)  // softmax over two labels
  let binary = try decodeConfig(minimalConfig(model: #"{"type": "logistic"}"#, #""loss": "bce""#))
  #expect(binary.task == .binary)
  let error = #expect(throws: ConfigError.self) { try binary.resolvedTask(labelCount: 3) }
  #expect(error?.keyPath == "task")
  #expect(error?.message.contains("exactly 2 labels") == true)
}

@Test func regressionIgnoresLabelCounts() throws {
  let config = try decodeConfig(minimalConfig())
  #expect(try config.resolvedTask(labelCount: nil) == .regression)
}

@Test func commandLineOverridesAreVariables() throws {
  var config = try decodeConfig(minimalConfig())
  config.training.epochs = 3
  config.training.seed = 9
  #expect(config.training == TrainingConfig(epochs: 3, seed: 9))
}
