extension String {
  /// The Levenshtein distance to `other`: the fewest single-character insertions, deletions
  /// and substitutions that turn one into the other. Case-insensitive, for "did you mean".
  func editDistance(to other: String) -> Int {
    let source = Array(lowercased())
    let target = Array(other.lowercased())
    var previous = Array(0...target.count)
    for (i, sourceCharacter) in source.enumerated() {
      var row = [i + 1] + Array(repeating: 0, count: target.count)
      for (j, targetCharacter) in target.enumerated() {
        let substitution = previous[j] + (sourceCharacter == targetCharacter ? 0 : 1)
        row[j + 1] = Swift.min(substitution, previous[j + 1] + 1, row[j] + 1)
      }
      previous = row
    }
    return previous[target.count]
  }
}
