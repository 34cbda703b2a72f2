import Foundation
import Testing

@testable import NetTrain

private let fullConfig = """
  {
    "name": "house",
    "data": {"train": "../data/house.csv", "test": "../data/house_test.csv",
             "validation": 0.2, "features": ["bedrooms", "distance"], "target": "rent"},
    "model": {"type": "linear"},
    "optimizer": {"momentum": 0.9, "nesterov": true}
  }
  """

private let roundTripConfigs = [
  minimalConfig(),
  fullConfig,
  minimalConfig(
    model: #"{"type": "mlp", "hidden": [16, 3], "activation": "sigmoid"}"#,
    #""task": "multiclass", "precision": "float32", "training": {"seed": 123, "shuffle": false}"#),
  minimalConfig(model: #"{"type": "logistic"}"#),  // task still open
  #"{"data": {"train": "t.csv", "target": "y", "validation": "v.csv", "standardize": false}, "#
    + #""model": {"type": "logistic"}, "task": "binary", "optimizer": {"weight_decay": 1e-4}}"#,
]

@Test(arguments: roundTripConfigs)
func writtenConfigsDecodeToEqualConfigs(text: String) throws {
  let config = try decodeConfig(text)
  let json = config.json()
  #expect(try RunConfig(json: json, file: "config.json", folder: configFolder) == config)
  let written = JSONWriter().string(for: json)
  #expect(try decodeConfig(written, file: "runs/house/config.json") == config)
}

@Test func theResolvedConfigHasEveryDefault() throws {
  let config = try decodeConfig(fullConfig)
  let expected = """
    {
      "name": "house",
      "task": "regression",
      "data": {
        "train": "../data/house.csv",
        "test": "../data/house_test.csv",
        "validation": 0.2,
        "features": ["bedrooms", "distance"],
        "target": "rent",
        "standardize": true
      },
      "model": {
        "type": "linear"
      },
      "loss": "mse",
      "optimizer": {
        "name": "sgd",
        "learning_rate": 0.01,
        "momentum": 0.9,
        "nesterov": true,
        "weight_decay": 0
      },
      "training": {
        "epochs": 50,
        "batch_size": 32,
        "shuffle": true,
        "seed": 0
      },
      "precision": "float64"
    }

    """
  #expect(JSONWriter().string(for: config.resolvedJSON(task: .regression)) == expected)
}

@Test func aResolvedLogisticConfigRoundTrips() throws {
  let config = try decodeConfig(minimalConfig(model: #"{"type": "logistic"}"#))
  let task = try config.resolvedTask(labelCount: 4)
  let json = config.resolvedJSON(task: task)
  #expect(json.objectValue?["task"] == "multiclass")
  #expect(json.objectValue?["loss"] == "cross_entropy")
  let decoded = try RunConfig(json: json, file: "config.json", folder: configFolder)
  #expect(decoded == config.resolved(task: .multiclass))
  #expect(decoded != config)
}

@Test func resolvedPathsCanBeRewrittenForTheRunFolder() throws {
  let config = try decodeConfig(fullConfig)  // in /projects/house/configs
  let runFolder = URL(fileURLWithPath: "/projects/house/runs/house", isDirectory: true)
  let json = config.resolvedJSON(task: .regression, pathsRelativeTo: runFolder)
  #expect(json.objectValue?["data"]?.objectValue?["train"] == "../../data/house.csv")
  let decoded = try RunConfig(json: json, file: "config.json", folder: runFolder)
  #expect(decoded == config)
  #expect(decoded.data.train.url.path == "/projects/house/data/house.csv")
}

@Test func configPathsComputeRelativeText() {
  let folder = URL(fileURLWithPath: "/a/b", isDirectory: true)
  let path = ConfigPath("../c/d.csv", relativeTo: folder)
  #expect(path.url.path == "/a/c/d.csv")
  #expect(path.text(relativeTo: nil) == "../c/d.csv")
  #expect(path.text(relativeTo: URL(fileURLWithPath: "/a/c")) == "d.csv")
  #expect(path.text(relativeTo: URL(fileURLWithPath: "/x/y")) == "../../a/c/d.csv")
  #expect(path.text(relativeTo: URL(fileURLWithPath: "/")) == "a/c/d.csv")
  #expect(ConfigPath("/abs/e.csv", relativeTo: folder).text(relativeTo: folder) == "/abs/e.csv")
  #expect(ConfigPath("d.csv", relativeTo: folder) == ConfigPath("./x/../d.csv", relativeTo: folder))
}

@Test func editDistanceCountsSingleCharacterEdits() {
  #expect("batch_sise".editDistance(to: "batch_size") == 1)
  #expect("kitten".editDistance(to: "sitting") == 3)
  #expect("".editDistance(to: "abc") == 3)
  #expect("Epochs".editDistance(to: "epochs") == 0)
}

@Test func pathsInAConfigNamedRelativelyResolveAgainstTheWorkingDirectory() {
  let folder = URL(fileURLWithPath: "configs/x.json").deletingLastPathComponent()
  let path = ConfigPath("../data/a.csv", relativeTo: folder)
  let workingDirectory = FileManager.default.currentDirectoryPath
  #expect(path.url.path == URL(fileURLWithPath: workingDirectory + "/data/a.csv").path)
}
