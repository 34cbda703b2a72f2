import Autograd
import Testing

/// `Kernels.matmul` with a descent epilogue alone, `w -= rate · a·b`, which the register
/// tiles take without storing the product: `w` gets the same bits as the loop over the
/// defining product, for every shape, layout and thread count (and so for every path: the
/// column product, narrow and wide tiles, packed panels, several depth blocks, rows or
/// columns split over threads).
struct MatmulDescentTests {
  typealias Reference = MatmulKernelTests

  /// `w` after the kernel's descent step of `rate` times `a·b`.
  static func descended<S: TensorScalar>(
    _ w: [S], rate: S, _ a: [S], _ aLayout: MatrixLayout, _ b: [S], _ bLayout: MatrixLayout,
    m: Int, k: Int, n: Int, threads: Int
  ) -> [S] {
    var w = w
    w.withUnsafeMutableBufferPointer { w in
      _ = Reference.kernel(
        a, aLayout, b, bLayout, m: m, k: k, n: n, threads: threads,
        epilogue: MatmulEpilogue(bias: nil, tanh: false, descent: w.baseAddress, rate: rate))
    }
    return w
  }

  /// `w[i] -= rate * product[i]`, element by element.
  static func expected<S: TensorScalar>(_ w: [S], rate: S, _ product: [S]) -> [S] {
    zip(w, product).map { $0 - rate * $1 }
  }

  /// Every shape of `MatmulKernelTests` in every layout, plus products split over threads by
  /// rows and by columns, on 1 to 3 threads.
  func checkAll<S: TensorScalar>(_: S.Type, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let split = [(128, 200, 256), (40, 300, 200), (9, 500, 500), (100, 129, 97)]
    for (m, k, n) in Reference.shapes + split {
      for (aLayout, bLayout) in Reference.layouts {
        let a = Reference.values(m * k, &generator, as: S.self)
        let b = Reference.values(k * n, &generator, as: S.self)
        let w = Reference.values(m * n, &generator, as: S.self)
        let rate = S(0.05)
        let product = Reference.reference(a, aLayout, b, bLayout, m: m, k: k, n: n)
        let expected = Self.expected(w, rate: rate, product)
        for threads in 1...3 {
          let result = Self.descended(
            w, rate: rate, a, aLayout, b, bLayout, m: m, k: k, n: n, threads: threads)
          let shape = Reference.Case(m: m, k: k, n: n, aLayout: aLayout, bLayout: bLayout)
          let same = Reference.identical(result, expected)  // not the arrays, if it fails
          #expect(same, "\(S.self) \(shape) threads \(threads)")
        }
      }
    }
  }

  @Test func doubleWeightsGetTheLoopsBits() { checkAll(Double.self, seed: 11) }

  @Test func floatWeightsGetTheLoopsBits() { checkAll(Float.self, seed: 12) }

  /// The step is not a fused multiply-add: `w - rate·g` rounds the product first. A case where
  /// the two differ (checked here) shows the tiles round the same way as the loop.
  @Test func theStepRoundsTheProductFirst() {
    let (w, g, rate) = (1.0, 1.0 + 0x1p-52, 1.0 - 0x1p-53)
    #expect(w - rate * g != w.addingProduct(-rate, g))
    let result = Self.descended(
      [w], rate: rate, [g], .normal, [1.0], .normal, m: 1, k: 1, n: 1, threads: 1)
    #expect(result == [w - rate * g])
    let wide = Self.descended(
      [Double](repeating: w, count: 16), rate: rate, [g], .normal,
      [Double](repeating: 1, count: 16), .normal, m: 1, k: 1, n: 16, threads: 1)
    #expect(wide == [Double](repeating: w - rate * g, count: 16))
  }
}
