import Autograd
import Testing

/// `Kernels.matmul` with a bias, tanh or tanh-slope epilogue: the same bits as the defining
/// product with the epilogue's steps applied element by element afterwards, for every shape
/// of `MatmulKernelTests` (single columns, whose dense blocks are walked as one run, among
/// them) on 1 to 3 threads.
struct MatmulEpilogueTests {
  typealias Reference = MatmulKernelTests

  /// Products split by columns over threads (too few rows) whose last part is one column of
  /// a wider `c`: 33 = 32 + 1 columns of doubles, 65 = 64 + 1 of floats.
  static let oneColumnParts: [(Int, Int, Int)] = [(9, 200, 33), (9, 200, 65)]

  /// The defining product of random operands of `m × k` and `k × n`, `bias` (`n`) added to
  /// every row, and the kernel's result with that epilogue, for each thread count.
  func check<S: TensorScalar>(_: S.Type, seed: UInt64, tanh: Bool, slope: Bool) {
    var generator = SeededGenerator(seed: seed)
    for (m, k, n) in Reference.shapes + Self.oneColumnParts where m > 0 && n > 0 {
      let a = Reference.values(m * k, &generator, as: S.self)
      let b = Reference.values(k * n, &generator, as: S.self)
      let bias = Reference.values(n, &generator, as: S.self)
      let y = Reference.values(m * n, &generator, as: S.self)
      let product = Reference.reference(a, .normal, b, .normal, m: m, k: k, n: n)
      var expected = product.indices.map { product[$0] + bias[$0 % n] }
      if tanh {
        let sums = expected
        sums.withUnsafeBufferPointer { sums in
          expected.withUnsafeMutableBufferPointer { Kernels.tanh(sums, into: $0) }
        }
      }
      if slope {
        expected = expected.indices.map { Kernels.timesTanhSlope(expected[$0], at: y[$0]) }
      }
      bias.withUnsafeBufferPointer { bias in
        y.withUnsafeBufferPointer { y in
          let epilogue = MatmulEpilogue(
            bias: bias.baseAddress, tanh: tanh, tanhOutput: slope ? y.baseAddress : nil)
          for threads in 1...3 {
            let c = Reference.kernel(
              a, .normal, b, .normal, m: m, k: k, n: n, threads: threads, epilogue: epilogue)
            let same = Reference.identical(c, expected)  // not the arrays, if it fails
            let name = "\(S.self) \(m)×\(k)×\(n) tanh \(tanh) slope \(slope)"
            #expect(same, "\(name) threads \(threads)")
          }
        }
      }
    }
  }

  @Test func biasIsAddedToEveryRow() {
    check(Double.self, seed: 21, tanh: false, slope: false)
    check(Float.self, seed: 22, tanh: false, slope: false)
  }

  @Test func tanhIsTakenOfTheSums() {
    check(Double.self, seed: 23, tanh: true, slope: false)
    check(Float.self, seed: 24, tanh: true, slope: false)
  }

  @Test func theSlopeMultipliesEveryElement() {
    check(Double.self, seed: 25, tanh: false, slope: true)
    check(Float.self, seed: 26, tanh: false, slope: true)
  }
}
