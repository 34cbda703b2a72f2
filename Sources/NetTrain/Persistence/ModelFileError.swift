/// A model file that cannot be used: which file, where in it, and what is wrong, on one line:
/// `runs/house/model.json: layers[1].weight: expected 8 rows, found 7`.
public struct ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file as the user named it.
  public let path: String
  /// The line and column, for a file that is not valid JSON.
  public let location: JSONLocation?
  /// The key path of the offending value (`layers[0].bias`), `nil` for the file as a whole.
  public let keyPath: String?
  /// What is wrong, in words a user can act on.
  public let message: String

  /// An error about the value at `keyPath` in the file at `path`.
  public init(
    path: String, location: JSONLocation? = nil, keyPath: String? = nil, message: String
  ) {
    self.path = path
    self.location = location
    self.keyPath = keyPath
    self.message = message
  }

  /// A JSON syntax error in a model file.
  public init(_ syntaxError: JSONSyntaxError) {
    self.init(
      path: syntaxError.path, location: syntaxError.location, message: syntaxError.message)
  }

  /// `PATH[:LINE:COLUMN]: [key.path: ]message`.
  public var description: String {
    var text = path
    if let location { text += ":\(location)" }
    text += ": "
    if let keyPath, !keyPath.isEmpty { text += keyPath + ": " }
    return text + message
  }
}
