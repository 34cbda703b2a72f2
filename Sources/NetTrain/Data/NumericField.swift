/// What one field of a numeric column holds: a finite number, or why it is not one.
///
/// Spaces and tabs around a number are allowed (`" 3.5 "` is 3.5), inside quotes too.
enum NumericField: Equatable {
  /// A finite number (exact in the precision it was read in).
  case number(Double)
  /// Nothing but spaces or tabs.
  case empty
  /// A conventional marker for a missing value: `NA`, `NaN`, `N/A`, `null`, `?`, ...
  case missing
  /// `inf`, `-Infinity` and the like.
  case infinite
  /// A decimal number too large for the precision, such as `1e999` for a double.
  case outOfRange
  /// Anything else.
  case invalid

  /// Classifies the bytes of one field, reading a number as a `Scalar`.
  init<Scalar: DecimalConvertible>(
    _ field: UnsafeBufferPointer<UInt8>, as _: Scalar.Type = Double.self
  ) {
    let text = Self.trimmed(field)
    if text.isEmpty {
      self = .empty
    } else if let value = DecimalParser.value(text, as: Scalar.self) {
      self = value.isFinite ? .number(Double(value)) : .outOfRange
    } else if Self.matches(text, Self.missingMarkers) {
      self = .missing
    } else if Self.matches(text, Self.infinityMarkers) {
      self = .infinite
    } else {
      self = .invalid
    }
  }

  /// Why a field holding `text` is not a usable number, or nil for a finite number.
  /// - Parameter rangeName: the precision it was read in, for `outOfRange` ("a double").
  func problem(text: UnsafeBufferPointer<UInt8>, rangeName: String = Double.rangeName)
    -> String?
  {
    let shown = CSVError.quoted(Self.trimmed(text))
    switch self {
    case .number: return nil
    case .empty: return "missing value (empty field)"
    case .missing: return "missing value \(shown)"
    case .infinite: return "infinite value \(shown); values must be finite numbers"
    case .outOfRange: return "number \(shown) is out of range for \(rangeName)"
    case .invalid:
      let hint =
        Self.looksLikeDecimalComma(Self.trimmed(text))
        ? " (use \".\" as the decimal point)" : ""
      return "expected a number, found \(shown)\(hint)"
    }
  }

  /// True when `field` is empty or a missing-value marker: not a usable value in any column,
  /// numbers or labels.
  static func isMissing(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    let text = trimmed(field)
    return text.isEmpty || matches(text, missingMarkers)
  }

  // MARK: - Helpers

  private static let missingMarkers: [[UInt8]] = [
    "na", "n/a", "nan", "+nan", "-nan", "null", "none", "?", "#n/a", "<na>",
  ].map { Array($0.utf8) }

  private static let infinityMarkers: [[UInt8]] = [
    "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity",
  ].map { Array($0.utf8) }

  /// `field` without spaces and tabs at either end.
  static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = field.count
    while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
    while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
    return UnsafeBufferPointer(rebasing: field[start..<end])
  }

  /// Whether `text`, ASCII case folded, is one of `markers` (which are lower case).
  private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ markers: [[UInt8]]) -> Bool {
    guard text.count <= 9 else { return false }
    let folded = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    return markers.contains(folded)
  }

  /// Digits, one comma, digits: a number written with a decimal comma, like `3,5`.
  private static func looksLikeDecimalComma(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let parts = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { part in
        !part.isEmpty && part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      }
  }
}
