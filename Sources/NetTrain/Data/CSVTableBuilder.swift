/// Turns the records of a CSV file into rows as the bytes stream past: the first record is
/// the header, every later one a row. Only the requested columns are converted, each feature
/// straight into its slot of the caller's storage, as a `Scalar`.
///
/// Lines with no bytes at all are skipped wherever they are (before the header, between rows,
/// at the end); their lines still count, so later line numbers stay physical. A line holding
/// only spaces is not blank: it is a row with one field.
///
/// A row of plain fields (unquoted numbers without spaces, a plain target) takes a fast path
/// that converts each number as it scans it; any other row, and any row with a problem, goes
/// through `CSVScanner` and `NumericField`, which say what is wrong and where.
struct CSVTableBuilder<Scalar: DecimalConvertible> {
  /// Why `consume` returned.
  enum Progress: Equatable {
    /// The window holds no whole record more; hand it more bytes.
    case needMoreInput
    /// The input is exhausted.
    case endOfInput
    /// The header is read (only when asked to stop there).
    case readHeader
    /// A record starts at or past the stop offset.
    case reachedStop
    /// A row is waiting and `rowLimit` rows are written: make room and call again.
    case full
  }

  let path: String
  private let request: CSVColumnRequest
  private(set) var scanner: CSVScanner
  private(set) var plan: CSVColumnPlan? = nil
  private var checkedStart = false
  /// For each field of a row: the feature slot it fills, `targetRole`, or `unusedRole`.
  private(set) var roles: [Int] = []
  /// Where row 0 of this builder's rows goes, `rowLimit` rows of `plan.featureNames.count`.
  var destination: UnsafeMutablePointer<Scalar>? = nil
  var rowLimit = 0
  private(set) var rowCount = 0
  private(set) var targets: [String] = []
  private(set) var lines: [Int] = []

  static var targetRole: Int { -1 }
  static var unusedRole: Int { -2 }

  init(path: String, request: CSVColumnRequest) {
    self.path = path
    self.request = request
    self.scanner = CSVScanner(path: path)
  }

  /// A builder for the rows that start at a record boundary in the middle of the file,
  /// knowing the header from `header`; its line numbers count from 1 at that boundary.
  init(continuing header: CSVTableBuilder) {
    self.init(path: header.path, request: header.request)
    plan = header.plan
    roles = header.roles
    checkedStart = true
    scanner.columnNames = header.scanner.columnNames
  }

  /// Consumes every whole record of `bytes` from `position` on, moving `position` past them.
  ///
  /// - Parameters:
  ///   - isFinal: no more bytes follow `bytes`.
  ///   - stop: returns `.reachedStop` before a record that starts at or past this position.
  ///   - stopsAfterHeader: returns `.readHeader` once the header is read.
  mutating func consume(
    _ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int, isFinal: Bool,
    stop: Int = .max, stopsAfterHeader: Bool = false
  ) throws -> Progress {
    if !checkedStart {
      guard let start = try checkStart(bytes, isFinal: isFinal) else { return .needMoreInput }
      position = start
      checkedStart = true
    }
    while true {
      if position >= stop { return .reachedStop }
      if plan != nil {
        if rowCount == rowLimit {
          return position == bytes.count && isFinal ? .endOfInput : .full
        }
        if let end = fastRow(bytes, from: position, isFinal: isFinal) {
          position = end
          continue
        }
      }
      switch try scanner.scanRecord(in: bytes, from: position, isFinal: isFinal) {
      case .needMoreInput: return .needMoreInput
      case .endOfInput: return .endOfInput
      case .blankLine(let end): position = end
      case .record(let end):
        position = end
        if plan == nil {
          try readHeader(bytes)
          if stopsAfterHeader { return .readHeader }
        } else {
          try addRow(bytes)
        }
      }
    }
  }

  /// Counts a row the fast path wrote into slot `rowCount`: its target label, and whether it
  /// ended in a line break (the last line of a file may not).
  mutating func commitFastRow(label: String?, endsLine: Bool) {
    if let label { targets.append(label) }
    lines.append(scanner.line)
    scanner.commitPlainRecord(endsLine: endsLine)
    rowCount += 1
  }

  /// Checks that there is a header and at least one row (`rows` in all).
  func checkComplete(rows: Int) throws {
    guard plan != nil else {
      throw CSVError(path: path, message: "empty file: expected a header row")
    }
    guard rows > 0 else {
      throw CSVError(path: path, message: "no data rows: the file has only a header")
    }
  }

