/// The class labels of a classification target and the index of each.
///
/// Label order, fixed so that a model's outputs mean the same thing on every run: numeric
/// ascending when every label parses as a finite number (so `2` comes before `10`), else
/// by Unicode code points.
public struct ClassLabels: Equatable, Sendable {
  /// The labels in index order.
  public let labels: [String]
  private let indexByLabel: [String: Int]

  /// Labels in the given order (as a model file stores them); they must be distinct.
  public init(_ labels: [String]) {
    var indexByLabel: [String: Int] = [:]
    for (index, label) in labels.enumerated() {
      precondition(indexByLabel.updateValue(index, forKey: label) == nil, "label \(label) twice")
    }
    self.labels = labels
    self.indexByLabel = indexByLabel
  }

  /// The distinct values among `fields`, in label order (see the type's summary).
  public init(sorting fields: [String]) {
    let distinct = Array(Set(fields))
    let numbers = distinct.compactMap { Double($0) }.filter(\.isFinite)
    if numbers.count == distinct.count {
      let keyed = distinct.map { (number: Double($0) ?? 0, label: $0) }
      self.init(
        keyed.sorted { a, b in
          a.number != b.number ? a.number < b.number : a.label.precedesByCodePoints(b.label)
        }.map(\.label))
    } else {
      self.init(distinct.sorted { $0.precedesByCodePoints($1) })
    }
  }

  /// The labels found in `fields` and the index of every field: what a trainer needs from a
  /// raw target column.
  public static func encoding(_ fields: [String]) -> (labels: ClassLabels, indices: [Int]) {
    let labels = ClassLabels(sorting: fields)
    return (labels, fields.map { labels.indexByLabel[$0] ?? -1 })
  }

  /// The number of classes.
  public var count: Int { labels.count }

  /// The index of `label`, `nil` for a label this list does not hold.
  public func index(of label: String) -> Int? { indexByLabel[label] }
}

extension String {
  /// Lexicographic order of Unicode scalar values, which depends on neither locale nor
  /// normalisation.
  fileprivate func precedesByCodePoints(_ other: String) -> Bool {
    unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
  }
}
