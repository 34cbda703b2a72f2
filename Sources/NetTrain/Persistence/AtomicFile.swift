import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary name in
/// the same folder, which is then renamed over the destination.
public enum AtomicFile {
  /// Writes `contents` to `url` through a temporary file and a rename.
  public static func write(_ contents: String, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try Data(contents.utf8).write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        throw AtomicFileError(path: url.path, reason: String(cString: strerror(errno)))
      }
    } catch let error as AtomicFileError {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw AtomicFileError(path: url.path, reason: "cannot write: \(error.localizedDescription)")
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
