extension String {
  /// The string followed by spaces up to `width` characters (grapheme clusters, so that
  /// `v̄` counts as one); unchanged when it is as long already.
  func padded(to width: Int) -> String {
    self + String(repeating: " ", count: Swift.max(0, width - count))
  }
}
