// The wide register tile of `Matmul`: 6 rows by 4 registers, written out like `tile`.
//
// Each step of the depth loads the panel's 4 registers and broadcasts 6 elements of `a`: 10
// loads for 24 multiply-adds, where the 8×2 tile takes 10 for 16. On this shared machine the
// loads are what slows down when the host is busy (a loop of loads and multiply-adds from L1
// ran at 106–170 GFLOP/s float32 from one minute to the next, multiply-adds alone mostly at
// 160–177), so the wide tile keeps more of its speed there. Alone, hot, alternating in one
// process (the same bits): float32 `[128, 256]·[256, 256]` and `[128, 784]·[784, 256]` on two
// threads 1.09× and 1.11×, float64 1.09× and 1.11×; one thread 1.13–1.16× (float32).
//
// A part that is not a multiple of 6 rows ends in 8-row `tile`s over each half of the panel
// where whole wide tiles leave a multiple of 8 rows (`wideTileRowsEnd`: 32 rows are 4 wide
// tiles and 8 rows, where 6 wide tiles, the last repeating rows, took the work of 36); W4's
// steps, alternating in one process: float32 1.7–1.8 % faster on one thread, 1.8–2.1 % on
// two, float64 1.7 % and 3.6–3.8 %. With that repeat, wide tiles from 32 rows rather than 48
// measured faster in training already (`fit` on W4, parts of 32 rows, alternating in one
// binary: float32 ×1.038, float64 ×1.070). Shorter parts keep the 8×2 tile.
extension Matmul {
  /// Rows of `c` computed together by `wideTile`.
  static var wideTileRows: Int { 6 }
  /// Columns of `c` computed together by `wideTile`: 4 registers.
  static var wideTileColumns: Int { 4 * lanes }
  /// The least rows of a part that `tiledProduct` gives wide tiles (see above).
  static var wideTileMinimumRows: Int { 32 }

  /// `tile` for 6 rows and a full panel of 4 registers: `c[rows × wideTileColumns]` = (or
  /// `+=` when `accumulate`) `a[rows × depth]` times `panel[depth × wideTileColumns]` (rows
  /// `panelStride` apart), for `rows ≤ wideTileRows`; missing rows repeat the last row of `a`
  /// and are not stored.
  @inline(__always)
  static func wideTile(
    _ a: StridedMatrix<S>, rows: Int, _ panel: UnsafePointer<S>, panelStride: Int, depth: Int,
    into c: UnsafeMutablePointer<S>, cStride: Int, accumulate: Bool
  ) {
    let last = rows - 1
    let a0 = a.base
    let a1 = a.base + min(1, last) * a.rowStride
    let a2 = a.base + min(2, last) * a.rowStride
    let a3 = a.base + min(3, last) * a.rowStride
    let a4 = a.base + min(4, last) * a.rowStride
    let a5 = a.base + min(5, last) * a.rowStride
    var c00 = V(), c01 = V(), c02 = V(), c03 = V()
    var c10 = V(), c11 = V(), c12 = V(), c13 = V()
    var c20 = V(), c21 = V(), c22 = V(), c23 = V()
    var c30 = V(), c31 = V(), c32 = V(), c33 = V()
    var c40 = V(), c41 = V(), c42 = V(), c43 = V()
    var c50 = V(), c51 = V(), c52 = V(), c53 = V()
    if accumulate {
      (c00, c01, c02, c03) = loadWideRow(c)
      if rows > 1 { (c10, c11, c12, c13) = loadWideRow(c + 1 * cStride) }
      if rows > 2 { (c20, c21, c22, c23) = loadWideRow(c + 2 * cStride) }
      if rows > 3 { (c30, c31, c32, c33) = loadWideRow(c + 3 * cStride) }
      if rows > 4 { (c40, c41, c42, c43) = loadWideRow(c + 4 * cStride) }
      if rows > 5 { (c50, c51, c52, c53) = loadWideRow(c + 5 * cStride) }
    }
    var pa = 0
    var pb = 0
    for _ in 0..<depth {
      let b0 = load(panel + pb)
      let b1 = load(panel + pb + 1 * lanes)
      let b2 = load(panel + pb + 2 * lanes)
      let b3 = load(panel + pb + 3 * lanes)
      let x0 = V(repeating: a0[pa])
      c00 = c00.addingProduct(x0, b0)
      c01 = c01.addingProduct(x0, b1)
      c02 = c02.addingProduct(x0, b2)
      c03 = c03.addingProduct(x0, b3)
      let x1 = V(repeating: a1[pa])
      c10 = c10.addingProduct(x1, b0)
      c11 = c11.addingProduct(x1, b1)
      c12 = c12.addingProduct(x1, b2)
      c13 = c13.addingProduct(x1, b3)
      let x2 = V(repeating: a2[pa])
      c20 = c20.addingProduct(x2, b0)
      c21 = c21.addingProduct(x2, b1)
      c22 = c22.addingProduct(x2, b2)
      c23 = c23.addingProduct(x2, b3)
      let x3 = V(repeating: a3[pa])
      c30 = c30.addingProduct(x3, b0)
      c31 = c31.addingProduct(x3, b1)
      c32 = c32.addingProduct(x3, b2)
      c33 = c33.addingProduct(x3, b3)
      let x4 = V(repeating: a4[pa])
      c40 = c40.addingProduct(x4, b0)
      c41 = c41.addingProduct(x4, b1)
      c42 = c42.addingProduct(x4, b2)
      c43 = c43.addingProduct(x4, b3)
      let x5 = V(repeating: a5[pa])
      c50 = c50.addingProduct(x5, b0)
      c51 = c51.addingProduct(x5, b1)
      c52 = c52.addingProduct(x5, b2)
      c53 = c53.addingProduct(x5, b3)
      pa &+= a.columnStride
      pb &+= panelStride
    }
    storeWideRow((c00, c01, c02, c03), c)
    if rows > 1 { storeWideRow((c10, c11, c12, c13), c + 1 * cStride) }
    if rows > 2 { storeWideRow((c20, c21, c22, c23), c + 2 * cStride) }
    if rows > 3 { storeWideRow((c30, c31, c32, c33), c + 3 * cStride) }
    if rows > 4 { storeWideRow((c40, c41, c42, c43), c + 4 * cStride) }
    if rows > 5 { storeWideRow((c50, c51, c52, c53), c + 5 * cStride) }
  }

  /// A row of `c`, 4 registers, at `p`.
  @inline(__always)
  static func loadWideRow(_ p: UnsafePointer<S>) -> (V, V, V, V) {
    (load(p), load(p + 1 * lanes), load(p + 2 * lanes), load(p + 3 * lanes))
  }

  /// A row of 4 registers stored at `p`.
  @inline(__always)
  static func storeWideRow(_ row: (V, V, V, V), _ p: UnsafeMutablePointer<S>) {
    store(row.0, p, count: lanes)
    store(row.1, p + 1 * lanes, count: lanes)
    store(row.2, p + 2 * lanes, count: lanes)
    store(row.3, p + 3 * lanes, count: lanes)
  }
}
