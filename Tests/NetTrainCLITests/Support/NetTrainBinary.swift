import Foundation
import Testing

/// The built `nettrain` executable, run as a subprocess the way a user runs it.
enum NetTrainBinary {
  /// What one run printed and how it exited.
  struct Run {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Standard output split into lines, without the final empty one.
    var outputLines: [String] {
      standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .map(String.init)
    }
  }

  /// Raised when the executable cannot be found; lists where it was looked for.
  struct NotFound: Error, CustomStringConvertible {
    let searched: [String]
    var description: String {
      "nettrain executable not found (build it with 'swift build', or set NETTRAIN_BINARY); "
        + "looked in: " + searched.joined(separator: ", ")
    }
  }

  /// Runs `nettrain` with `arguments` and waits for it to exit.
  /// - Parameters:
  ///   - executable: the binary to run; by default the build's `nettrain` (`locate()`).
  ///   - currentDirectory: the process's working folder; by default a fresh, empty
  ///     temporary folder that is removed afterwards.
  static func run(
    _ arguments: [String], executable: URL? = nil, currentDirectory: URL? = nil
  ) throws -> Run {
    let executable = try executable ?? locate()
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-cli-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Files rather than pipes: nothing blocks however much the process writes.
    let outputURL = folder.appendingPathComponent("stdout")
    let errorURL = folder.appendingPathComponent("stderr")
    try Data().write(to: outputURL)
    try Data().write(to: errorURL)
    let output = try FileHandle(forWritingTo: outputURL)
    let error = try FileHandle(forWritingTo: errorURL)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = currentDirectory ?? folder
    process.standardOutput = output
    process.standardError = error
    try process.run()
    process.waitUntilExit()
    try output.close()
    try error.close()
    return Run(
      status: process.terminationStatus,
      standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
      standardError: try String(contentsOf: errorURL, encoding: .utf8))
  }

  /// `NETTRAIN_BINARY` if set; else the build folder of this test bundle (SwiftPM puts the
  /// products of one build side by side); else `.build/debug` or `.build/release` of the
  /// package this file is in.
  static func locate() throws -> URL {
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["NETTRAIN_BINARY"] {
      candidates.append(URL(fileURLWithPath: path))
    }
    for bundle in [Bundle.main] + Bundle.allBundles {
      candidates.append(bundle.bundleURL.appendingPathComponent("nettrain"))
      candidates.append(
        bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("nettrain"))
    }
    let root = packageRoot()
    for configuration in ["debug", "release"] {
      candidates.append(root.appendingPathComponent(".build/\(configuration)/nettrain"))
    }
    let found = candidates.first { url in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
    }
    guard let found else { throw NotFound(searched: candidates.map(\.path)) }
    return found
  }

  /// The folder with `Package.swift`, walking up from this file.
  static func packageRoot() -> URL {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
      {
        return folder
      }
      folder.deleteLastPathComponent()
    }
    return folder
  }
}
