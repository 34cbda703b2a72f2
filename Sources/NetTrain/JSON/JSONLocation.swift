/// A position in a JSON text: line and column, both counting from 1. Columns count Unicode
/// scalars, so they match what an editor shows for non-ASCII text.
public struct JSONLocation: Hashable, Sendable, CustomStringConvertible {
  /// The line, from 1.
  public let line: Int
  /// The column, from 1.
  public let column: Int

  /// The position at `line`, `column` (both from 1).
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `LINE:COLUMN`.
  public var description: String { "\(line):\(column)" }
}
