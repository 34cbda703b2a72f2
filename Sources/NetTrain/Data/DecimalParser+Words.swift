/// Scanning eight bytes of a number at a time, as one `UInt64` (SWAR: "SIMD within a
/// register"): the CSV fast path reads most numbers this way, with few branches.
extension DecimalParser.Scan {
  /// `prefix(of:from:)` for the most common numbers, with few branches: an optional sign,
  /// 1 to 7 digits, then optionally a point and up to 15 digits in all, and no exponent;
  /// nil for any other number (or too close to the end of `bytes`), which the general scan
  /// then reads. At most 15 digits: the significand is exact.
  ///
  /// The digits on both sides of the point are read as one word: the integer digits from
  /// the word at the number's first digit, the fraction digits from the word one byte on,
  /// which skips the point. So `0.125730` is one digit count and one conversion, not two.
  @inline(__always)
  static func shortPrefix(
    of bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (Self, Int)? {
    guard let base = bytes.baseAddress, start &+ 18 <= bytes.count else { return nil }
    var scan = Self()
    let first = base[start]
    scan.isNegative = first == UInt8(ascii: "-")
    let index = start &+ (isSign(first) ? 1 : 0)
    let integerWord = word(at: base + index)
    let integerDigits = leadingDigitCount(integerWord)
    guard integerDigits > 0, integerDigits < 8 else { return nil }
    var end = index &+ integerDigits
    if base[end] != UInt8(ascii: ".") {
      scan.significand = value(integerWord, digits: integerDigits)
    } else {
      let integerBytes = (1 as UInt64) &<< UInt64(8 &* integerDigits) &- 1
      let joined = (integerWord & integerBytes) | (word(at: base + (index &+ 1)) & ~integerBytes)
      var digits = leadingDigitCount(joined)  // integerDigits...8
      scan.significand = value(joined, digits: digits)
      if digits == 8 {  // more fraction digits may follow the word
        let rest = word(at: base + (index &+ 9))
        let restDigits = leadingDigitCount(rest)
        guard restDigits < 8 else { return nil }
        if restDigits > 0 {
          scan.significand = scan.significand &* powersOfTen[restDigits]
            &+ value(rest, digits: restDigits)
          digits &+= restDigits
        }
      }
      scan.exponent = integerDigits &- digits
      end = index &+ digits &+ 1
    }
    guard base[end] | 0x20 != UInt8(ascii: "e") else { return nil }
    return (scan, end)
  }

  /// The eight bytes at `address` as one word, the first byte lowest.
  @inline(__always)
  static func word(at address: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(address).loadUnaligned(as: UInt64.self))
  }

  /// Eight ASCII `"0"` bytes in one word.
  static var zeros: UInt64 { 0x3030_3030_3030_3030 }

  /// How many of the 8 bytes of `word`, first byte lowest, are ASCII digits before the first
  /// byte that is not: a byte is a digit when its high nibble is 3 and its low one below 10.
  @inline(__always)
  static func leadingDigitCount(_ word: UInt64) -> Int {
    let highNibbles = (word & 0xF0F0_F0F0_F0F0_F0F0) ^ zeros
    let lowNibbleOver9 = ((word & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606)
      & 0x1010_1010_1010_1010
    let notDigit = highNibbles | lowNibbleOver9  // a nonzero byte for each non-digit
    let flags = (((notDigit & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | notDigit)
      & 0x8080_8080_8080_8080
    return flags.trailingZeroBitCount / 8
  }

  /// The value of the first `digits` bytes of `word` (1 to 8 ASCII digits, first byte
  /// lowest and most significant), combining pairs, then quads, then the two halves.
  @inline(__always)
  static func value(_ word: UInt64, digits: Int) -> UInt64 {
    // Subtracting "0" from every byte borrows only upward, from the bytes after the digits,
    // which the shift drops; the digits move to the top bytes, zeros below them.
    var chunk = (word &- zeros) &<< UInt64(8 &* (8 &- digits))
    chunk = chunk &* 10 &+ (chunk >> 8)
    let pairs = chunk & 0x0000_00FF_0000_00FF
    let nextPairs = (chunk >> 16) & 0x0000_00FF_0000_00FF
    return (pairs &* (100 &+ (1_000_000 << 32)) &+ nextPairs &* (1 &+ (10_000 << 32))) >> 32
  }

  /// 10^n for n in 0...8.
  static let powersOfTen: [UInt64] = [
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
  ]
}
