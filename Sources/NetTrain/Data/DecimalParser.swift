import Foundation

/// Parses decimal numbers straight from bytes, giving the same `Double` as `Double(String)`
/// bit for bit, without making a `String`.
///
/// Grammar: an optional `+` or `-`, digits with an optional `.` (at least one digit on one
/// side: `5`, `.5`, `5.`), then an optional exponent `e` or `E`, an optional sign and digits.
/// No spaces, no hexadecimal, no `inf` or `nan`: callers trim and classify those.
///
/// Plain decimals take Clinger's fast path: a significand of at most 2^53 and a power of ten
/// within 10^±22 are both exact doubles, so one multiplication or division rounds once,
/// correctly. Everything else (long significands, large exponents) goes to `strtod`, which
/// glibc and Darwin round correctly.
enum DecimalParser {
  /// The value of `bytes`, or nil when they are not a decimal number in the grammar above.
  /// Overflow gives ±infinity and underflow ±0 or a subnormal, as `Double(String)` does.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let scan = Scan(bytes) else { return nil }
    if scan.significand == 0 { return scan.isNegative ? -0.0 : 0.0 }
    if !scan.isTruncated, scan.significand <= 1 << 53, abs(scan.exponent) <= 22 {
      let significand = Double(scan.significand)
      let value =
        scan.exponent >= 0
        ? significand * powersOfTen[scan.exponent]
        : significand / powersOfTen[-scan.exponent]
      return scan.isNegative ? -value : value
    }
    return slowParse(bytes)
  }

  /// 10^0 ... 10^22, every one exactly representable.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// `strtod` on a NUL-terminated copy. Should a C locale with another decimal point stop it
  /// early, `Double(String)` decides.
  private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let parsed = withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) {
      buffer -> Double? in
      guard let base = buffer.baseAddress else { return nil }
      for (index, byte) in bytes.enumerated() { base[index] = CChar(bitPattern: byte) }
      base[bytes.count] = 0
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(base, &end)
      return end == base + bytes.count ? value : nil
    }
    return parsed ?? Double(String(decoding: bytes, as: UTF8.self))
  }
}

// MARK: - Scanning

extension DecimalParser {
  /// A checked decimal: value = ±significand × 10^exponent, exactly, unless `isTruncated`
  /// (a nonzero digit past the 19 that fit in the significand).
  struct Scan {
    var isNegative = false
    var significand: UInt64 = 0
    var exponent = 0
    var isTruncated = false

    /// Nil when `bytes` do not follow the grammar.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      var index = 0
      let count = bytes.count
      if index < count, Self.isSign(bytes[index]) {
        isNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var digitCount = 0  // digits kept in `significand`, leading zeros excluded
      let integerStart = index
      readDigits(bytes, &index, &digitCount, isFraction: false)
      var sawDigit = index > integerStart
      if index < count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        let fractionStart = index
        readDigits(bytes, &index, &digitCount, isFraction: true)
        sawDigit = sawDigit || index > fractionStart
      }
      guard sawDigit else { return nil }
      if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
        guard let (value, end) = Self.exponent(bytes, from: index + 1) else { return nil }
        exponent += value
        index = end
      }
      guard index == count else { return nil }
    }

    /// Adds the digits from `index` on to the significand: at most 19 significant ones, the
    /// rest only moving the exponent (integer part) or marking truncation when nonzero.
    private mutating func readDigits(
      _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ digitCount: inout Int,
      isFraction: Bool
    ) {
      while index < bytes.count, let digit = Self.digit(bytes[index]) {
        if digitCount < 19 {
          if significand != 0 || digit != 0 { digitCount += 1 }
          significand = significand * 10 + digit
          if isFraction { exponent -= 1 }
        } else {
          if !isFraction { exponent += 1 }
          if digit != 0 { isTruncated = true }
        }
        index += 1
      }
    }

    private static func isSign(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func digit(_ byte: UInt8) -> UInt64? {
      byte &- UInt8(ascii: "0") < 10 ? UInt64(byte &- UInt8(ascii: "0")) : nil
    }

    /// The signed exponent after an `e`, capped far beyond any double's range, and where it
    /// ends; nil when there is no digit.
    private static func exponent(
      _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (Int, Int)? {
      var index = start
      var isNegative = false
      if index < bytes.count, isSign(bytes[index]) {
        isNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      let firstDigit = index
      var value = 0
      while index < bytes.count, let digit = Self.digit(bytes[index]) {
        value = min(value * 10 + Int(digit), 1_000_000)
        index += 1
      }
      guard index > firstDigit else { return nil }
      return (isNegative ? -value : value, index)
    }
  }
}
