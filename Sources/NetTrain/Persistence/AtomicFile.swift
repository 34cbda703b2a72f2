import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary name in
/// the same folder, which is then renamed over the destination.
public enum AtomicFile {
  /// Writes `contents` to `url` through a temporary file and a rename.
  /// - Throws: `AtomicFileError` naming `url` when the file cannot be written.
  public static func write(_ contents: String, to url: URL) throws(AtomicFileError) {
    try write(to: url) { $0.write(contents) }
  }

  /// Writes what `body` writes to its `FileOutput` to `url`, through a temporary file and a
  /// rename. The text goes to the file in pieces as `body` writes it, never held whole in
  /// memory. When `body` throws, or a write fails, the temporary file is removed and `url`
  /// is left as it was.
  /// - Throws: `AtomicFileError` naming `url`, or the error `body` throws.
  public static func write(
    to url: URL, _ body: (inout FileOutput) throws(AtomicFileError) -> Void
  ) throws(AtomicFileError) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    var output = try FileOutput(creating: temporary.path) { errorNumber in
      AtomicFileError(path: url.path, reason: "cannot write: \(describe(errorNumber))")
    }
    do throws(AtomicFileError) {
      try body(&output)
      if let failure = output.close() {
        throw AtomicFileError(path: url.path, reason: "cannot write: \(describe(failure))")
      }
      if rename(temporary.path, url.path) != 0 {
        throw AtomicFileError(path: url.path, reason: describe(errno))
      }
    } catch {
      _ = output.close()
      unlink(temporary.path)
      throw error
    }
  }

  /// Creates `folder` and its parents when missing; an error names it when that fails or when
  /// a file stands in its place.
  public static func makeFolder(_ folder: URL) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return }
      throw AtomicFileError(path: folder.path, reason: "exists and is not a folder")
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw AtomicFileError(path: folder.path, reason: "cannot create folder")
    }
  }

  /// The system's words for an `errno` value ("No such file or directory").
  static func describe(_ errorNumber: Int32) -> String { String(cString: strerror(errorNumber)) }
}

/// A file or folder that could not be written.
public struct AtomicFileError: Error, CustomStringConvertible {
  public let path: String
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }
}
