/// Rows of cells printed in aligned columns: text on the left of its column, numbers on the
/// right, two spaces between columns.
struct TextTable {
  /// The cells, row by row; rows may be shorter than the widest.
  var rows: [[String]]
  /// The columns whose cells line up on the right (numbers).
  var rightAligned: Set<Int>

  init(_ rows: [[String]], rightAligned: Set<Int> = []) {
    self.rows = rows
    self.rightAligned = rightAligned
  }

  /// One line per row, each starting with `indent` spaces, without trailing spaces.
  func lines(indent: Int = 2) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    return rows.map { row in
      let cells = row.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return rightAligned.contains(column) ? padding + cell : cell + padding
      }
      let line = String(repeating: " ", count: indent) + cells.joined(separator: "  ")
      return String(line.reversed().drop { $0 == " " }.reversed())
    }
  }
}
