import Foundation
import NetTrain
import Testing

/// `--epochs` and `--seed` overrides, and the same config and seed giving the same files.
@Suite struct FitDeterminismTests {
  /// A small tanh network on labelled data with a validation fraction, so that the seed
  /// reaches the initialisation, the split and the shuffling.
  private func networkWorkspace() throws -> FitWorkspace {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.classificationCSV(), to: "data.csv")
    let model = #"{"type": "mlp", "hidden": [4]}"#
    let config = FitFixtures.classificationConfig(
      name: "net", model: model, task: "binary", epochs: 4)
    try workspace.write(config, to: "net.json")
    return workspace
  }

  @Test(arguments: [(1, 3), (3, 0), (7, 12345)])
  func overridesReachTheCurveAndTheConfig(epochs: Int, seed: Int) throws {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.regressionCSV(rows: 20), to: "data.csv")
    try workspace.write(
      FitFixtures.config(training: #"{"epochs": 50, "batch_size": 8, "seed": 9}"#),
      to: "tiny.json")
    let run = try workspace.run(
      ["fit", "tiny.json", "--epochs", "\(epochs)", "--seed", "\(seed)", "--quiet"])
    run.expectSuccess()
    let curve = try workspace.lossTable("runs/tiny/loss.csv")
    #expect(try curve.column("epoch") == (1...epochs).map(String.init))
    let config = try workspace.jsonObject("runs/tiny/config.json")
    let training = try #require(config["training"] as? [String: Any])
    #expect(training["epochs"] as? Int == epochs)
    #expect(training["seed"] as? Int == seed)
    #expect(training["batch_size"] as? Int == 8)
    let summary = try workspace.jsonObject("runs/tiny/summary.json")
    #expect(summary["epochs"] as? Int == epochs)
  }

  @Test func sameConfigAndSeedWriteTheSameFiles() throws {
    let workspace = try networkWorkspace()
    for folder in ["first", "second"] {
      try workspace.run(["fit", "net.json", "--seed", "5", "--out", folder, "--quiet"])
        .expectSuccess()
    }
    let first = try workspace.lossTable("first/loss.csv")
    let second = try workspace.lossTable("second/loss.csv")
    #expect(first.rows.count == 4)
    #expect(first.withoutSeconds == second.withoutSeconds)
    #expect(try workspace.data("first/model.json") == workspace.data("second/model.json"))
    #expect(try workspace.data("first/config.json") == workspace.data("second/config.json"))
  }

  @Test func theThreadCountDoesNotChangeTheFiles() throws {
    let workspace = try networkWorkspace()
    for threads in [1, 2] {
      try workspace.run(["fit", "net.json", "--threads", "\(threads)", "--out", "t\(threads)", "--quiet"])
        .expectSuccess()
    }
    #expect(try workspace.lossTable("t1/loss.csv").withoutSeconds
      == workspace.lossTable("t2/loss.csv").withoutSeconds)
    #expect(try workspace.data("t1/model.json") == workspace.data("t2/model.json"))
  }

  @Test func aThreadCountBelowOneIsAUsageError() throws {
    let workspace = try networkWorkspace()
    try workspace.run(["fit", "net.json", "--threads", "0"])
      .expectUsageError(containing: "--threads")
  }

  @Test func theConfigSeedIsTheDefaultSeed() throws {
    let workspace = try networkWorkspace()
    try workspace.run(["fit", "net.json", "--out", "implicit", "--quiet"]).expectSuccess()
    try workspace.run(["fit", "net.json", "--seed", "0", "--out", "explicit", "--quiet"])
      .expectSuccess()
    #expect(try workspace.data("implicit/model.json") == workspace.data("explicit/model.json"))
  }

  @Test func anotherSeedGivesAnotherModel() throws {
    let workspace = try networkWorkspace()
    for (seed, folder) in [("5", "five"), ("6", "six")] {
      try workspace.run(["fit", "net.json", "--seed", seed, "--out", folder, "--quiet"])
        .expectSuccess()
    }
    #expect(try workspace.data("five/model.json") != workspace.data("six/model.json"))
    let five = try workspace.lossTable("five/loss.csv").numbers("train_loss")
    let six = try workspace.lossTable("six/loss.csv").numbers("train_loss")
    #expect(five != six)
  }

  /// The written config.json is itself a config that reproduces the run.
  @Test func theWrittenConfigReproducesTheRun() throws {
    let workspace = try networkWorkspace()
    try workspace.run(["fit", "net.json", "--seed", "3", "--out", "original", "--quiet"])
      .expectSuccess()
    try workspace.run(["fit", "original/config.json", "--out", "again", "--quiet"])
      .expectSuccess()
    // The models' stored configs name the data from where each config file stands; the
    // weights, and everything else the model holds, are the same.
    let original = try Model<Double>(contentsOf: workspace.file("original/model.json"))
    let again = try Model<Double>(contentsOf: workspace.file("again/model.json"))
    #expect(original.parameters.map(\.scalars) == again.parameters.map(\.scalars))
    #expect(original.featureScaling == again.featureScaling)
    #expect(
      try workspace.lossTable("original/loss.csv").withoutSeconds
        == workspace.lossTable("again/loss.csv").withoutSeconds)
  }

  /// Where `--out` puts the run does not change a byte of the model.
  @Test func theOutputFolderDoesNotChangeTheModel() throws {
    let workspace = try networkWorkspace()
    for folder in ["near", "far/away/down"] {
      try workspace.run(["fit", "net.json", "--out", folder, "--quiet"]).expectSuccess()
    }
    #expect(try workspace.data("near/model.json") == workspace.data("far/away/down/model.json"))
  }
}
