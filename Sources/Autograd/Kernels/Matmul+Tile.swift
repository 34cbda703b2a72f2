// The register tiles of `Matmul`, written out: one variable per register, so that the
// compiler keeps all of them in the 32 vector registers. (12×2 and 14×2 measured no faster
// than 8×2 on this machine; 6×4, no faster in a quiet minute, is the wide tile of tall parts:
// see `Matmul+WideTile`.)
extension Matmul {
  /// Rows of `c` computed together by `tile`.
  static var tileRows: Int { 8 }
  /// Columns of `c` computed together by `tile`: 2 registers.
  static var tileColumns: Int { 2 * lanes }
  /// Rows of `c` computed together by `narrowTile` (one register of columns).
  static var narrowTileRows: Int { 8 }
  /// Rows of `c` computed together by `tallNarrowTile`.
  static var tallNarrowTileRows: Int { 16 }

  /// The register tile: `c[rows × columns]` = (or `+=` when `accumulate`) `a[rows × depth]`
  /// times `panel[depth × tileColumns]` (rows `panelStride` apart), for `rows ≤ tileRows`,
  /// `columns ≤ tileColumns`. The 8×2 sums stay in registers across `depth`, one fused
  /// multiply-add per step; missing rows repeat the last row of `a` and are not stored, nor
  /// are the panel's columns past `columns`.
  @inline(__always)
  static func tile(
    _ a: StridedMatrix<S>, rows: Int, _ panel: UnsafePointer<S>, panelStride: Int, depth: Int,
    into c: UnsafeMutablePointer<S>, cStride: Int, columns: Int, accumulate: Bool
  ) {
    let last = rows - 1
    let a0 = a.base
    let a1 = a.base + min(1, last) * a.rowStride
    let a2 = a.base + min(2, last) * a.rowStride
    let a3 = a.base + min(3, last) * a.rowStride
    let a4 = a.base + min(4, last) * a.rowStride
    let a5 = a.base + min(5, last) * a.rowStride
    let a6 = a.base + min(6, last) * a.rowStride
    let a7 = a.base + min(7, last) * a.rowStride
    var c00 = V(), c01 = V()
    var c10 = V(), c11 = V()
    var c20 = V(), c21 = V()
    var c30 = V(), c31 = V()
    var c40 = V(), c41 = V()
    var c50 = V(), c51 = V()
    var c60 = V(), c61 = V()
    var c70 = V(), c71 = V()
    if accumulate {
      (c00, c01) = loadRow(c, columns: columns)
      if rows > 1 { (c10, c11) = loadRow(c + 1 * cStride, columns: columns) }
      if rows > 2 { (c20, c21) = loadRow(c + 2 * cStride, columns: columns) }
      if rows > 3 { (c30, c31) = loadRow(c + 3 * cStride, columns: columns) }
      if rows > 4 { (c40, c41) = loadRow(c + 4 * cStride, columns: columns) }
      if rows > 5 { (c50, c51) = loadRow(c + 5 * cStride, columns: columns) }
      if rows > 6 { (c60, c61) = loadRow(c + 6 * cStride, columns: columns) }
      if rows > 7 { (c70, c71) = loadRow(c + 7 * cStride, columns: columns) }
    }
    var pa = 0
    var pb = 0
    for _ in 0..<depth {
      let b0 = load(panel + pb)
      let b1 = load(panel + pb + 1 * lanes)
      let x0 = V(repeating: a0[pa])
      c00 = c00.addingProduct(x0, b0)
      c01 = c01.addingProduct(x0, b1)
      let x1 = V(repeating: a1[pa])
      c10 = c10.addingProduct(x1, b0)
      c11 = c11.addingProduct(x1, b1)
      let x2 = V(repeating: a2[pa])
      c20 = c20.addingProduct(x2, b0)
      c21 = c21.addingProduct(x2, b1)
      let x3 = V(repeating: a3[pa])
      c30 = c30.addingProduct(x3, b0)
      c31 = c31.addingProduct(x3, b1)
      let x4 = V(repeating: a4[pa])
      c40 = c40.addingProduct(x4, b0)
      c41 = c41.addingProduct(x4, b1)
      let x5 = V(repeating: a5[pa])
      c50 = c50.addingProduct(x5, b0)
      c51 = c51.addingProduct(x5, b1)
      let x6 = V(repeating: a6[pa])
      c60 = c60.addingProduct(x6, b0)
      c61 = c61.addingProduct(x6, b1)
      let x7 = V(repeating: a7[pa])
      c70 = c70.addingProduct(x7, b0)
      c71 = c71.addingProduct(x7, b1)
      pa &+= a.columnStride
      pb &+= panelStride
    }
    storeRow((c00, c01), c, columns: columns)
    if rows > 1 { storeRow((c10, c11), c + 1 * cStride, columns: columns) }
    if rows > 2 { storeRow((c20, c21), c + 2 * cStride, columns: columns) }
    if rows > 3 { storeRow((c30, c31), c + 3 * cStride, columns: columns) }
    if rows > 4 { storeRow((c40, c41), c + 4 * cStride, columns: columns) }
    if rows > 5 { storeRow((c50, c51), c + 5 * cStride, columns: columns) }
    if rows > 6 { storeRow((c60, c61), c + 6 * cStride, columns: columns) }
    if rows > 7 { storeRow((c70, c71), c + 7 * cStride, columns: columns) }
  }

