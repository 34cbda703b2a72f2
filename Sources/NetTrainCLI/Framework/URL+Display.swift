import Foundation

extension URL {
  /// The working folder of the process.
  static var workingFolder: URL {
    URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
  }

  /// The path as a message shows it: relative to the working folder when it is inside it,
  /// else absolute.
  var displayPath: String {
    let folder = FileManager.default.currentDirectoryPath
    let path = standardizedFileURL.path
    return path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
  }
}
