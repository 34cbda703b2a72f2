import Foundation

/// The floating-point types a `Tensor` can hold: `Double` (the default) and `Float`.
///
/// The elementary functions are listed here so that generic kernels can call them and still
/// specialise to a direct call of the C library's `exp`, `log`, … for the concrete type.
public protocol TensorScalar: BinaryFloatingPoint, SIMDScalar, Sendable, LosslessStringConvertible
where Self.RawSignificand: FixedWidthInteger {
  static func exp(_ x: Self) -> Self
  static func log(_ x: Self) -> Self
  static func log1p(_ x: Self) -> Self
  static func sin(_ x: Self) -> Self
  static func cos(_ x: Self) -> Self
  static func tanh(_ x: Self) -> Self
  static func pow(_ x: Self, _ y: Self) -> Self
}

extension Double: TensorScalar {
  @inlinable public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
  @inlinable public static func log(_ x: Double) -> Double { Foundation.log(x) }
  @inlinable public static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
  @inlinable public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
  @inlinable public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
  @inlinable public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
  @inlinable public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}

extension Float: TensorScalar {
  @inlinable public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
  @inlinable public static func log(_ x: Float) -> Float { Foundation.logf(x) }
  @inlinable public static func log1p(_ x: Float) -> Float { Foundation.log1pf(x) }
  @inlinable public static func sin(_ x: Float) -> Float { Foundation.sinf(x) }
  @inlinable public static func cos(_ x: Float) -> Float { Foundation.cosf(x) }
  @inlinable public static func tanh(_ x: Float) -> Float { Foundation.tanhf(x) }
  @inlinable public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.powf(x, y) }
}
