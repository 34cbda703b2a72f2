import Autograd
import Testing

/// `Kernels.matmul` with a descent epilogue alone, `w -= rate · a·b`, which large products
/// take in their tiles without storing the product: `w` gets the same bits as the loop over
/// the defining product, for every shape, layout and thread count (and so for every path: the
/// column product, narrow and wide tiles, packed panels, several depth blocks, rows or
/// columns split over threads, the step in the tiles or after the product).
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

  /// Products whose parts are large enough (128 KB or more on 1 and 2 threads, most on 3) for
  /// the step to be taken in the tiles (`Matmul.descentInTilesBytes`): several depth blocks,
  /// a packed narrow last panel (100 = 6 · 16 + 4 columns), a weight gradient's layouts, a
  /// transposed `b`, rows split over threads and columns split (9 rows), and parts taller
  /// than wide, which go tile row by tile row (900 × 96).
  static let large: [(Int, Int, Int, MatrixLayout, MatrixLayout)] = [
    (1200, 300, 100, .transposed, .normal), (1200, 130, 100, .normal, .transposed),
    (400, 64, 256, .transposed, .normal), (9, 100, 8000, .normal, .normal),
    (900, 40, 96, .transposed, .normal),
  ]

  /// Every shape of `MatmulKernelTests` in every layout (steps taken after the product), and
  /// the large products (steps taken in the tiles), on 1 to 3 threads.
  func checkAll<S: TensorScalar>(_: S.Type, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let small = Reference.shapes.flatMap { shape in
      Reference.layouts.map { (shape.0, shape.1, shape.2, $0.0, $0.1) }
    }
    for (m, k, n, aLayout, bLayout) in small + Self.large {
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

  @Test func doubleWeightsGetTheLoopsBits() { checkAll(Double.self, seed: 11) }

  @Test func floatWeightsGetTheLoopsBits() { checkAll(Float.self, seed: 12) }

  /// The step is not a fused multiply-add: `w - rate·g` rounds the product first. A case where
  /// the two differ (checked here) shows that both paths round the same way as the loop.
  @Test func theStepRoundsTheProductFirst() {
    let (w, g, rate) = (1.0, 1.0 + 0x1p-52, 1.0 - 0x1p-53)
    #expect(w - rate * g != w.addingProduct(-rate, g))
    let result = Self.descended(
      [w], rate: rate, [g], .normal, [1.0], .normal, m: 1, k: 1, n: 1, threads: 1)
    #expect(result == [w - rate * g])
    let large = Self.descended(  // 128 KB: the step is taken in the tiles
      [Double](repeating: w, count: 128 * 128), rate: rate, [Double](repeating: g, count: 128),
      .normal, [Double](repeating: 1, count: 128), .normal, m: 128, k: 1, n: 128, threads: 1)
    #expect(large == [Double](repeating: w - rate * g, count: 128 * 128))
  }
}
