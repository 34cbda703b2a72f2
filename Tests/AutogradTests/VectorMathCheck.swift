import Autograd
import Foundation
import Testing

/// Checks shared by the tests of the vectorised kernels (`Kernels.tanh`, `exp`, …): against
/// glibc element by element over a dense sweep, random values and special values; and the
/// promise that an element's bits never depend on where it sits in the buffer.
enum VectorMathCheck {
  typealias Kernel<S: TensorScalar> =
    (UnsafeBufferPointer<S>, UnsafeMutableBufferPointer<S>) -> Void

  /// The largest distance allowed from glibc's result, in units in the last place (tanh,
  /// which trades accuracy for speed, is allowed 3).
  static let tolerance = 2.0

  /// The number of representable values between `a` and `b` (0 for two NaNs, infinite when
  /// only one is NaN). ±0 count as the same value; signs of zero are tested on their own.
  static func ulps<S: TensorScalar>(_ a: S, _ b: S) -> Double {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .infinity }
    func key(_ v: S) -> Int64 {
      let exponent = Int64(v.exponentBitPattern) << Int64(S.significandBitCount)
      let magnitude = exponent | Int64(v.significandBitPattern)
      return v.sign == .minus ? -magnitude : magnitude
    }
    return Double((key(a) - key(b)).magnitude)
  }

  /// The sign, exponent and significand bits of `v`, for comparisons to the bit.
  static func bits<S: TensorScalar>(_ v: S) -> UInt64 {
    let sign: UInt64 = v.sign == .minus ? 1 << 63 : 0
    return sign | UInt64(v.exponentBitPattern) << UInt64(S.significandBitCount)
      | UInt64(v.significandBitPattern)
  }

  /// `kernel` applied to a copy of `xs`.
  static func apply<S: TensorScalar>(_ kernel: Kernel<S>, _ xs: [S]) -> [S] {
    var ys = [S](repeating: 0, count: xs.count)
    xs.withUnsafeBufferPointer { x in ys.withUnsafeMutableBufferPointer { y in kernel(x, y) } }
    return ys
  }

  /// `count` evenly spaced values from `lower` to `upper`.
  static func sweep<S: TensorScalar>(_ lower: Double, _ upper: Double, count: Int) -> [S] {
    (0..<count).map { S(lower + (upper - lower) * Double($0) / Double(count - 1)) }
  }

  /// Uniform values in [lower, upper), then values of random sign whose magnitudes are
  /// spread evenly over the binades 2^-40 … 2^6.
  static func randomValues<S: TensorScalar>(_ lower: Double, _ upper: Double, seed: UInt64) -> [S] {
    var generator = SeededGenerator(seed: seed)
    var values = (0..<20_000).map { _ in S(generator.nextUniform(in: lower, upper)) }
    for _ in 0..<20_000 {
      let magnitude = Foundation.exp2(generator.nextUniform(in: -40, 6))
      values.append(S(generator.nextUniform() < 0.5 ? -magnitude : magnitude))
    }
    return values
  }

  /// Zeros, subnormals, the smallest normals, tiny and huge values, infinities and NaN.
  static func specialValues<S: TensorScalar>() -> [S] {
    let magnitudes: [S] = [
      0, S.leastNonzeroMagnitude, S.leastNonzeroMagnitude * 3, S.leastNormalMagnitude / 2,
      S.leastNormalMagnitude, S(0x1p-60), S(0x1p-29), S(0x1p-14), 0.25, 0.5, 0.55, 1, 2,
      20, 30, 88, 100, 709, 710, 745, 1000, S.greatestFiniteMagnitude, S.infinity,
    ]
    return magnitudes.flatMap { [$0, -$0] } + [S.nan]
  }

  /// The largest ulp distance between `kernel` and `reference` over `xs`, with its argument.
  static func worstError<S: TensorScalar>(
    _ kernel: Kernel<S>, _ reference: (S) -> S, _ xs: [S]
  ) -> (ulps: Double, at: S) {
    let ys = apply(kernel, xs)
    var worst = (ulps: 0.0, at: S.zero)
    for (x, y) in zip(xs, ys) {
      let error = ulps(y, reference(x))
      if error > worst.ulps { worst = (error, x) }
    }
    return worst
  }

  /// Expects `kernel` within `tolerance` ulp of `reference` on the sweep of [lower, upper],
  /// random values and the special values.
  static func expectClose<S: TensorScalar>(
    _ name: String, _ kernel: Kernel<S>, _ reference: (S) -> S, _ lower: Double, _ upper: Double,
    tolerance: Double = tolerance
  ) {
    let inputs: [(String, [S])] = [
      ("sweep", sweep(lower, upper, count: 200_001)),
      ("random", randomValues(lower, upper, seed: 5)),
      ("special", specialValues()),
    ]
    for (label, xs) in inputs {
      let worst = worstError(kernel, reference, xs)
      #expect(
        worst.ulps <= tolerance,
        "\(name) \(S.self) \(label): \(worst.ulps) ulp from glibc at x = \(worst.at)")
    }
  }

  /// Expects the same bits for every element whatever its offset and the buffer's length
  /// (so also whether it lands in the padded tail), and in place as out of place.
  static func expectPositionIndependent<S: TensorScalar>(_ name: String, _ kernel: Kernel<S>) {
    let xs: [S] = randomValues(-8, 8, seed: 11).prefix(64) + specialValues()
    let whole = apply(kernel, xs).map { bits($0) }
    for length in [1, 2, 7, 8, 9, 15, 16, 17, 23, 31, 33] {
      for offset in stride(from: 0, through: xs.count - length, by: 5) {
        let part = apply(kernel, Array(xs[offset..<(offset + length)])).map { bits($0) }
        #expect(
          part == Array(whole[offset..<(offset + length)]),
          "\(name) \(S.self): elements \(offset)..<\(offset + length) differ alone")
      }
    }
    var inPlace = xs
    inPlace.withUnsafeMutableBufferPointer { y in kernel(UnsafeBufferPointer(y), y) }
    #expect(inPlace.map { bits($0) } == whole, "\(name) \(S.self): in place differs")
  }
}
