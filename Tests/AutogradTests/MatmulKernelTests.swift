import Autograd
import Testing

/// `Kernels.matmul` on raw pointers: the same bits as the defining chain of fused
/// multiply-adds, for every shape, layout and thread count.
struct MatmulKernelTests {
  /// One product to check: the shape and the layouts of the operands.
  struct Case: CustomStringConvertible {
    var m: Int, k: Int, n: Int
    var aLayout: MatrixLayout, bLayout: MatrixLayout
    var description: String { "\(m)×\(k)×\(n) \(aLayout)/\(bLayout)" }
  }

  static let layouts: [(MatrixLayout, MatrixLayout)] = [
    (.normal, .normal), (.transposed, .normal), (.normal, .transposed), (.transposed, .transposed),
  ]

  /// The workloads' products (forward and both backward ones), edge sizes, and sizes that
  /// cross every blocking boundary (tile rows 8, tile columns 16/32, depth blocks of at most
  /// 256); parts taller than wide, of one depth block, go tile row by tile row (75 × 40 × 64); a
  /// single column of a row-major `a` is taken in transposed blocks of `lanes × lanes`, with
  /// depth and rows past the last whole block (40 × 37 × 1, 45 × 70 × 1); one of a transposed
  /// `a` four registers of rows at a time, the last pass ending at the last row (30 × 16 × 1
  /// as W2's gradient, 35 and 70 rows past whole passes, 8 and 16: one register). Parts of 32 rows
  /// or more take wide tiles (6 rows, 4 registers) where a whole one fits, with rows short
  /// of a whole tile (50, 53, 61) and the columns past the last in narrower panels (80,
  /// 130, 200), over two depth blocks (300), and row by row (96 × 64 × 64); where whole wide
  /// tiles leave a multiple of 8 rows, those rows take 8-row tiles over each half of the panel
  /// (64 × 128 × 128: 48 rows and 16; 128 × 64 × 128 row by row: 120 and 8; 38 × 300 × 64
  /// over two depth blocks: 30 and 8). A transposed `a`
  /// with 2 to 2 × lanes − 1 columns goes by column tiles (2 registers of rows, 5 columns),
  /// with rows short of 2 registers (20, 40, 77: the last registers repeat rows) and
  /// columns short of a group (7, 11, 31). A row-major `b` narrower than 2 registers and
  /// ragged (10, 7, 11, 17, 31 columns) is read whole registers a row: in place in depth
  /// blocks that end before its last rows, copied in the block that reaches them, a register
  /// at a time but for those last rows (15 × 513 × 17: three equal blocks of 171, the first
  /// two in place, the third copied, its last row element by element). A depth past a block
  /// is cut in equal blocks (257: 129 and 128). A transposed `b` is packed a register of
  /// columns at a time, the depth past its whole blocks too (10, 21), the last columns' loads
  /// cut short at the end of the matrix.
  static let shapes: [(Int, Int, Int)] = [
    (1, 1, 1), (0, 3, 4), (3, 0, 4), (3, 4, 0), (5, 0, 1), (1, 7, 1), (7, 1, 9), (1, 300, 33),
    (32, 4, 1), (16, 30, 1), (32, 2, 16), (32, 16, 16), (32, 16, 1), (16, 32, 16), (2, 32, 16),
    (64, 64, 128), (64, 128, 10), (10, 64, 128), (9, 17, 31), (17, 33, 65), (23, 257, 47),
    (8, 512, 32), (15, 513, 17), (41, 3, 100), (128, 256, 10), (13, 100, 160), (75, 40, 64),
    (40, 37, 1), (45, 70, 1), (50, 300, 80), (53, 20, 130), (96, 64, 64), (61, 33, 200),
    (20, 9, 7), (40, 33, 11), (77, 65, 31), (16, 5, 2), (64, 10, 128), (40, 21, 48),
    (30, 300, 10), (30, 16, 1), (35, 9, 1), (70, 5, 1), (8, 3, 1), (16, 3, 1),
    (64, 128, 128), (128, 64, 128), (38, 300, 64),
  ]

  /// The defining loop: `s = 0; for p in 0..<k { s = s.addingProduct(A[i, p], B[p, j]) }`.
  static func reference<S: TensorScalar>(
    _ a: [S], _ aLayout: MatrixLayout, _ b: [S], _ bLayout: MatrixLayout, m: Int, k: Int, n: Int
  ) -> [S] {
    var c = [S](repeating: 0, count: m * n)
    for i in 0..<m {
      for j in 0..<n {
        var s: S = 0
        for p in 0..<k {
          let x = aLayout == .normal ? a[i * k + p] : a[p * m + i]
          let y = bLayout == .normal ? b[p * n + j] : b[j * k + p]
          s = s.addingProduct(x, y)
        }
        c[i * n + j] = s
      }
    }
    return c
  }

  /// `count` values uniform in [-1, 1), with an exact zero now and then.
  static func values<S: TensorScalar>(
    _ count: Int, _ generator: inout SeededGenerator, as _: S.Type
  ) -> [S] {
    (0..<count).map { _ in
      generator.nextIndex(below: 17) == 0 ? 0 : S(generator.nextUniform(in: -1, 1))
    }
  }

