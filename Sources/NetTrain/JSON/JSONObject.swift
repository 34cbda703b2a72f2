/// A JSON object whose keys keep their order: the order of the file when parsed, the order of
/// insertion when built, so that writing is deterministic and follows the reader's layout.
///
/// Keys are unique (the parser rejects duplicates; `init` checks). Lookup is a linear scan,
/// which is the right trade for the handful of keys in a config or model file. Two objects are
/// equal when they have the same entries in the same order.
public struct JSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral {
  /// The members in order.
  public private(set) var entries: [(key: String, value: JSONValue)]

  /// An empty object.
  public init() { entries = [] }

  /// An object with these members, in this order. The keys must be distinct.
  public init(_ entries: [(key: String, value: JSONValue)]) {
    let keys = entries.map(\.key)
    precondition(Set(keys).count == keys.count, "duplicate keys in JSON object: \(keys)")
    self.entries = entries
  }

  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(elements.map { (key: $0.0, value: $0.1) })
  }

  /// The keys in order.
  public var keys: [String] { entries.map(\.key) }

  /// The number of members.
  public var count: Int { entries.count }

  /// Whether the object has no members.
  public var isEmpty: Bool { entries.isEmpty }

  /// The value for `key`; setting a new key appends it, setting an existing key replaces its
  /// value in place, setting `nil` removes the member.
  public subscript(key: String) -> JSONValue? {
    get { entries.first { $0.key == key }?.value }
    set {
      let index = entries.firstIndex { $0.key == key }
      switch (index, newValue) {
      case (let index?, let value?): entries[index].value = value
      case (let index?, nil): entries.remove(at: index)
      case (nil, let value?): entries.append((key: key, value: value))
      case (nil, nil): break
      }
    }
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    lhs.entries.count == rhs.entries.count
      && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}
