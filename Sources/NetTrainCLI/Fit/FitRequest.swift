import Foundation
import NetTrain

/// A `fit` command line, checked: the config with the overrides applied, the expected curve
/// read, the output folder known. Everything here happens before any training or writing.
struct FitRequest {
  let config: RunConfig
  let quiet: Bool
  let explicitOutput: URL?
  let expected: (curve: LossCurve, path: String)?
  let tolerance: Double
  /// The most threads training may use.
  let threads: Int

  static var workingFolder: URL { .workingFolder }

  init(_ arguments: ParsedArguments, configPath: String) throws {
    var config = try RunConfig.load(from: URL(fileURLWithPath: configPath))
    if let epochs = try arguments.integer("--epochs") {
      guard epochs >= 1 && UInt64(epochs) <= TrainingConfig.maximumSeed else {
        throw UsageError.invalidValue(
          option: "--epochs", value: String(epochs), expected: "a whole number of at least 1")
      }
      config.training.epochs = epochs
    }
    if let seed = try arguments.integer("--seed") {
      guard seed >= 0 && UInt64(seed) <= TrainingConfig.maximumSeed else {
        throw UsageError.invalidValue(
          option: "--seed", value: String(seed),
          expected: "a whole number from 0 to \(TrainingConfig.maximumSeed)")
      }
      config.training.seed = UInt64(seed)
    }
    self.config = config
    threads = try arguments.integer("--threads") ?? Kernels.availableThreads
    guard threads >= 1 && threads <= 1024 else {
      throw UsageError.invalidValue(
        option: "--threads", value: String(threads), expected: "a whole number from 1 to 1024")
    }
    quiet = arguments.flag("--quiet")
    explicitOutput = arguments.value("--out").map { URL(fileURLWithPath: $0, isDirectory: true) }
    tolerance = try arguments.number("--tolerance") ?? 1e-9
    guard tolerance >= 0 && tolerance.isFinite else {
      throw UsageError.invalidValue(
        option: "--tolerance", value: arguments.value("--tolerance") ?? String(tolerance),
        expected: "a number of at least 0")
    }
    if arguments.value("--tolerance") != nil && arguments.value("--expect") == nil {
      throw UsageError.invalidArgument(place: "--tolerance", message: "goes with --expect")
    }
    expected = try arguments.value("--expect").map { path in
      (try Self.readCurve(path), path)
    }
    try Self.checkWritable(outputFolder(name: config.name))
  }

  /// `--out`, or `runs/NAME` under the current directory.
  func outputFolder(name: String) -> URL {
    explicitOutput
      ?? Self.workingFolder.appendingPathComponent("runs", isDirectory: true)
      .appendingPathComponent(name, isDirectory: true)
  }

  static func readCurve(_ path: String) throws -> LossCurve {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw LossCurveError(path: path, line: nil, message: "cannot read the expected loss curve")
    }
    return try LossCurve(csvText: text, path: path)
  }

  /// Refuses an output folder that could never be written (a file in its place or in the
  /// place of a parent), before training starts.
  static func checkWritable(_ folder: URL) throws {
    var candidate = folder.standardizedFileURL
    while candidate.path != "/" {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else {
          throw AtomicFileError(
            path: candidate.displayPath, reason: "is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: candidate.path) else {
          throw AtomicFileError(
            path: candidate.displayPath, reason: "folder is not writable")
        }
        return
      }
      candidate.deleteLastPathComponent()
    }
  }
}
