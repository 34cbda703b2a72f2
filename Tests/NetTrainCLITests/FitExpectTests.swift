import Foundation
import Testing

/// `fit --expect CURVE.csv [--tolerance REL]`: the loss columns of the new curve against a
/// committed one.
@Suite struct FitExpectTests {
  /// A workspace with a classification config (loss and accuracy columns, validation) and a
  /// first run of it in `first/`.
  private func workspaceWithFirstRun() throws -> FitWorkspace {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.classificationCSV(), to: "data.csv")
    try workspace.write(FitFixtures.classificationConfig(epochs: 4), to: "labels.json")
    try workspace.run(["fit", "labels.json", "--out", "first", "--quiet"]).expectSuccess()
    return workspace
  }

  private func fit(_ workspace: FitWorkspace, expecting curve: String, _ more: [String] = [])
    throws -> NetTrainBinary.Run
  {
    try workspace.run(
      ["fit", "labels.json", "--out", "second", "--quiet", "--expect", curve] + more)
  }

  @Test func theSameCurveIsExpected() throws {
    let workspace = try workspaceWithFirstRun()
    let run = try fit(workspace, expecting: "first/loss.csv")
    run.expectSuccess()
    #expect(run.standardOutput.isEmpty)
    #expect(workspace.exists("second/loss.csv"))
  }

  @Test(arguments: [(3, "train_loss"), (2, "val_loss"), (4, "train_loss")])
  func aChangedLossValueFailsNamingItsEpochAndColumn(epoch: Int, column: String) throws {
    let workspace = try workspaceWithFirstRun()
    let expected = try workspace.lossTable("first/loss.csv")
    let value = try expected.numbers(column)[epoch - 1]
    try workspace.write(
      try expected.replacing(epoch: epoch, column: column, with: "\(value * 1.001)"),
      to: "expected.csv")
    let run = try fit(workspace, expecting: "expected.csv")
    #expect(run.status == 1)
    #expect(run.standardOutput.isEmpty)
    #expect(run.standardError.hasPrefix("nettrain: error: expected.csv"), "\(run.standardError)")
    #expect(run.standardError.contains("epoch \(epoch), \(column)"), "\(run.standardError)")
    #expect(run.standardError.filter { $0 == "\n" }.count == 1, "\(run.standardError)")
    #expect(workspace.exists("second/loss.csv"))
  }

  /// Only the loss columns are compared: accuracy and time may differ.
  @Test(arguments: ["train_accuracy", "val_accuracy", "seconds"])
  func otherColumnsAreNotCompared(column: String) throws {
    let workspace = try workspaceWithFirstRun()
    let expected = try workspace.lossTable("first/loss.csv")
    try workspace.write(
      try expected.replacing(epoch: 2, column: column, with: "0.123"), to: "expected.csv")
    try fit(workspace, expecting: "expected.csv").expectSuccess()
  }

  @Test func toleranceAcceptsASmallRelativeDifference() throws {
    let workspace = try workspaceWithFirstRun()
    let expected = try workspace.lossTable("first/loss.csv")
    let value = try expected.numbers("train_loss")[1]
    try workspace.write(
      try expected.replacing(epoch: 2, column: "train_loss", with: "\(value * 1.01)"),
      to: "near.csv")
    try fit(workspace, expecting: "near.csv", ["--tolerance", "0.5"]).expectSuccess()
    let strict = try fit(workspace, expecting: "near.csv")
    #expect(strict.status == 1)
    #expect(strict.standardError.contains("epoch 2, train_loss"), "\(strict.standardError)")
  }

  @Test(arguments: [(3, "epoch 4"), (5, "epoch 5")])
  func aCurveOfAnotherLengthFails(epochs: Int, fragment: String) throws {
    let workspace = try workspaceWithFirstRun()
    let run = try fit(workspace, expecting: "first/loss.csv", ["--epochs", "\(epochs)"])
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("nettrain: error: first/loss.csv"))
    #expect(run.standardError.contains(fragment), "\(run.standardError)")
  }

  /// A missing or malformed expected curve is a usage error found before training: exit 2,
  /// nothing written.
  @Test(arguments: [
    ("missing.csv", nil, "missing.csv"),
    ("folder", nil, "folder"),
    ("header.csv", "step,loss\n1,0.5\n", "header.csv:1"),
    ("value.csv", "epoch,train_loss,val_loss,seconds\n1,abc,,0.1\n", "value.csv:2"),
    ("binary.csv", "\u{0}\u{1}\u{2}", "binary.csv"),
  ] as [(String, String?, String)])
  func aBadExpectedCurveWritesNothing(path: String, contents: String?, fragment: String)
    throws
  {
    let workspace = try workspaceWithFirstRun()
    if let contents { try workspace.write(contents, to: path) }
    if path == "folder" { try workspace.makeFolder(path) }
    let before = workspace.snapshot()
    for arguments in [["labels.json"], ["labels.json", "--out", "second"]] {
      let run = try workspace.run(["fit"] + arguments + ["--expect", path])
      run.expectUsageError(containing: fragment)
      #expect(!workspace.exists("runs"))
      #expect(workspace.snapshot() == before)
    }
  }
}
