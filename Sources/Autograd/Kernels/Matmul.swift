import Dispatch

/// The matrix product behind `Kernels.matmul` for one scalar type, computed in registers of
/// type `V` (`SIMD16<Float>`, `SIMD8<Double>`: one AVX-512 register).
///
/// Every path computes each element of `c` as the chain of fused multiply-adds over `k` in
/// order, starting from zero; paths differ only in which elements they compute together.
/// So the result never depends on the path, the blocking or the number of threads.
enum Matmul<V: SIMD> where V.Scalar: TensorScalar {
  typealias S = V.Scalar

  /// Elements per register.
  static var lanes: Int { V.scalarCount }
  /// `c[m×n] = a·b`, `c` dense row-major, using up to `threads` threads, with `epilogue`
  /// applied to each part of `c` by the thread that computed it.
  static func run(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    m: Int, k: Int, n: Int, threads: Int, epilogue: MatmulEpilogue<S> = .none
  ) {
    if m == 0 || n == 0 { return }
    if k == 0 {
      c.update(repeating: 0, count: m * n)
      Kernels.finish(c, rows: m, columns: n, rowStride: n, epilogue)
      return
    }
    let parts = Kernels.matmulThreads(S.self, m: m, k: k, n: n, threads: threads)
    // Split rows (each part reads all of `b`, and packs it when it is transposed), or
    // columns when there are too few rows. Rows even when `b` must be packed: a layer's
    // products then give each thread the same rows of the activations and their gradients
    // from one product to the next, which it has in its own cache (W4 float32 step
    // 105 → 96 µs, float64 W5 2.75 → 2.36 ms, medians; W5 float32 unchanged), where
    // splitting columns to pack each panel once made every thread read the other's rows.
    // Columns for every product wide enough (so that a thread would read and step only its
    // own columns of the weights) was slower still: W4's steps on two threads took 1.19–
    // 1.22× the time float32, 1.13× float64 (blocks of 50 steps alternating in one process),
    // its forward products 1.4×, as each then read the other thread's columns of the
    // activations. A line the other core has just written costs ~15 ns here: `[64,128]·
    // [128,128]` on two threads, hot, took 9–12 µs, and 17–19 µs when each thread had just
    // written half of `b`. Whatever the split, a W4 step moves ~1,000 lines between threads.
    // The parts share the operands' pointers: they only read `a` and `b` and write disjoint
    // blocks of `c`.
    let byColumns = n >= 2 * tileColumns && m < 2 * tileRows
    if parts > 1 && m >= 2 * tileRows && !byColumns {
      let rows = (m + parts - 1) / parts
      let step = (rows + tileRows - 1) / tileRows * tileRows
      Kernels.forEachPart(count: (m + step - 1) / step) { part in
        let i0 = part * step
        product(
          a.block(row: i0, column: 0), b, into: c + i0 * n, cStride: n,
          m: min(step, m - i0), k: k, n: n, epilogue: epilogue.from(row: i0, columns: n))
      }
    } else if parts > 1 && byColumns {
      let columns = (n + parts - 1) / parts
      let step = (columns + tileColumns - 1) / tileColumns * tileColumns
      Kernels.forEachPart(count: (n + step - 1) / step) { part in
        let j0 = part * step
        product(
          a, b.block(row: 0, column: j0), into: c + j0, cStride: n,
          m: m, k: k, n: min(step, n - j0), epilogue: epilogue.from(column: j0))
      }
    } else {
      product(a, b, into: c, cStride: n, m: m, k: k, n: n, epilogue: epilogue)
    }
  }

  /// The least size of a part of `c` (bytes) whose descent step is taken tile by tile.
  ///
  /// A descent step alone is taken in the tiles (`tiledProduct`): each tile's sums are
  /// subtracted from the weights as its last depth block ends, and `c` is not written with
  /// the product, which saves a write and a read of a matrix the size of the weights once it
  /// no longer stays in cache between them. In-process A/B (alternating runs of one binary,
  /// medians of paired ratios): W5 float64 steps 6 % faster (parts of 800 and 256 KB), W5
  /// float32 unchanged. W4's parts (16–64 KB) measured 0.5 % slower in the tiles while the
  /// scratch tile could straddle cache lines; on a line (see `Kernels.allocateHugePageBacked`)
  /// they are faster there: `fit`, blocks of 50 steps alternating with a bound of 128 KB,
  /// 4 runs each, two threads float32 1.04–1.06× the steps a second, float64 1.03–1.04×, one
  /// thread 1.00–1.01×. W3's (2 KB at most) stay in the separate pass: in the tiles they were
  /// 2–5 % slower.
  static var descentInTilesBytes: Int { 8 << 10 }

  /// `c = a·b` on this thread, by the path that suits the shape (one column, a few columns
  /// of a transposed `a`, or register tiles), then `epilogue` on it; a large descent step
  /// alone in the tiles (see `descentInTilesBytes`).
  static func product(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int, epilogue: MatmulEpilogue<S>
  ) {
    if n == 1 {
      columnProduct(a, b, into: c, cStride: cStride, m: m, k: k)
    } else if suitsColumnTiles(a, m: m, n: n) {
      columnTiledProduct(a, b, into: c, cStride: cStride, m: m, k: k, n: n)
    } else if epilogue.isDescentAlone && m * n * MemoryLayout<S>.stride >= descentInTilesBytes {
      tiledProduct(
        a, b, into: c, cStride: cStride, m: m, k: k, n: n, descent: epilogue.descent,
        rate: epilogue.rate)
      return
    } else {
      tiledProduct(a, b, into: c, cStride: cStride, m: m, k: k, n: n)
    }
    Kernels.finish(c, rows: m, columns: n, rowStride: cStride, epilogue)
  }

  /// The register at `p` (unaligned).
  @inline(__always)
  static func load(_ p: UnsafePointer<S>) -> V {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
  }

  /// The first `count` elements at `p` in a register, zeros after them.
  @inline(__always)
  static func load(_ p: UnsafePointer<S>, count: Int) -> V {
    if count == lanes { return load(p) }
    var v = V()
    for lane in 0..<count { v[lane] = p[lane] }
    return v
  }

  /// The first `count` elements of `v` stored at `p` (unaligned).
  @inline(__always)
  static func store(_ v: V, _ p: UnsafeMutablePointer<S>, count: Int) {
    if count == lanes {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    } else {
      for lane in 0..<count { p[lane] = v[lane] }
    }
  }
}