  /// The kernel's product, `c` prefilled with garbage so that "overwritten" is checked too.
  static func kernel<S: TensorScalar>(
    _ a: [S], _ aLayout: MatrixLayout, _ b: [S], _ bLayout: MatrixLayout,
    m: Int, k: Int, n: Int, threads: Int, epilogue: MatmulEpilogue<S> = .none
  ) -> [S] {
    var c = [S](repeating: S.nan, count: m * n)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          let dummy = UnsafeMutablePointer<S>.allocate(capacity: 1)
          defer { dummy.deallocate() }
          Kernels.matmul(
            a.baseAddress ?? UnsafePointer(dummy), aLayout, b.baseAddress ?? UnsafePointer(dummy),
            bLayout, into: c.baseAddress ?? dummy, m: m, k: k, n: n, threads: threads,
            epilogue: epilogue)
        }
      }
    }
    return c
  }

  /// Same value and same sign (so `-0` and `+0` differ), i.e. the same bits for non-NaNs.
  static func identical<S: TensorScalar>(_ x: [S], _ y: [S]) -> Bool {
    x.count == y.count && zip(x, y).allSatisfy { $0 == $1 && $0.sign == $1.sign }
  }

  /// Every listed shape and layout, threads 1, 2 and 3, against the reference.
  func checkAll<S: TensorScalar>(_: S.Type, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for (m, k, n) in Self.shapes {
      for (aLayout, bLayout) in Self.layouts {
        let a = Self.values(m * k, &generator, as: S.self)
        let b = Self.values(k * n, &generator, as: S.self)
        let expected = Self.reference(a, aLayout, b, bLayout, m: m, k: k, n: n)
        for threads in [1, 2] {
          let c = Self.kernel(a, aLayout, b, bLayout, m: m, k: k, n: n, threads: threads)
          let shape = Case(m: m, k: k, n: n, aLayout: aLayout, bLayout: bLayout)
          #expect(Self.identical(c, expected), "\(S.self) \(shape) threads \(threads)")
        }
      }
    }
  }

  @Test func doubleMatchesTheFusedChainBitForBit() { checkAll(Double.self, seed: 1) }

  @Test func floatMatchesTheFusedChainBitForBit() { checkAll(Float.self, seed: 2) }

  /// Random shapes (1 to 70 in each dimension, all layouts) against the reference.
  @Test(arguments: [Float.self, Double.self] as [any TensorScalar.Type])
  func randomShapesMatchBitForBit(_ type: any TensorScalar.Type) {
    func check<S: TensorScalar>(_: S.Type) {
      var generator = SeededGenerator(seed: 3)
      for _ in 0..<60 {
        let (m, k, n) = (
          1 + generator.nextIndex(below: 70), 1 + generator.nextIndex(below: 70),
          1 + generator.nextIndex(below: 70)
        )
        let (aLayout, bLayout) = Self.layouts[generator.nextIndex(below: 4)]
        let a = Self.values(m * k, &generator, as: S.self)
        let b = Self.values(k * n, &generator, as: S.self)
        let expected = Self.reference(a, aLayout, b, bLayout, m: m, k: k, n: n)
        let threads = 1 + generator.nextIndex(below: 3)
        let c = Self.kernel(a, aLayout, b, bLayout, m: m, k: k, n: n, threads: threads)
        let shape = Case(m: m, k: k, n: n, aLayout: aLayout, bLayout: bLayout)
        #expect(Self.identical(c, expected), "\(S.self) \(shape) threads \(threads)")
      }
    }
    if type == Float.self { check(Float.self) } else { check(Double.self) }
  }

  /// Products big enough to be split over threads give the same bits on 1, 2 and 3 threads,
  /// and those of the reference: split by rows (a W5-sized product; `b` transposed; `a`
  /// transposed) and by columns (too few rows). One W5-sized product takes seconds in a
  /// debug build.
  @Test func threadCountNeverChangesTheBits() {
    func check<S: TensorScalar>(
      _: S.Type, _ m: Int, _ k: Int, _ n: Int, _ aLayout: MatrixLayout, _ bLayout: MatrixLayout
    ) {
      var generator = SeededGenerator(seed: 4)
      let a = Self.values(m * k, &generator, as: S.self)
      let b = Self.values(k * n, &generator, as: S.self)
      let expected = Self.reference(a, aLayout, b, bLayout, m: m, k: k, n: n)
      for threads in 1...3 {
        let c = Self.kernel(a, aLayout, b, bLayout, m: m, k: k, n: n, threads: threads)
        let shape = Case(m: m, k: k, n: n, aLayout: aLayout, bLayout: bLayout)
        #expect(Self.identical(c, expected), "\(S.self) \(shape) threads \(threads)")
      }
    }
    check(Float.self, 128, 784, 256, .normal, .normal)
    check(Float.self, 9, 500, 500, .transposed, .normal)
    check(Double.self, 40, 300, 200, .normal, .transposed)
    check(Double.self, 100, 129, 97, .transposed, .normal)
    check(Float.self, 500, 64, 96, .transposed, .normal)  // parts tall enough to go by rows
  }

  /// The array-level product is the pointer-level one.
  @Test func arrayMatmulUsesTheKernel() {
    var generator = SeededGenerator(seed: 5)
    let a = Self.values(37 * 50, &generator, as: Double.self)
    let b = Self.values(50 * 29, &generator, as: Double.self)
    let expected = Self.reference(a, .normal, b, .normal, m: 37, k: 50, n: 29)
    #expect(Self.identical(Kernels.matmul(a, b, m: 37, k: 50, n: 29), expected))
    #expect(Kernels.matmul([Double](), [], m: 2, k: 0, n: 3) == [0, 0, 0, 0, 0, 0])
    #expect(Kernels.availableThreads >= 1)
  }
}
