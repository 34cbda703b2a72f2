import Autograd
import Foundation
import Testing

/// `Kernels.softplus` against the stable scalar form with glibc's functions:
/// max(x, 0) + log1p(e^−|x|).
struct SoftplusKernelTests {
  typealias Check = VectorMathCheck

  static func reference<S: TensorScalar>(_ x: S) -> S {
    Swift.max(x, 0) + S.log1p(S.exp(-Swift.abs(x)))
  }

  @Test func doubleWithinTwoUlpOfGlibc() {
    Check.expectClose("softplus", Kernels.softplus, Self.reference as (Double) -> Double, -30, 30)
    Check.expectClose("softplus", Kernels.softplus, Self.reference as (Double) -> Double, -750, 50)
  }

  @Test func floatWithinTwoUlpOfGlibc() {
    Check.expectClose("softplus", Kernels.softplus, Self.reference as (Float) -> Float, -30, 30)
    Check.expectClose("softplus", Kernels.softplus, Self.reference as (Float) -> Float, -110, 30)
  }

  @Test func resultsDoNotDependOnPosition() {
    Check.expectPositionIndependent("softplus", Kernels.softplus as Check.Kernel<Double>)
    Check.expectPositionIndependent("softplus", Kernels.softplus as Check.Kernel<Float>)
  }

  /// softplus(±0) = ln 2 rounded, (+inf) = +inf, (−inf) = 0, x itself for large x, NaN kept.
  @Test func exactCases() {
    expectExactCases(Double.self, identityFrom: 40)
    expectExactCases(Float.self, identityFrom: 20)
  }

  func expectExactCases<S: TensorScalar>(_: S.Type, identityFrom: S) {
    let ys = Check.apply(Kernels.softplus, [0, -0, .infinity, -.infinity] as [S])
    let ln2 = S(0.693147180559945309417232121458176568)
    #expect(ys == [ln2, ln2, .infinity, 0], "softplus(±0, ±inf) = \(ys), \(S.self)")
    let large: [S] = Check.sweep(Double(identityFrom), 1e6, count: 1001)
    let largeResults = Check.apply(Kernels.softplus, large)
    #expect(largeResults == large, "softplus x ≠ x for large x, \(S.self)")
    let nans = Check.apply(Kernels.softplus, [S.nan])
    #expect(nans.allSatisfy { $0.isNaN }, "softplus(NaN) is a number, \(S.self)")
  }
}
