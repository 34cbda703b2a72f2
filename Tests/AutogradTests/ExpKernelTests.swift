import Autograd
import Foundation
import Testing

/// `Kernels.exp` against glibc's `exp` and `expf`, and its overflow and underflow.
struct ExpKernelTests {
  typealias Check = VectorMathCheck

  @Test func doubleWithinTwoUlpOfGlibc() {
    Check.expectClose("exp", Kernels.exp, Foundation.exp as (Double) -> Double, -30, 30)
    Check.expectClose("exp", Kernels.exp, Foundation.exp as (Double) -> Double, -750, 710)
  }

  @Test func floatWithinTwoUlpOfGlibc() {
    Check.expectClose("exp", Kernels.exp, Foundation.expf, -30, 30)
    Check.expectClose("exp", Kernels.exp, Foundation.expf, -110, 90)
  }

  @Test func resultsDoNotDependOnPosition() {
    Check.expectPositionIndependent("exp", Kernels.exp as Check.Kernel<Double>)
    Check.expectPositionIndependent("exp", Kernels.exp as Check.Kernel<Float>)
  }

  @Test func exactCases() {
    expectExactCases(Double.self, overflowFrom: 709.79, underflowBelow: -745.14)
    expectExactCases(Float.self, overflowFrom: 88.73, underflowBelow: -103.98)
  }

  /// e^±0 = 1, +inf from `overflowFrom` up, +0 below `underflowBelow`, e^−inf = 0, NaN kept.
  func expectExactCases<S: TensorScalar>(_: S.Type, overflowFrom: S, underflowBelow: S) {
    #expect(Check.apply(Kernels.exp, [0, -0 as S]) == [1, 1], "e^0 ≠ 1, \(S.self)")
    let huge: [S] = Check.sweep(Double(overflowFrom), 1e5, count: 1001) + [.infinity]
    let hugeResults = Check.apply(Kernels.exp, huge)
    #expect(hugeResults.allSatisfy { $0 == .infinity }, "exp does not overflow, \(S.self)")
    let tiny: [S] = Check.sweep(-1e5, Double(underflowBelow), count: 1001) + [-.infinity]
    let tinyResults = Check.apply(Kernels.exp, tiny)
    let zeros = tinyResults.allSatisfy { $0 == 0 && $0.sign == .plus }
    #expect(zeros, "exp does not underflow to +0, \(S.self)")
    let nans = Check.apply(Kernels.exp, [S.nan, -S.nan])
    #expect(nans.allSatisfy { $0.isNaN }, "exp(NaN) is a number, \(S.self)")
  }
}
