import Foundation

/// A file named in a config: the text the user wrote, and the file it names, resolved against
/// the config file's folder when relative.
public struct ConfigPath: Equatable, Sendable, CustomStringConvertible {
  /// The path as written in the config (`../data/house.csv`).
  public let text: String
  /// The absolute file URL it names, with `.` and `..` resolved.
  public let url: URL

  /// The file `text` names, relative to `folder` unless absolute.
  public init(_ text: String, relativeTo folder: URL) {
    self.text = text
    if text.hasPrefix("/") {
      url = URL(fileURLWithPath: text).standardizedFileURL
    } else {
      url = URL(fileURLWithPath: folder.path, isDirectory: true)
        .appendingPathComponent(text).standardizedFileURL
    }
  }

  /// Two paths are equal when they name the same file, however they were written.
  public static func == (lhs: ConfigPath, rhs: ConfigPath) -> Bool { lhs.url == rhs.url }

  /// The path as written.
  public var description: String { text }

  /// The path to write into a config stored in `folder`: as the user wrote it when `folder` is
  /// nil or the path is absolute, otherwise relative to `folder`, so that the written config
  /// names the same file from its new place.
  public func text(relativeTo folder: URL?) -> String {
    guard let folder, !text.hasPrefix("/") else { return text }
    let from = URL(fileURLWithPath: folder.path, isDirectory: true).standardizedFileURL
      .pathComponents
    let to = url.pathComponents
    var common = 0
    while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
    let steps = Array(repeating: "..", count: from.count - common) + to[common...]
    return steps.isEmpty ? "." : steps.joined(separator: "/")
  }
}
