/// A file that is not valid JSON: where (`PATH:LINE:COLUMN`) and what is wrong.
///
/// Lines and columns count from 1; a column counts characters (Unicode scalars), not bytes.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file as the user named it.
  public let path: String
  /// Where in the file the problem is.
  public let location: JSONLocation
  /// What is wrong, in words.
  public let message: String

  /// An error at `location` in the file at `path`.
  public init(path: String, location: JSONLocation, message: String) {
    self.path = path
    self.location = location
    self.message = message
  }

  /// `PATH:LINE:COLUMN: message`.
  public var description: String { "\(path):\(location): \(message)" }
}
