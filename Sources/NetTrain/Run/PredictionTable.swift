/// A model's predictions as the columns `predict` appends to its input, every value as text.
///
/// The columns follow the task, `TARGET` being the model's target name:
/// - regression: `predicted_TARGET`, the value in the target's own units;
/// - binary: `probability_LABEL` (the probability of the class with index 1, `LABEL` its
///   label), then `predicted_TARGET`, the most probable label;
/// - multiclass: `predicted_TARGET`, then `probability_LABEL` for every class in index order.
///
/// Numbers are the shortest text that reads back to the same value of the model's scalar type
/// (`Float` or `Double`), without a `.0` for whole numbers: `1520.5`, `0.03125`, `2`, `1e-07`.
public struct PredictionTable: Equatable, Sendable {
  /// The names of the prediction columns, in order.
  public let columnNames: [String]
  /// The prediction fields of every row: [rows][columnNames.count].
  public let rows: [[String]]

  /// A table with the given columns; every row has one field per column.
  public init(columnNames: [String], rows: [[String]]) {
    precondition(
      rows.allSatisfy { $0.count == columnNames.count },
      "rows for \(columnNames.count) columns: \(rows.first?.count ?? 0) fields")
    self.columnNames = columnNames
    self.rows = rows
  }

  /// The text of `value`: Swift's shortest round-trip form, less a trailing `.0`.
  public static func text<Scalar: BinaryFloatingPoint & LosslessStringConvertible>(
    _ value: Scalar
  ) -> String {
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
