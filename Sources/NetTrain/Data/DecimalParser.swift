import Foundation

/// Parses decimal numbers straight from bytes, giving the same value as `Double(String)` (or
/// `Float(String)`) bit for bit, without making a `String`.
///
/// Grammar: an optional `+` or `-`, digits with an optional `.` (at least one digit on one
/// side: `5`, `.5`, `5.`), then an optional exponent `e` or `E`, an optional sign and digits.
/// No spaces, no hexadecimal, no `inf` or `nan`: callers trim and classify those.
///
/// Short plain decimals are scanned eight bytes at a time (`DecimalParser+Words.swift`).
/// Plain decimals take Clinger's fast path (see `DecimalConvertible`); long significands and
/// large exponents go to the C library's `strtod`/`strtof`, which glibc and Darwin round
/// correctly.
enum DecimalParser {
  /// The value of `bytes`, or nil when they are not a decimal number in the grammar above.
  /// Overflow gives ±infinity and underflow ±0 or a subnormal, as `Double(String)` does.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    value(bytes, as: Double.self)
  }

  /// The value of `bytes` as a `Scalar`, rounded once from the decimal (never through a
  /// `Double` first); nil when they are not a decimal number.
  @inline(__always)
  static func value<Scalar: DecimalConvertible>(
    _ bytes: UnsafeBufferPointer<UInt8>, as _: Scalar.Type
  ) -> Scalar? {
    guard let (scan, end) = Scan.prefix(of: bytes, from: 0), end == bytes.count else {
      return nil
    }
    return Scalar(fastPath: scan) ?? Scalar(exactly: bytes)
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

    /// The longest number in the grammar that starts at `start`, and where it ends; nil
    /// when no number starts there. The caller checks what follows it.
    @inline(__always)
    static func prefix(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Scan, Int)? {
      if let short = shortPrefix(of: bytes, from: start) { return short }
      var scan = Scan()
      var index = start
      let count = bytes.count
      if index < count {  // a sign, without a branch: signs come at random in real data
        let first = bytes[index]
        scan.isNegative = first == UInt8(ascii: "-")
        index &+= isSign(first) ? 1 : 0
      }
      var digitCount = 0  // digits kept in `significand`, leading zeros excluded
      let integerStart = index
      scan.readDigits(bytes, &index, &digitCount, isFraction: false)
      var sawDigit = index > integerStart
      if index < count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        let fractionStart = index
        scan.readDigits(bytes, &index, &digitCount, isFraction: true)
        sawDigit = sawDigit || index > fractionStart
      }
      guard sawDigit else { return nil }
      if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
        guard let (value, end) = exponent(bytes, from: index + 1) else { return nil }
        scan.exponent += value
        index = end
      }
      return (scan, index)
    }

    /// Adds the digits from `index` on to the significand: at most 19 significant ones, the
    /// rest only moving the exponent (integer part) or marking truncation when nonzero.
    @inline(__always)
    private mutating func readDigits(
      _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ digitCount: inout Int,
      isFraction: Bool
    ) {
      while index &+ 8 <= bytes.count, let base = bytes.baseAddress {
        let word = Self.word(at: base + index)
        let count = Self.leadingDigitCount(word)
        guard count > 0, digitCount + count <= 19 else { break }
        let leadingZeros = min(count, (word ^ Self.zeros).trailingZeroBitCount / 8)  // "0" bytes
        digitCount += significand != 0 ? count : count - leadingZeros
        significand = significand &* Self.powersOfTen[count] &+ Self.value(word, digits: count)
        if isFraction { exponent -= count }
        index += count
        if count < 8 { return }
      }
      while index < bytes.count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        if digitCount < 19 {
          if significand != 0 || digit != 0 { digitCount += 1 }
          significand = significand &* 10 &+ UInt64(digit)
          if isFraction { exponent -= 1 }
        } else {
          if !isFraction { exponent += 1 }
          if digit != 0 { isTruncated = true }
        }
        index += 1
      }
    }

    static func isSign(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
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
      while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
        value = min(value * 10 + Int(bytes[index] &- UInt8(ascii: "0")), 1_000_000)
        index += 1
      }
      guard index > firstDigit else { return nil }
      return (isNegative ? -value : value, index)
    }
  }

  /// `strtod` or `strtof` (`convert`) on a NUL-terminated copy of `bytes`; nil when it stops
  /// before their end (a C locale with another decimal point), for the caller to fall back.
  static func withCString<Value>(
    _ bytes: UnsafeBufferPointer<UInt8>,
    _ convert: (UnsafePointer<CChar>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Value
  ) -> Value? {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
      guard let base = buffer.baseAddress else { return nil }
      for (index, byte) in bytes.enumerated() { base[index] = CChar(bitPattern: byte) }
      base[bytes.count] = 0
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = convert(base, &end)
      return end == base + bytes.count ? value : nil
    }
  }
}
