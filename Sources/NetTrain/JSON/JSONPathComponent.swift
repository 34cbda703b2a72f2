/// One step from a JSON value to a value inside it: an object key or an array index.
public enum JSONPathComponent: Hashable, Sendable {
  /// The member of an object with this key.
  case key(String)
  /// The element of an array at this index (from 0).
  case index(Int)

  /// A key path as users read it: `optimizer.learning_rate`, `model.hidden[1]`.
  public static func text(of path: [JSONPathComponent]) -> String {
    var text = ""
    for component in path {
      switch component {
      case .key(let key): text += text.isEmpty ? key : "." + key
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }
}
