import Foundation
import NetTrain

/// The CSV `predict` writes: every column of its input as it was written, then the prediction
/// columns; one line per row, fields quoted as RFC 4180 asks.
struct PredictionCSV {
  let input: CSVRawTable
  let predictions: PredictionTable

  /// Joins the input and its predictions, whose rows must line up.
  /// - Throws: `CSVError` when the input already has a column named like a prediction column
  ///   (a file that `predict` wrote, say), which would make the output's names ambiguous.
  init(input: CSVRawTable, predictions: PredictionTable) throws {
    precondition(
      input.rowCount == predictions.rows.count,
      "\(input.rowCount) input rows, \(predictions.rows.count) rows of predictions")
    if let name = predictions.columnNames.first(where: input.header.contains) {
      throw CSVError(
        path: input.displayPath,
        message: "the file already has a column named \"\(name)\", which predict adds; "
          + "rename or remove that column")
    }
    self.input = input
    self.predictions = predictions
  }

  /// The whole file: the header, then the rows, each line ending in `\n`.
  var text: String {
    var text = line(input.header + predictions.columnNames)
    for (fields, predicted) in zip(input.rows, predictions.rows) {
      text += line(fields + predicted)
    }
    return text
  }

  // MARK: - Private

  private func line(_ fields: [String]) -> String {
    fields.map(Self.quotedIfNeeded).joined(separator: ",") + "\n"
  }

  /// The field as is, or in double quotes with each quote doubled when it holds a comma, a
  /// quote or a line break.
  static func quotedIfNeeded(_ field: String) -> String {
    let needsQuotes = field.unicodeScalars.contains {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
