import Autograd
import Foundation
import Testing

/// `Kernels.log` against glibc's `log` and `logf`, over normal and subnormal arguments.
struct LogKernelTests {
  typealias Check = VectorMathCheck

  @Test func doubleWithinTwoUlpOfGlibc() {
    let log = Foundation.log as (Double) -> Double
    Check.expectClose("log", Kernels.log, log, 0, 30)
    Check.expectClose("log", Kernels.log, log, 0.5, 2)
    Check.expectClose("log", Kernels.log, log, 0, 1e-300)  // subnormals
    Check.expectClose("log", Kernels.log, log, 0, 1e300)
  }

  @Test func floatWithinTwoUlpOfGlibc() {
    Check.expectClose("log", Kernels.log, Foundation.logf, 0, 30)
    Check.expectClose("log", Kernels.log, Foundation.logf, 0.5, 2)
    Check.expectClose("log", Kernels.log, Foundation.logf, 0, 1e-36)  // subnormals
    Check.expectClose("log", Kernels.log, Foundation.logf, 0, 1e38)
  }

  @Test func resultsDoNotDependOnPosition() {
    Check.expectPositionIndependent("log", Kernels.log as Check.Kernel<Double>)
    Check.expectPositionIndependent("log", Kernels.log as Check.Kernel<Float>)
  }

  /// log 1 = 0, log ±0 = −inf, log +inf = +inf; negative numbers, −inf and NaN give NaN.
  @Test func exactCases() {
    expectExactCases(Double.self)
    expectExactCases(Float.self)
  }

  func expectExactCases<S: TensorScalar>(_: S.Type) {
    let ys = Check.apply(Kernels.log, [1, 0, -0, .infinity] as [S])
    #expect(ys == [0, -.infinity, -.infinity, .infinity], "log(1, ±0, inf) = \(ys), \(S.self)")
    let nans = Check.apply(Kernels.log, [-1, -S.leastNonzeroMagnitude, -.infinity, .nan] as [S])
    #expect(nans.allSatisfy { $0.isNaN }, "log of a negative number is not NaN, \(S.self)")
  }
}
