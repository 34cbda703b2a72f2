import Autograd
import Foundation
import Testing

/// `Kernels.sigmoid` against the stable scalar form with glibc's `exp`/`expf`: 1/(1 + e^−|x|)
/// for x ≥ 0, e^−|x|/(1 + e^−|x|) below.
struct SigmoidKernelTests {
  typealias Check = VectorMathCheck

  static func reference<S: TensorScalar>(_ x: S) -> S {
    let e = S.exp(-Swift.abs(x))
    return (x >= 0 ? 1 : e) / (1 + e)
  }

  @Test func doubleWithinTwoUlpOfGlibc() {
    Check.expectClose("sigmoid", Kernels.sigmoid, Self.reference as (Double) -> Double, -30, 30)
    Check.expectClose("sigmoid", Kernels.sigmoid, Self.reference as (Double) -> Double, -750, 40)
  }

  @Test func floatWithinTwoUlpOfGlibc() {
    Check.expectClose("sigmoid", Kernels.sigmoid, Self.reference as (Float) -> Float, -30, 30)
    Check.expectClose("sigmoid", Kernels.sigmoid, Self.reference as (Float) -> Float, -110, 20)
  }

  @Test func resultsDoNotDependOnPosition() {
    Check.expectPositionIndependent("sigmoid", Kernels.sigmoid as Check.Kernel<Double>)
    Check.expectPositionIndependent("sigmoid", Kernels.sigmoid as Check.Kernel<Float>)
  }

  /// σ(±0) = ½, σ(+inf) = 1, σ(−inf) = 0, no NaN for any number, NaN kept.
  @Test func exactCases() {
    expectExactCases(Double.self)
    expectExactCases(Float.self)
  }

  func expectExactCases<S: TensorScalar>(_: S.Type) {
    let ys = Check.apply(Kernels.sigmoid, [0, -0, .infinity, -.infinity] as [S])
    #expect(ys == [0.5, 0.5, 1, 0], "σ(±0, ±inf) = \(ys), \(S.self)")
    let everywhere = Check.apply(Kernels.sigmoid, Check.specialValues() as [S]).dropLast()
    #expect(everywhere.allSatisfy { $0 >= 0 && $0 <= 1 }, "σ outside [0, 1], \(S.self)")
    let nans = Check.apply(Kernels.sigmoid, [S.nan])
    #expect(nans.allSatisfy { $0.isNaN }, "σ(NaN) is a number, \(S.self)")
  }
}
