/// A place in the expression given to `nettrain grad`: 1-based line and column, counted in
/// characters.
struct SourceLocation: Equatable, CustomStringConvertible {
  let line: Int
  let column: Int

  /// `expression:LINE:COLUMN`, the prefix of an error at this place.
  var description: String { "expression:\(line):\(column)" }
}
