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
