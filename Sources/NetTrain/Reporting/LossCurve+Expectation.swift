extension LossCurve {
  // MARK: - Reading a committed curve

  /// Reads a `loss.csv` as `fit` writes it. Only the epoch and loss columns are kept;
  /// `seconds` and the accuracies may be anything.
  public init(csvText text: String, path: String) throws {
    let lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" }
    guard let headerLine = lines.first else {
      throw LossCurveError(path: path, line: nil, message: "empty file, expected a loss.csv")
    }
    let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let column = { (name: String) in header.firstIndex(of: name) }
    guard let epochColumn = column("epoch"), let trainColumn = column("train_loss"),
      let validationColumn = column("val_loss")
    else {
      throw LossCurveError(
        path: path, line: 1, message: "expected a header with epoch,train_loss,val_loss")
    }
    self.init(isClassification: header.contains("train_accuracy"))
    for (offset, line) in lines.dropFirst().enumerated() {
      let lineNumber = offset + 2
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == header.count else {
        throw LossCurveError(
          path: path, line: lineNumber,
          message: "expected \(header.count) fields, found \(fields.count)")
      }
      func number(_ index: Int) throws -> Double? {
        if fields[index].isEmpty { return nil }
        guard let value = Double(fields[index]) else {
          throw LossCurveError(
            path: path, line: lineNumber,
            message: "\(header[index]): expected a number, found \"\(fields[index])\"")
        }
        return value
      }
      guard let epoch = Int(fields[epochColumn]), let trainLoss = try number(trainColumn) else {
        throw LossCurveError(path: path, line: lineNumber, message: "expected an epoch and a train_loss")
      }
      rows.append(
        EpochReport(
          epoch: epoch, trainingLoss: trainLoss, validationLoss: try number(validationColumn),
          seconds: 0))
    }
  }

  // MARK: - Comparing

  /// The first place where this curve's losses differ from `expected` by more than the
  /// relative `tolerance`, or `nil` when they agree everywhere.
  public func firstDifference(from expected: LossCurve, tolerance: Double) -> String? {
    for (index, wanted) in expected.rows.enumerated() {
      guard index < rows.count else {
        return "epoch \(wanted.epoch): expected a row, the new curve ends at epoch \(rows.count)"
      }
      let found = rows[index]
      let pairs: [(String, Double?, Double?)] = [
        ("train_loss", wanted.trainingLoss, found.trainingLoss),
        ("val_loss", wanted.validationLoss, found.validationLoss),
      ]
      for (column, a, b) in pairs where !Self.agree(a, b, tolerance: tolerance) {
        return "epoch \(wanted.epoch), \(column): expected \(Self.format(a)), found "
          + "\(Self.format(b)) (relative tolerance \(tolerance))"
      }
    }
    if rows.count > expected.rows.count {
      return "epoch \(expected.rows.count + 1): the new curve has \(rows.count) epochs, "
        + "the expected one \(expected.rows.count)"
    }
    return nil
  }

  static func agree(_ a: Double?, _ b: Double?, tolerance: Double) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (a?, b?):
      if a == b { return true }
      return Swift.abs(a - b) <= tolerance * Swift.max(Swift.abs(a), Swift.abs(b))
    default: return false
    }
  }
}

/// A `loss.csv` given to `--expect` that cannot be read.
public struct LossCurveError: Error, CustomStringConvertible {
  public let path: String
  public let line: Int?
  public let message: String

  public init(path: String, line: Int?, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String {
    line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
  }
}
