import Foundation
import Testing

/// One bad `fit` command line, with the files it finds: by default a good `data.csv`
/// (`a,b,y`) and a good config `c.json` that trains on it; a case replaces or adds files.
struct FitBadInput: Sendable, CustomTestStringConvertible {
  let testDescription: String
  var files: [String: Data] = [:]
  var folders: [String] = []
  var arguments = ["fit", "c.json"]
  /// Parts the error line must contain (the place and the problem).
  let fragments: [String]

  static let defaultConfig = FitFixtures.config(
    name: "bad", training: #"{"epochs": 2, "batch_size": 4}"#)

  /// `data.csv` replaced by `text`, and the config by `config` when given.
  static func csv(
    _ description: String, _ text: String, config: String? = nil, expecting: String...
  ) -> FitBadInput {
    var input = FitBadInput(testDescription: description, fragments: expecting)
    input.files["data.csv"] = Data(text.utf8)
    if let config { input.files["c.json"] = Data(config.utf8) }
    return input
  }

  /// `c.json` replaced by `text`.
  static func config(_ description: String, _ text: String, expecting: String...)
    -> FitBadInput
  {
    var input = FitBadInput(testDescription: description, fragments: expecting)
    input.files["c.json"] = Data(text.utf8)
    return input
  }

  /// The good files with another command line.
  static func arguments(_ description: String, _ arguments: [String], expecting: String...)
    -> FitBadInput
  {
    var input = FitBadInput(testDescription: description, fragments: expecting)
    input.arguments = arguments
    return input
  }

  /// This case with one more file.
  func adding(_ path: String, _ text: String) -> FitBadInput {
    var input = self
    input.files[path] = Data(text.utf8)
    return input
  }

  /// This case with one more (empty) folder.
  func addingFolder(_ path: String) -> FitBadInput {
    var input = self
    input.folders.append(path)
    return input
  }

  /// Runs the case and checks the error contract: exit 2, one line on stderr starting
  /// `nettrain: error: ` with every fragment, nothing on stdout, nothing written.
  func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let workspace = try FitWorkspace()
    try workspace.write(FitFixtures.regressionCSV(rows: 8), to: "data.csv")
    try workspace.write(Self.defaultConfig, to: "c.json")
    for (path, contents) in files { try workspace.write(contents, to: path) }
    for folder in folders { try workspace.makeFolder(folder) }
    let before = workspace.snapshot()
    let run = try workspace.run(arguments)
    run.expectUsageError(containing: fragments.first ?? "", sourceLocation: sourceLocation)
    for fragment in fragments.dropFirst() {
      #expect(
        run.standardError.contains(fragment), "\(run.standardError) lacks \(fragment)",
        sourceLocation: sourceLocation)
    }
    #expect(!workspace.exists("runs"), "a run folder was made", sourceLocation: sourceLocation)
    #expect(
      workspace.snapshot() == before, "files changed: \(workspace.snapshot().keys.sorted())",
      sourceLocation: sourceLocation)
  }
}
