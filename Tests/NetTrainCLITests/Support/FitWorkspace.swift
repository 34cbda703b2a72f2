import Foundation
import Testing

/// A temporary folder for one `fit` test: the test writes its CSVs and configs into it, runs
/// `nettrain` with it as the working folder, and reads back what was written. Removed when the
/// workspace goes away.
final class FitWorkspace {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-fit-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The URL of `path`, relative to the workspace.
  func file(_ path: String) -> URL { url.appendingPathComponent(path) }

  /// Writes `text` as UTF-8 to `path`, creating folders on the way.
  func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path`, creating folders on the way.
  func write(_ data: Data, to path: String) throws {
    let target = file(path)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: target)
  }

  /// Creates the folder `path`.
  func makeFolder(_ path: String) throws {
    try FileManager.default.createDirectory(at: file(path), withIntermediateDirectories: true)
  }

  /// Runs `nettrain` with the workspace as its working folder.
  func run(_ arguments: [String]) throws -> NetTrainBinary.Run {
    try NetTrainBinary.run(arguments, currentDirectory: url)
  }

  /// Starts `nettrain` with the workspace as its working folder and returns at once; its
  /// standard output and error go to `stdout.txt` and `stderr.txt` in the workspace.
  func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = try NetTrainBinary.locate()
    process.arguments = arguments
    process.currentDirectoryURL = url
    for name in ["stdout.txt", "stderr.txt"] { try write("", to: name) }
    let output = try FileHandle(forWritingTo: file("stdout.txt"))
    let error = try FileHandle(forWritingTo: file("stderr.txt"))
    process.standardOutput = output
    process.standardError = error
    try process.run()
    try output.close()  // the child has its own copies
    try error.close()
    return process
  }

  /// The UTF-8 text of `path`.
  func text(_ path: String) throws -> String {
    try String(contentsOf: file(path), encoding: .utf8)
  }

  /// The bytes of `path`.
  func data(_ path: String) throws -> Data { try Data(contentsOf: file(path)) }

  /// Whether anything (file or folder) is at `path`.
  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: file(path).path)
  }

  /// The JSON object in `path`.
  func jsonObject(_ path: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: data(path))
    return try #require(value as? [String: Any], "\(path) is not a JSON object")
  }

  /// The loss curve in `path`.
  func lossTable(_ path: String) throws -> LossTable { try LossTable(text(path)) }

  /// Every file and folder below the workspace, with the contents of the files (nil for
  /// folders): equal snapshots before and after a run mean the run wrote nothing.
  func snapshot() -> [String: Data?] {
    var entries: [String: Data?] = [:]
    let root = url.resolvingSymlinksInPath().path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return entries }
    while let relative = walker.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = root + "/" + relative
      _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      entries[relative] = isDirectory.boolValue ? nil : FileManager.default.contents(atPath: path)
    }
    return entries
  }
}