  /// `tile` for a panel one register wide (`columns ≤ lanes`), 8 rows at a time: the last
  /// panel of a matrix whose width leaves at most one register.
  ///
  /// The first `wholeStores` rows are stored as whole registers, past `columns` into the
  /// next row, which the caller allows only where a later store rewrites those elements (see
  /// `wholeStoreRows`). Stored lane by lane, `[64,128]·[128,10]` took 2.96 µs hot against
  /// 2.47 for 16 columns (float32).
  @inline(__always)
  static func narrowTile(
    _ a: StridedMatrix<S>, rows: Int, _ panel: UnsafePointer<S>, panelStride: Int, depth: Int,
    into c: UnsafeMutablePointer<S>, cStride: Int, columns: Int, accumulate: Bool,
    wholeStores: Int = 0
  ) {
    let last = rows - 1
    let a0 = a.base
    let a1 = a.base + min(1, last) * a.rowStride
    let a2 = a.base + min(2, last) * a.rowStride
    let a3 = a.base + min(3, last) * a.rowStride
    let a4 = a.base + min(4, last) * a.rowStride
    let a5 = a.base + min(5, last) * a.rowStride
    let a6 = a.base + min(6, last) * a.rowStride
    let a7 = a.base + min(7, last) * a.rowStride
    var c00 = V()
    var c10 = V()
    var c20 = V()
    var c30 = V()
    var c40 = V()
    var c50 = V()
    var c60 = V()
    var c70 = V()
    if accumulate {
      c00 = loadRow(c, columns: columns)
      if rows > 1 { c10 = loadRow(c + 1 * cStride, columns: columns) }
      if rows > 2 { c20 = loadRow(c + 2 * cStride, columns: columns) }
      if rows > 3 { c30 = loadRow(c + 3 * cStride, columns: columns) }
      if rows > 4 { c40 = loadRow(c + 4 * cStride, columns: columns) }
      if rows > 5 { c50 = loadRow(c + 5 * cStride, columns: columns) }
      if rows > 6 { c60 = loadRow(c + 6 * cStride, columns: columns) }
      if rows > 7 { c70 = loadRow(c + 7 * cStride, columns: columns) }
    }
    var pa = 0
    var pb = 0
    for _ in 0..<depth {
      let b0 = load(panel + pb)
      let x0 = V(repeating: a0[pa])
      c00 = c00.addingProduct(x0, b0)
      let x1 = V(repeating: a1[pa])
      c10 = c10.addingProduct(x1, b0)
      let x2 = V(repeating: a2[pa])
      c20 = c20.addingProduct(x2, b0)
      let x3 = V(repeating: a3[pa])
      c30 = c30.addingProduct(x3, b0)
      let x4 = V(repeating: a4[pa])
      c40 = c40.addingProduct(x4, b0)
      let x5 = V(repeating: a5[pa])
      c50 = c50.addingProduct(x5, b0)
      let x6 = V(repeating: a6[pa])
      c60 = c60.addingProduct(x6, b0)
      let x7 = V(repeating: a7[pa])
      c70 = c70.addingProduct(x7, b0)
      pa &+= a.columnStride
      pb &+= panelStride
    }
    func width(_ row: Int) -> Int { row < wholeStores ? lanes : columns }
    storeRow(c00, c, columns: width(0))
    if rows > 1 { storeRow(c10, c + 1 * cStride, columns: width(1)) }
    if rows > 2 { storeRow(c20, c + 2 * cStride, columns: width(2)) }
    if rows > 3 { storeRow(c30, c + 3 * cStride, columns: width(3)) }
    if rows > 4 { storeRow(c40, c + 4 * cStride, columns: width(4)) }
    if rows > 5 { storeRow(c50, c + 5 * cStride, columns: width(5)) }
    if rows > 6 { storeRow(c60, c + 6 * cStride, columns: width(6)) }
    if rows > 7 { storeRow(c70, c + 7 * cStride, columns: width(7)) }
  }

