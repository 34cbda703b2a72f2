extension CSVTableBuilder {
  /// Reads the row starting at `start` when it is plain — every field unquoted, every feature
  /// a number with nothing around it, a usable target, the right number of fields, a line
  /// break (or the end of the input) after it — writing its features into slot `rowCount`,
  /// and returns where the next record starts. Returns nil, having counted nothing, for any
  /// other row (or one that runs past the window): the scanner then reads it and says what
  /// is wrong, if anything.
  @inline(__always)
  mutating func fastRow(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool
  ) -> Int? {
    guard let destination, let width = plan?.featureNames.count else { return nil }
    let row = destination + rowCount * width
    var index = start
    var label: String? = nil
    let plain = roles.withUnsafeBufferPointer { roles -> Bool in
      for field in roles.indices {
        if field > 0 {
          guard index < bytes.count, bytes[index] == CSVScanner.comma else { return false }
          index += 1
        }
        let role = roles[field]
        if role >= 0 {
          guard let value = Self.number(bytes, at: &index) else { return false }
          row[role] = value
        } else {
          let fieldStart = index
          guard Self.skipPlainText(bytes, at: &index) else { return false }
          if role == Self.targetRole {
            let text = UnsafeBufferPointer(rebasing: bytes[fieldStart..<index])
            guard !NumericField.isMissing(text), let text = CSVFieldText.utf8String(text) else {
              return false
            }
            label = text
          }
        }
      }
      return true
    }
    guard plain else { return nil }
    guard index < bytes.count else {
      guard isFinal else { return nil }
      commitFastRow(label: label, endsLine: false)
      return index
    }
    if bytes[index] == CSVScanner.lf {
      index += 1
    } else if bytes[index] == CSVScanner.cr, index + 1 < bytes.count {
      index += bytes[index + 1] == CSVScanner.lf ? 2 : 1
    } else {
      return nil  // a stray byte, another field, or a CR whose LF may be in the next window
    }
    commitFastRow(label: label, endsLine: true)
    return index
  }

  /// The finite number starting at `index`, moving `index` past it; nil when no number in
  /// `DecimalParser`'s grammar starts there or it does not fit a `Scalar`.
  @inline(__always)
  private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Scalar?
  {
    guard let (scan, end) = DecimalParser.Scan.prefix(of: bytes, from: index) else { return nil }
    let value =
      Scalar(fastPath: scan) ?? Scalar(exactly: UnsafeBufferPointer(rebasing: bytes[index..<end]))
    guard let value, value.isFinite else { return nil }
    index = end
    return value
  }

  /// Moves `index` to the end of an unquoted field; false at a quote, which the scanner
  /// must judge.
  @inline(__always)
  private static func skipPlainText(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int)
    -> Bool
  {
    while index < bytes.count {
      let byte = bytes[index]
      if CSVScanner.endsField(byte) { return true }
      if byte == CSVScanner.quote { return false }
      index += 1
    }
    return true
  }
}