  /// Appends the rows of `other`, a builder that continued this one's rows where it stopped
  /// (its values already moved into place), renumbering its lines.
  mutating func append(_ other: CSVTableBuilder) {
    let lineOffset = scanner.line - 1
    rowCount += other.rowCount
    targets += other.targets
    lines += other.lines.map { $0 + lineOffset }
  }

  /// The data read, once the whole input is consumed, with `values` the rows written.
  func finish(values: FeatureValues) throws -> CSVData {
    try checkComplete(rows: rowCount)
    guard let plan else { preconditionFailure("finish before the header") }
    return CSVData(
      displayPath: path, header: plan.header, featureNames: plan.featureNames,
      featureFieldNumbers: plan.featureFields.map { $0 + 1 }, featureValues: values,
      targetName: plan.targetField.map { plan.header[$0] },
      targetFieldNumber: plan.targetField.map { $0 + 1 },
      targetFields: plan.targetField == nil ? nil : targets, lines: lines)
  }

  // MARK: - Start of file

  /// How much of the start of a file is checked for signs of binary data.
  private static var startLength: Int { 4096 }

  /// Where the text starts (after a UTF-8 byte-order mark), or nil until enough bytes are in.
  /// Rejects UTF-16 and files with a NUL byte in the first 4 KiB: those are not CSV text.
  private func checkStart(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws -> Int? {
    guard bytes.count >= Self.startLength || isFinal else { return nil }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw CSVError(path: path, message: "the file is UTF-16 text; save it as UTF-8")
    }
    if let nul = bytes.prefix(Self.startLength).firstIndex(of: 0) {
      let line = 1 + bytes[..<nul].lazy.filter { $0 == CSVScanner.lf }.count
      throw CSVError(
        path: path, line: line,
        message: "NUL byte in the text: this looks like a binary file, not CSV text")
    }
    return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  // MARK: - Records

  private mutating func readHeader(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    let line = scanner.recordLine
    var names: [String] = []
    for (index, field) in scanner.fields.enumerated() {
      let text = CSVFieldText.text(of: field, in: bytes)
      guard !text.contains(0), let name = CSVFieldText.utf8String(text) else {
        throw CSVError(
          path: path, line: line, column: index + 1,
          message: "the header is not UTF-8 text: this does not look like a CSV file")
      }
      names.append(name)
    }
    let plan = try CSVColumnPlan(header: names, request: request, path: path, line: line)
    roles = Array(repeating: Self.unusedRole, count: names.count)
    for (field, role) in plan.usedFields {
      if case .feature(let slot) = role { roles[field] = slot } else { roles[field] = Self.targetRole }
    }
    self.plan = plan
    scanner.columnNames = names
  }

  private mutating func addRow(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    guard let plan else { preconditionFailure("addRow before the header") }
    let fields = scanner.fields
    guard fields.count == plan.header.count else {
      throw CSVError(
        path: path, line: scanner.recordLine,
        message: "expected \(plan.header.count) fields, found \(fields.count)")
    }
    guard let destination else { preconditionFailure("rows without a destination") }
    let row = destination + rowCount * plan.featureNames.count
    for (index, role) in plan.usedFields {
      let field = fields[index]
      let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
      if field.hasDoubledQuotes {
        try CSVFieldText.unescaped(raw).withUnsafeBufferPointer {
          try store($0, field: index, role: role, row: row)
        }
      } else {
        try store(raw, field: index, role: role, row: row)
      }
    }
    lines.append(scanner.recordLine)
    rowCount += 1
  }

  /// Converts one used field of the current row into its feature or target slot.
  private mutating func store(
    _ text: UnsafeBufferPointer<UInt8>, field: Int, role: CSVColumnPlan.Role,
    row: UnsafeMutablePointer<Scalar>
  ) throws {
    switch role {
    case .feature(let slot):
      let value = NumericField(text, as: Scalar.self)
      guard case .number(let number) = value else {
        throw fieldError(
          field, value.problem(text: text, rangeName: Scalar.rangeName) ?? "not a number")
      }
      row[slot] = Scalar(number)
    case .target:
      if NumericField.isMissing(text) {
        throw fieldError(field, NumericField(text).problem(text: text) ?? "missing value")
      }
      guard let label = CSVFieldText.utf8String(text) else {
        throw fieldError(field, "the target is not UTF-8 text")
      }
      targets.append(label)
    }
  }

  private func fieldError(_ field: Int, _ problem: String) -> CSVError {
    let name = CSVError.quoted(scanner.columnNames[field])
    return CSVError(
      path: path, line: scanner.recordLine, column: field + 1,
      message: "column \(name): \(problem)")
  }
}
