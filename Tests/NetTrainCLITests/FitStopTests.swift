import Foundation
import Testing

/// Runs that stop early: divergence (exit 1) and Ctrl-C (exit 130). Both write the curve so
/// far and the last finite model.
@Suite struct FitStopTests {
  /// Plain SGD on unscaled values in the thousands: 1e6 blows up after a few epochs, 1e200
  /// in the first.
  @Test(arguments: [1e6, 1e200])
  func divergenceStopsAndWritesTheLastFiniteModel(learningRate: Double) throws {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.largeValuedCSV(), to: "data.csv")
    try workspace.write(
      FitFixtures.config(
        name: "blowup", data: #", "standardize": false"#,
        optimizer: #"{"name": "sgd", "learning_rate": \#(learningRate)}"#,
        training: #"{"epochs": 20, "batch_size": 10}"#),
      to: "blowup.json")
    let run = try workspace.run(["fit", "blowup.json", "--quiet"])
    #expect(run.status == 1)
    #expect(run.standardOutput.isEmpty)
    let error = run.standardError
    #expect(error.hasPrefix("nettrain: error: "), "\(error)")
    #expect(error.filter { $0 == "\n" }.count == 1 && error.hasSuffix("\n"), "\(error)")
    #expect(error.contains("smaller") && error.contains("learning_rate"), "\(error)")

    let curve = try workspace.lossTable("runs/blowup/loss.csv")
    #expect(curve.rows.count < 20)
    #expect(error.contains("epoch \(curve.rows.count + 1)"), "\(error)")
    #expect(try curve.numbers("train_loss").allSatisfy { $0.isFinite })
    let model = try workspace.jsonObject("runs/blowup/model.json")
    let weights = try numbers(in: try #require(model["layers"]))
    #expect(weights.count == 3)  // two weights and the bias
    #expect(weights.allSatisfy { $0.isFinite }, "\(weights)")
    let summary = try workspace.jsonObject("runs/blowup/summary.json")
    #expect(summary["outcome"] as? String == "diverged")
  }

  /// Ctrl-C (SIGINT) finishes the current step, writes the files, exits 130. The run has far
  /// more epochs than it could finish in the time it is given.
  @Test func interruptionWritesTheRunAndExits130() throws {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.regressionCSV(rows: 20), to: "data.csv")
    let epochs = 10_000_000
    try workspace.write(
      FitFixtures.config(
        name: "long", optimizer: #"{"name": "sgd", "learning_rate": 0.01}"#,
        training: #"{"epochs": \#(epochs), "batch_size": 20}"#),
      to: "long.json")
    let process = try interruptedRun(in: workspace, arguments: ["fit", "long.json"])
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 130)
    let error = try workspace.text("stderr.txt")
    #expect(error.hasPrefix("nettrain: interrupted during epoch "), "\(error)")
    #expect(error.hasSuffix("wrote runs/long\n"), "\(error)")
    #expect(error.filter { $0 == "\n" }.count == 1, "\(error)")

    let curve = try workspace.lossTable("runs/long/loss.csv")
    #expect(curve.rows.count < epochs)
    #expect(try curve.column("epoch") == (0..<curve.rows.count).map { String($0 + 1) })
    #expect(try curve.numbers("train_loss").allSatisfy { $0.isFinite })
    let model = try workspace.jsonObject("runs/long/model.json")
    #expect(model["format"] as? String == "nettrain-model")
    #expect(try numbers(in: try #require(model["layers"])).allSatisfy { $0.isFinite })
    let summary = try workspace.jsonObject("runs/long/summary.json")
    #expect(summary["outcome"] as? String == "interrupted")
  }

  /// Starts the run, sends SIGINT after a pause and waits for the exit. A signal that comes
  /// before `fit` listens for it ends the process by the signal, with nothing written; then
  /// the run is tried again with a longer pause (a slow start on a busy machine).
  private func interruptedRun(in workspace: FitWorkspace, arguments: [String]) throws
    -> Process
  {
    var process: Process?
    for pause in [0.6, 2.0, 5.0] {
      try? FileManager.default.removeItem(at: workspace.file("runs"))
      let started = try workspace.start(arguments)
      Thread.sleep(forTimeInterval: pause)
      try #require(started.isRunning, "the run ended before the signal")
      started.interrupt()
      try waitForExit(started, seconds: 60)
      process = started
      if started.terminationReason == .exit { break }
    }
    return try #require(process)
  }

  /// Waits for `process` to exit; ends it and fails the test when it takes too long.
  private func waitForExit(_ process: Process, seconds: Double) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      Issue.record("still running \(seconds) s after SIGINT")
    }
    process.waitUntilExit()
  }

  /// Every number in a JSON value, depth first.
  private func numbers(in value: Any) throws -> [Double] {
    if let array = value as? [Any] { return try array.flatMap { try numbers(in: $0) } }
    if let object = value as? [String: Any] {
      return try object.keys.sorted().flatMap { try numbers(in: object[$0] as Any) }
    }
    return [try #require(value as? Double, "not a number: \(value)")]
  }
}
