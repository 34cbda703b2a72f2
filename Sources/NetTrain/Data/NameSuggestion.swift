/// The closest known name to a misspelt one, for "did you mean ...?" hints.
enum NameSuggestion {
  /// The candidate nearest to `name` by edit distance (case folded), when it is close enough
  /// to be a plausible typo: at most a third of the longer name's characters differ, and
  /// always when only the case differs.
  static func closest(to name: String, in candidates: [String]) -> String? {
    let target = Array(name.lowercased())
    var best: (name: String, distance: Int)? = nil
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance < best?.distance ?? Int.max { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = max(1, max(target.count, best.name.count) / 3)
    return best.distance <= allowed ? best.name : nil
  }

  /// Levenshtein distance: the fewest insertions, deletions and substitutions from a to b.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