  /// `narrowTile` for 16 rows, all of them in `a` (no repeated rows): 16 sums side by side
  /// where `narrowTile` has 8, whose 8 chains of one multiply-add a step (4 cycles each) just
  /// fill the two multiply-add ports, so any stall shows. The rows are reached from four
  /// pointers (rows 0–3) and four offsets of 4 rows each, not from 16 pointers: `narrowTile`'s
  /// 8 pointers already spilled to the stack, and were reloaded inside its loop.
  /// `[64, 128]·[128, 10]` with its bias, float32, one thread, hot, alternating in one process:
  /// 1.58 µs against 1.90 in 8-row tiles.
  @inline(__always)
  static func tallNarrowTile(
    _ a: StridedMatrix<S>, _ panel: UnsafePointer<S>, panelStride: Int, depth: Int,
    into c: UnsafeMutablePointer<S>, cStride: Int, columns: Int, accumulate: Bool,
    wholeStores: Int
  ) {
    let a0 = a.base
    let (a1, a2, a3) = (a0 + a.rowStride, a0 + 2 * a.rowStride, a0 + 3 * a.rowStride)
    let fourRows = 4 * a.rowStride
    var c00 = V(), c01 = V(), c02 = V(), c03 = V()
    var c10 = V(), c11 = V(), c12 = V(), c13 = V()
    var c20 = V(), c21 = V(), c22 = V(), c23 = V()
    var c30 = V(), c31 = V(), c32 = V(), c33 = V()
    // c<r><q> is row 4q + r: its elements come from a<r> at offset q · fourRows.
    if accumulate {
      func row(_ index: Int) -> V { loadRow(c + index * cStride, columns: columns) }
      (c00, c10, c20, c30) = (row(0), row(1), row(2), row(3))
      (c01, c11, c21, c31) = (row(4), row(5), row(6), row(7))
      (c02, c12, c22, c32) = (row(8), row(9), row(10), row(11))
      (c03, c13, c23, c33) = (row(12), row(13), row(14), row(15))
    }
    var (p0, p1, p2, p3) = (0, fourRows, 2 * fourRows, 3 * fourRows)
    var pb = 0
    for _ in 0..<depth {
      let b0 = load(panel + pb)
      c00 = c00.addingProduct(V(repeating: a0[p0]), b0)
      c10 = c10.addingProduct(V(repeating: a1[p0]), b0)
      c20 = c20.addingProduct(V(repeating: a2[p0]), b0)
      c30 = c30.addingProduct(V(repeating: a3[p0]), b0)
      c01 = c01.addingProduct(V(repeating: a0[p1]), b0)
      c11 = c11.addingProduct(V(repeating: a1[p1]), b0)
      c21 = c21.addingProduct(V(repeating: a2[p1]), b0)
      c31 = c31.addingProduct(V(repeating: a3[p1]), b0)
      c02 = c02.addingProduct(V(repeating: a0[p2]), b0)
      c12 = c12.addingProduct(V(repeating: a1[p2]), b0)
      c22 = c22.addingProduct(V(repeating: a2[p2]), b0)
      c32 = c32.addingProduct(V(repeating: a3[p2]), b0)
      c03 = c03.addingProduct(V(repeating: a0[p3]), b0)
      c13 = c13.addingProduct(V(repeating: a1[p3]), b0)
      c23 = c23.addingProduct(V(repeating: a2[p3]), b0)
      c33 = c33.addingProduct(V(repeating: a3[p3]), b0)
      p0 &+= a.columnStride
      p1 &+= a.columnStride
      p2 &+= a.columnStride
      p3 &+= a.columnStride
      pb &+= panelStride
    }
    func store(_ v: V, _ index: Int) {
      storeRow(v, c + index * cStride, columns: index < wholeStores ? lanes : columns)
    }
    store(c00, 0); store(c10, 1); store(c20, 2); store(c30, 3)
    store(c01, 4); store(c11, 5); store(c21, 6); store(c31, 7)
    store(c02, 8); store(c12, 9); store(c22, 10); store(c32, 11)
    store(c03, 12); store(c13, 13); store(c23, 14); store(c33, 15)
  }

  /// The first `columns` elements of a row of `c` in 2 registers, zeros after them.
  @inline(__always)
  static func loadRow(_ p: UnsafePointer<S>, columns: Int) -> (V, V) {
    (
      load(p + 0 * lanes, count: max(0, min(lanes, columns - 0 * lanes))),
      load(p + 1 * lanes, count: max(0, min(lanes, columns - 1 * lanes)))
    )
  }

  /// The first `columns` elements of a row of `c` in a register, zeros after them.
  @inline(__always)
  static func loadRow(_ p: UnsafePointer<S>, columns: Int) -> V {
    load(p, count: min(lanes, columns))
  }

  /// The first `columns` elements of a row of 2 registers stored at `p`.
  @inline(__always)
  static func storeRow(_ row: (V, V), _ p: UnsafeMutablePointer<S>, columns: Int) {
    store(row.0, p + 0 * lanes, count: max(0, min(lanes, columns - 0 * lanes)))
    store(row.1, p + 1 * lanes, count: max(0, min(lanes, columns - 1 * lanes)))
  }

  /// The first `columns` elements of a register stored at `p`.
  @inline(__always)
  static func storeRow(_ row: V, _ p: UnsafeMutablePointer<S>, columns: Int) {
    store(row, p, count: min(lanes, columns))
  }
}
