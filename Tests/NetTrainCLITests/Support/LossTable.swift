import Foundation
import Testing

/// A `loss.csv` read back: its header and its rows of fields, by column name.
struct LossTable {
  let header: [String]
  let rows: [[String]]

  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  init(_ text: String) throws {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.last == "" else { throw Malformed(description: "no final newline") }
    lines.removeLast()
    guard let first = lines.first else { throw Malformed(description: "no header") }
    header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    rows = lines.dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    for (index, row) in rows.enumerated() where row.count != header.count {
      throw Malformed(description: "row \(index + 1) has \(row.count) fields: \(row)")
    }
  }

  /// The fields of `column`, top to bottom.
  func column(_ name: String) throws -> [String] {
    let index = try #require(header.firstIndex(of: name), "no column \(name) in \(header)")
    return rows.map { $0[index] }
  }

  /// The values of `column` as Doubles; fails the test on a field that is not a number.
  func numbers(_ name: String) throws -> [Double] {
    try column(name).map { field in try #require(Double(field), "\(name): '\(field)'") }
  }

  /// The table as CSV text without the `seconds` column (the part that must be reproducible).
  var withoutSeconds: String {
    guard let index = header.firstIndex(of: "seconds") else { return text(header, rows) }
    let drop = { (fields: [String]) in
      fields.enumerated().filter { $0.offset != index }.map(\.element)
    }
    return text(drop(header), rows.map(drop))
  }

  /// This table with one field replaced (`epoch` counts from 1).
  func replacing(epoch: Int, column name: String, with value: String) throws -> String {
    let index = try #require(header.firstIndex(of: name), "no column \(name)")
    var rows = self.rows
    rows[epoch - 1][index] = value
    return text(header, rows)
  }

  private func text(_ header: [String], _ rows: [[String]]) -> String {
    ([header] + rows).map { $0.joined(separator: ",") + "\n" }.joined()
  }
}
