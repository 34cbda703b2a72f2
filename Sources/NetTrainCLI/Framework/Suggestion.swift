/// "Did you mean ...?": the known name closest to a mistyped one.
enum Suggestion {
  /// The candidate closest to `input` by edit distance (ignoring case and leading dashes),
  /// when it is close enough to be a likely typo or one of the two is a prefix of the
  /// other (`pred` for `predict`, `sinus` for `sin`); else `nil`.
  static func closest(to input: String, among candidates: [String]) -> String? {
    let typed = normalized(input)
    guard !typed.isEmpty else { return nil }
    let limit = max(1, typed.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let known = normalized(candidate)
      let distance = editDistance(typed, known)
      let isPrefix =
        min(typed.count, known.count) >= 2
        && (known.hasPrefix(typed) || typed.hasPrefix(known))
      guard distance <= limit || isPrefix else { continue }
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// The optimal-string-alignment distance: insertions, deletions, substitutions and
  /// transpositions of neighbours each cost 1, so `gard` is 1 from `grad`.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previousRow: [Int] = []
    var row = Array(0...b.count)
    for i in 1...a.count {
      let rowBefore = previousRow
      previousRow = row
      row = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          row[j] = min(row[j], rowBefore[j - 2] + 1)
        }
      }
    }
    return row[b.count]
  }

  private static func normalized(_ name: String) -> String {
    String(name.drop { $0 == "-" }).lowercased()
  }
}
