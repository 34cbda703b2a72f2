/// Turns the records of a CSV file into a `CSVData` as the bytes stream past: the first
/// record is the header, every later one a row. Only the requested columns are converted.
///
/// Lines with no bytes at all are skipped wherever they are (before the header, between rows,
/// at the end); their lines still count, so later line numbers stay physical. A line holding
/// only spaces is not blank: it is a row with one field.
struct CSVTableBuilder {
  private let path: String
  private let request: CSVColumnRequest
  private var scanner: CSVScanner
  private var plan: CSVColumnPlan? = nil
  private var checkedStart = false
  private var features: [Double] = []
  private var targets: [String] = []
  private var lines: [Int] = []

  init(path: String, request: CSVColumnRequest) {
    self.path = path
    self.request = request
    self.scanner = CSVScanner(path: path)
  }

  /// Consumes every whole record of `bytes` from `position` on, moving `position` past them.
  /// Returns true at the end of the input (only when `isFinal`, no more bytes follow).
  mutating func consume(
    _ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int, isFinal: Bool
  ) throws -> Bool {
    if !checkedStart {
      guard let start = try checkStart(bytes, isFinal: isFinal) else { return false }
      position = start
      checkedStart = true
    }
    while true {
      switch try scanner.scanRecord(in: bytes, from: position, isFinal: isFinal) {
      case .needMoreInput: return false
      case .endOfInput: return true
      case .blankLine(let end): position = end
      case .record(let end):
        if plan == nil { try readHeader(bytes) } else { try addRow(bytes) }
        position = end
      }
    }
  }

  /// The data read, once the whole input is consumed.
  func finish() throws -> CSVData {
    guard let plan else { throw CSVError(path: path, message: "empty file: expected a header row") }
    guard !lines.isEmpty else {
      throw CSVError(path: path, message: "no data rows: the file has only a header")
    }
    return CSVData(
      displayPath: path, header: plan.header, featureNames: plan.featureNames,
      featureFieldNumbers: plan.featureFields.map { $0 + 1 }, features: features,
      targetName: plan.targetField.map { plan.header[$0] },
      targetFieldNumber: plan.targetField.map { $0 + 1 },
      targetFields: plan.targetField == nil ? nil : targets, lines: lines)
  }

  // MARK: - Start of file

  /// How much of the start of a file is checked for signs of binary data.
  private static let startLength = 4096

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
      let text = Self.text(of: field, in: bytes)
      guard !text.contains(0), let name = Self.utf8String(text) else {
        throw CSVError(
          path: path, line: line, column: index + 1,
          message: "the header is not UTF-8 text: this does not look like a CSV file")
      }
      names.append(name)
    }
    plan = try CSVColumnPlan(header: names, request: request, path: path, line: line)
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
    let base = features.count
    features.append(contentsOf: repeatElement(0, count: plan.featureNames.count))
    for (index, role) in plan.usedFields {
      let field = fields[index]
      let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
      if field.hasDoubledQuotes {
        try Self.unescaped(raw).withUnsafeBufferPointer {
          try store($0, field: index, role: role, base: base)
        }
      } else {
        try store(raw, field: index, role: role, base: base)
      }
    }
    lines.append(scanner.recordLine)
  }

  /// Converts one used field of the current row into its feature or target slot.
  private mutating func store(
    _ text: UnsafeBufferPointer<UInt8>, field: Int, role: CSVColumnPlan.Role, base: Int
  ) throws {
    switch role {
    case .feature(let slot):
      let value = NumericField(text)
      guard case .number(let number) = value else {
        throw fieldError(field, value.problem(text: text) ?? "not a number")
      }
      features[base + slot] = number
    case .target:
      if NumericField.isMissing(text) {
        throw fieldError(field, NumericField(text).problem(text: text) ?? "missing value")
      }
      guard let label = Self.utf8String(text) else {
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

  // MARK: - Field text

  /// The bytes of a field with each doubled quote made single.
  static func text(
    of field: CSVScanner.Field, in bytes: UnsafeBufferPointer<UInt8>
  ) -> [UInt8] {
    let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    return field.hasDoubledQuotes ? unescaped(raw) : Array(raw)
  }

  /// The text of `bytes`, or nil when they are not valid UTF-8. (`String(validating:as:)`
  /// would do, but needs macOS 15.)
  static func utf8String(_ bytes: some Collection<UInt8>) -> String? {
    if !bytes.allSatisfy({ $0 < 0x80 }) {
      var decoder = UTF8()
      var iterator = bytes.makeIterator()
      decoding: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: break decoding
        case .error: return nil
        }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var text: [UInt8] = []
    text.reserveCapacity(raw.count)
    var skipsQuote = false
    for byte in raw {
      if skipsQuote {
        skipsQuote = false
        continue
      }
      text.append(byte)
      skipsQuote = byte == CSVScanner.quote
    }
    return text
  }
}
