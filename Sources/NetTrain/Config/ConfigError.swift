/// A config file that cannot be used: which file, where in it, which key, and what is wrong,
/// on one line: `configs/x.json:12:5: optimizer.learning_rate: must be greater than 0, found -0.1`.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The config file as the user named it.
  public let file: String
  /// Where in the file, when known (not for a missing file or a config built in memory).
  public let location: JSONLocation?
  /// The key path (`model.hidden[1]`), or nil for a problem with the file as a whole.
  public let keyPath: String?
  /// What is wrong, in words a user can act on.
  public let message: String

  /// An error in `file`, at `location`, about the value at `keyPath`.
  public init(
    file: String, location: JSONLocation? = nil, keyPath: String? = nil, message: String
  ) {
    self.file = file
    self.location = location
    self.keyPath = keyPath
    self.message = message
  }

  /// A JSON syntax error in a config file.
  public init(_ syntaxError: JSONSyntaxError) {
    self.init(file: syntaxError.path, location: syntaxError.location, message: syntaxError.message)
  }

  /// `FILE[:LINE:COLUMN]: [key.path: ]message`.
  public var description: String {
    var text = file
    if let location { text += ":\(location)" }
    text += ": "
    if let keyPath, !keyPath.isEmpty { text += keyPath + ": " }
    return text + message
  }
}
