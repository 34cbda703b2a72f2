import Foundation

/// A release build of `nettrain`, made once per test run for the tests that train the
/// bundled configs in full (a debug build trains them 10–50 times slower).
///
/// It builds into its own scratch folder, `.build-release-tests/` beside `Package.swift`
/// (git-ignored), so that it never waits on the lock of the `swift test` build that runs it.
/// `NETTRAIN_RELEASE_BINARY` names an existing release binary instead.
enum ReleaseBuild {
  struct Failed: Error, CustomStringConvertible {
    let output: String
    var description: String { "swift build -c release failed:\n\(output)" }
  }

  /// The release binary; the first call builds it, later calls wait for or reuse that build.
  static func nettrain() throws -> URL { try built.get() }

  private static let built: Result<URL, any Error> = Result {
    if let path = ProcessInfo.processInfo.environment["NETTRAIN_RELEASE_BINARY"] {
      return URL(fileURLWithPath: path)
    }
    let root = NetTrainBinary.packageRoot()
    let scratch = root.appendingPathComponent(".build-release-tests")
    let log = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-release-build-\(UUID().uuidString).log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let output = try FileHandle(forWritingTo: log)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swift", "build", "-c", "release", "--product", "nettrain", "--scratch-path", scratch.path,
    ]
    process.currentDirectoryURL = root
    process.standardOutput = output
    process.standardError = output
    try process.run()
    process.waitUntilExit()
    try output.close()
    guard process.terminationStatus == 0 else {
      throw Failed(output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
    return scratch.appendingPathComponent("release/nettrain")
  }
}
