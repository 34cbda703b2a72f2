/// The columns of a CSV file that a caller asked for: the features as numbers, row-major, and
/// the target as the text of its fields, with the line of every row for later messages.
public struct CSVData: Equatable, Sendable {
  /// The file as the user named it, for messages.
  public let displayPath: String
  /// Every column name of the file, in file order.
  public let header: [String]
  /// The feature columns, in the order they were requested (file order when defaulted).
  public let featureNames: [String]
  /// The 1-based field number of each feature column, parallel to `featureNames`.
  public let featureFieldNumbers: [Int]
  /// The number of data rows.
  public let rowCount: Int
  /// The feature values, row-major: [rowCount, featureNames.count]. Every one is finite.
  public let features: [Double]
  /// The target column's name, when there is a target.
  public let targetName: String?
  /// The target column's 1-based field number, when there is a target.
  public let targetFieldNumber: Int?
  /// The raw text of the target field of each row (quotes removed), when there is a target.
  /// None is empty or a missing-value marker such as `NA`.
  public let targetFields: [String]?
  /// The physical 1-based line each data row starts on.
  public let lines: [Int]

  /// The number of feature columns.
  public var featureCount: Int { featureNames.count }

  /// The features of one row: [featureCount].
  public func featureRow(_ row: Int) -> ArraySlice<Double> {
    precondition(row >= 0 && row < rowCount, "row \(row) outside 0..<\(rowCount)")
    return features[(row * featureCount)..<((row + 1) * featureCount)]
  }

  /// The target parsed as numbers: [rowCount]. Throws a `CSVError` at the first field that
  /// is not a finite number, or when there is no target.
  public func numericTarget() throws -> [Double] {
    guard let targetFields, let targetName, let targetFieldNumber else {
      throw CSVError(path: displayPath, message: "no target column")
    }
    var values: [Double] = []
    values.reserveCapacity(rowCount)
    for (row, text) in targetFields.enumerated() {
      var text = text
      let parsed = text.withUTF8 { bytes -> Result<Double, CSVError> in
        let field = NumericField(bytes)
        if case .number(let value) = field { return .success(value) }
        let problem = field.problem(text: bytes) ?? "not a number"
        return .failure(
          CSVError(
            path: displayPath, line: lines[row], column: targetFieldNumber,
            message: "column \(CSVError.quoted(targetName)): \(problem)"))
      }
      values.append(try parsed.get())
    }
    return values
  }

  /// An error about one row, or one field of it, located at its line (and field number).
  public func error(row: Int, fieldNumber: Int? = nil, _ message: String) -> CSVError {
    precondition(row >= 0 && row < rowCount, "row \(row) outside 0..<\(rowCount)")
    return CSVError(path: displayPath, line: lines[row], column: fieldNumber, message: message)
  }
}
