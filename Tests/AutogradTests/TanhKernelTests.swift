import Autograd
import Foundation
import Testing

/// `Kernels.tanh` against glibc's `tanh` and `tanhf`, and its exact special cases.
struct TanhKernelTests {
  typealias Check = VectorMathCheck

  /// e/(e + 2) rounds e, e + 2 and the quotient (each up to an ulp of the result below
  /// |x| ≈ 0.6, where e is in a higher binade than tanh x): at most ~2.1 ulp from the exact
  /// value, 3 from glibc's (itself up to an ulp off).
  @Test func doubleWithinThreeUlpOfGlibc() {
    Check.expectClose(
      "tanh", Kernels.tanh, Foundation.tanh as (Double) -> Double, -30, 30, tolerance: 3)
  }

  @Test func floatWithinThreeUlpOfGlibc() {
    Check.expectClose("tanh", Kernels.tanh, Foundation.tanhf, -30, 30, tolerance: 3)
  }

  @Test func resultsDoNotDependOnPosition() {
    Check.expectPositionIndependent("tanh", Kernels.tanh as Check.Kernel<Double>)
    Check.expectPositionIndependent("tanh", Kernels.tanh as Check.Kernel<Float>)
  }

  @Test func exactCases() {
    expectExactCases(Double.self, tinyBelow: 0x1p-28, oneFrom: 19.1)
    expectExactCases(Float.self, tinyBelow: 0x1p-13, oneFrom: 9.1)
  }

  /// ±0 keep their sign, tiny and subnormal x give x itself, |x| ≥ `oneFrom` (where the
  /// exact value rounds to 1) gives ±1 exactly, ±inf give ±1 and NaN gives NaN.
  func expectExactCases<S: TensorScalar>(_: S.Type, tinyBelow: S, oneFrom: S) {
    let tiny: [S] = [0, S.leastNonzeroMagnitude, S.leastNormalMagnitude, tinyBelow.nextDown]
      + Check.sweep(0, Double(tinyBelow), count: 1001).dropLast()
    let tinyAndNegated = tiny + tiny.map { -$0 }
    let tinyResults = Check.apply(Kernels.tanh, tinyAndNegated)
    let same = zip(tinyResults, tinyAndNegated).allSatisfy { Check.bits($0) == Check.bits($1) }
    #expect(same, "tanh x ≠ x for tiny x, \(S.self)")
    let large: [S] = Check.sweep(Double(oneFrom), 1000, count: 1001) + [.infinity]
    #expect(Check.apply(Kernels.tanh, large).allSatisfy { $0 == 1 }, "tanh(large) ≠ 1, \(S.self)")
    #expect(
      Check.apply(Kernels.tanh, large.map { -$0 }).allSatisfy { $0 == -1 },
      "tanh(−large) ≠ −1, \(S.self)")
    let nans = Check.apply(Kernels.tanh, [S.nan, -S.nan])
    #expect(nans.allSatisfy { $0.isNaN }, "tanh(NaN) is a number, \(S.self)")
  }
}
