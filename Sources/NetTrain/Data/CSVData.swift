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
  /// The feature values, row-major: [rowCount, featureNames.count], in the precision they
  /// were read in. Every one is finite.
  public internal(set) var featureValues: FeatureValues
  /// The target column's name, when there is a target.
  public let targetName: String?
  /// The target column's 1-based field number, when there is a target.
  public let targetFieldNumber: Int?
  /// The raw text of the target field of each row (quotes removed), when there is a target.
  /// None is empty or a missing-value marker such as `NA`.
  public let targetFields: [String]?
  /// The physical 1-based line each data row starts on.
  public let lines: [Int]

  /// Data made in memory, or a subset of read data. Rows are numbered for messages by
  /// `lines` (default: 2, 3, ... as if read from a file with a header on line 1).
  ///
  /// - Parameters:
  ///   - features: [rowCount, featureNames.count], row-major, every value finite.
  ///   - targetFields: [rowCount] when `targetName` is given, else nil.
  public init(
    displayPath: String, header: [String]? = nil, featureNames: [String],
    featureFieldNumbers: [Int]? = nil, features: [Double], targetName: String? = nil,
    targetFieldNumber: Int? = nil, targetFields: [String]? = nil, lines: [Int]? = nil
  ) {
    self.init(
      displayPath: displayPath, header: header, featureNames: featureNames,
      featureFieldNumbers: featureFieldNumbers, featureValues: .float64(features),
      targetName: targetName, targetFieldNumber: targetFieldNumber, targetFields: targetFields,
      lines: lines)
  }

  /// `init(displayPath:...features:...)` with values of either precision.
  public init(
    displayPath: String, header: [String]? = nil, featureNames: [String],
    featureFieldNumbers: [Int]? = nil, featureValues: FeatureValues, targetName: String? = nil,
    targetFieldNumber: Int? = nil, targetFields: [String]? = nil, lines: [Int]? = nil
  ) {
    let width = featureNames.count
    let count = featureValues.count
    precondition(
      width > 0 && count % width == 0,
      "\(count) feature values for \(width) feature columns")
    let rowCount = count / width
    precondition((targetName == nil) == (targetFields == nil), "targetName without targetFields")
    precondition(
      targetFields.map { $0.count == rowCount } ?? true,
      "\(targetFields?.count ?? 0) target fields for \(rowCount) rows")
    precondition(lines.map { $0.count == rowCount } ?? true, "lines for \(rowCount) rows")
    self.displayPath = displayPath
    self.header = header ?? featureNames + (targetName.map { [$0] } ?? [])
    self.featureNames = featureNames
    self.featureFieldNumbers = featureFieldNumbers ?? Array(1...width)
    self.rowCount = rowCount
    self.featureValues = featureValues
    self.targetName = targetName
    self.targetFieldNumber = targetFieldNumber ?? targetName.map { _ in width + 1 }
    self.targetFields = targetFields
    self.lines = lines ?? Array((0..<rowCount).map { $0 + 2 })
  }

  /// The rows at `indices`, in that order, keeping each row's line for messages.
  public func rows(_ indices: some Collection<Int>) -> CSVData {
    CSVData(
      displayPath: displayPath, header: header, featureNames: featureNames,
      featureFieldNumbers: featureFieldNumbers,
      featureValues: featureValues.rows(indices, width: featureCount), targetName: targetName,
      targetFieldNumber: targetFieldNumber,
      targetFields: targetFields.map { fields in
        indices.map { fields[$0] }
      }, lines: indices.map { lines[$0] })
  }

  /// The feature values as doubles, row-major: [rowCount, featureCount] (a converted copy
  /// when they were read as floats).
  public var features: [Double] { featureValues.values(as: Double.self) }

  /// Standardises the feature values in place, leaving them in `Scalar`'s precision.
  mutating func standardizeFeatures<Scalar: TensorScalar>(with scaling: Standardizer<Scalar>) {
    precondition(
      scaling.columns == featureCount, "\(scaling.columns) scales for \(featureCount) features")
    featureValues.standardize(with: scaling)
  }

  /// The number of feature columns.
  public var featureCount: Int { featureNames.count }

  /// The features of one row: [featureCount].
  public func featureRow(_ row: Int) -> [Double] {
    precondition(row >= 0 && row < rowCount, "row \(row) outside 0..<\(rowCount)")
    let range = (row * featureCount)..<((row + 1) * featureCount)
    switch featureValues {
    case .float64(let values): return Array(values[range])
    case .float32(let values): return values[range].map { Double($0) }
    }
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
