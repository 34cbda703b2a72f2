import Autograd
import Foundation

/// A tensor scalar that decimal text converts to, correctly rounded: `Double` and `Float`.
///
/// Clinger's fast path: when the significand and the power of ten are both exact in the
/// type, one multiplication or division rounds once, correctly. Otherwise the C library's
/// correctly rounded conversion decides.
protocol DecimalConvertible: TensorScalar {
  /// The value of a scanned decimal by the fast path, or nil when it does not apply.
  static func fastPath(_ scan: DecimalParser.Scan) -> Self?
  /// The value of decimal text (already checked against the grammar), correctly rounded.
  static func exactly(_ bytes: UnsafeBufferPointer<UInt8>) -> Self?
  /// How messages name the type's range: "a double".
  static var rangeName: String { get }
  /// `values` tagged with their precision.
  static func featureValues(_ values: [Self]) -> FeatureValues
}

extension DecimalConvertible {
  @inline(__always)
  init?(fastPath scan: DecimalParser.Scan) {
    guard let value = Self.fastPath(scan) else { return nil }
    self = value
  }

  init?(exactly bytes: UnsafeBufferPointer<UInt8>) {
    guard let value = Self.exactly(bytes) else { return nil }
    self = value
  }
}

/// 10^0 ... 10^22, every one exactly representable as a double.
private let doublePowersOfTen: [Double] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// 10^0 ... 10^10, every one exactly representable as a float.
private let floatPowersOfTen: [Float] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
]

extension Double: DecimalConvertible {
  /// A significand of at most 2^53 and a power of ten within 10^±22 are exact doubles.
  @inline(__always)
  static func fastPath(_ scan: DecimalParser.Scan) -> Double? {
    if scan.significand == 0, !scan.isTruncated { return scan.isNegative ? -0.0 : 0.0 }
    guard !scan.isTruncated, scan.significand <= 1 << 53, abs(scan.exponent) <= 22 else {
      return nil
    }
    let significand = Double(scan.significand)
    let value =
      scan.exponent >= 0
      ? significand * doublePowersOfTen[scan.exponent]
      : significand / doublePowersOfTen[-scan.exponent]
    return scan.isNegative ? -value : value
  }

  static func exactly(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    DecimalParser.withCString(bytes) { strtod($0, $1) }
      ?? Double(String(decoding: bytes, as: UTF8.self))
  }

  static var rangeName: String { "a double" }
}

extension Float: DecimalConvertible {
  /// A significand of at most 2^24 and a power of ten within 10^±10 are exact floats. Up to
  /// 2^53 and 10^±22, the double fast path rounds once; rounding that double to a float is
  /// then the correct rounding of the decimal unless the double lies exactly halfway between
  /// two floats (it may have been rounded onto the midpoint): those go the exact way.
  @inline(__always)
  static func fastPath(_ scan: DecimalParser.Scan) -> Float? {
    if scan.significand == 0, !scan.isTruncated { return scan.isNegative ? -0.0 : 0.0 }
    guard !scan.isTruncated, scan.significand <= 1 << 53, abs(scan.exponent) <= 22 else {
      return nil
    }
    if scan.significand <= 1 << 24, abs(scan.exponent) <= 10 {
      let significand = Float(scan.significand)
      let value =
        scan.exponent >= 0
        ? significand * floatPowersOfTen[scan.exponent]
        : significand / floatPowersOfTen[-scan.exponent]
      return scan.isNegative ? -value : value
    }
    guard let double = Double.fastPath(scan) else { return nil }
    // Between 1e-22 and 2^53·1e22 every float is normal: 29 of the double's 52 fraction
    // bits fall below a float's last one; a midpoint has exactly the top one of them set.
    let belowFloat = double.bitPattern & ((1 << 29) - 1)
    guard belowFloat != 1 << 28 else { return nil }
    return Float(double)
  }

  static func exactly(_ bytes: UnsafeBufferPointer<UInt8>) -> Float? {
    DecimalParser.withCString(bytes) { strtof($0, $1) }
      ?? Float(String(decoding: bytes, as: UTF8.self))
  }

  static var rangeName: String { "a float (precision float32)" }
}

extension Double {
  static func featureValues(_ values: [Double]) -> FeatureValues { .float64(values) }
}

extension Float {
  static func featureValues(_ values: [Float]) -> FeatureValues { .float32(values) }
}
