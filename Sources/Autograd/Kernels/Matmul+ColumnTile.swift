// Products with few columns whose `a` is stored transposed, computed a register of rows at a
// time, as `columnProduct` does for one column.
//
// A weight gradient into a layer of few outputs (`hᵀ·g`, `g` of 10 columns for the logits
// of W4 and W5) has its rows of `c` adjacent in `a`: a row of the stored `hᵀ` is a column of
// `a`. The register tiles would put a row of `c` in registers, 10 of 16 lanes used (float32's
// narrow tile then loads 9 times for every 8 multiply-adds); here each register holds
// `lanes` rows of one column of `c`, every lane used, and each step of the depth loads 2
// registers of `a` and broadcasts 5 elements of `b` for 10 multiply-adds. Each element is
// still the chain of fused multiply-adds over the depth in order, from zero: the same bits
// as every other path.
extension Matmul {
  /// Columns of `c` computed together by `columnTile`.
  static var columnTileColumns: Int { 5 }

  /// Whether `columnTiledProduct` computes an `m×k` by `k×n` product of `a`: `a` stored
  /// transposed (its rows adjacent), at least a register of rows, and 2 to 2 × lanes − 1
  /// columns (a single column is `columnProduct`'s).
  static func suitsColumnTiles(_ a: StridedMatrix<S>, m: Int, n: Int) -> Bool {
    a.rowStride == 1 && m >= lanes && n >= 2 && n < tileColumns
  }

  /// `c = a·b` by column tiles (see `suitsColumnTiles`): 2 registers of rows at a time, the
  /// last rows in the registers that end at row `m` (repeating rows already done, whose
  /// chains are the same), each for every group of `columnTileColumns` columns.
  static func columnTiledProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int
  ) {
    var i = 0
    while i < m {
      let high = min(i + lanes, m - lanes)  // the second register's first row
      let low = min(i, high)
      // The first register keeps the rows from `i` on, the second those past the first's.
      let keptFrom = (i - low, low + lanes - high)
      for j in stride(from: 0, to: n, by: columnTileColumns) {
        columnTile(
          a, rows: (low, high), b, columns: j..<min(j + columnTileColumns, n), depth: k,
          into: c, cStride: cStride, keptFrom: keptFrom)
      }
      i = high + lanes
    }
  }

  /// The columns `columns` (at most `columnTileColumns`; a missing one repeats the last and
  /// is not stored) of the rows `rows.0..<rows.0 + lanes` and `rows.1..<rows.1 + lanes` of
  /// `c = a·b`, over the whole depth, each register's lanes from `keptFrom` on stored.
  @inline(__always)
  static func columnTile(
    _ a: StridedMatrix<S>, rows: (Int, Int), _ b: StridedMatrix<S>, columns: Range<Int>,
    depth: Int, into c: UnsafeMutablePointer<S>, cStride: Int, keptFrom: (Int, Int)
  ) {
    let (first, last) = (columns.lowerBound, columns.count - 1)
    let (low, high) = (a.base + rows.0, a.base + rows.1)
    let b0 = b.base + first * b.columnStride
    let b1 = b.base + (first + min(1, last)) * b.columnStride
    let b2 = b.base + (first + min(2, last)) * b.columnStride
    let b3 = b.base + (first + min(3, last)) * b.columnStride
    let b4 = b.base + (first + min(4, last)) * b.columnStride
    var l0 = V(), h0 = V()
    var l1 = V(), h1 = V()
    var l2 = V(), h2 = V()
    var l3 = V(), h3 = V()
    var l4 = V(), h4 = V()
    var (pa, pb) = (0, 0)
    for _ in 0..<depth {
      let x = load(low + pa)
      let y = load(high + pa)
      let s0 = V(repeating: b0[pb])
      l0 = l0.addingProduct(x, s0)
      h0 = h0.addingProduct(y, s0)
      let s1 = V(repeating: b1[pb])
      l1 = l1.addingProduct(x, s1)
      h1 = h1.addingProduct(y, s1)
      let s2 = V(repeating: b2[pb])
      l2 = l2.addingProduct(x, s2)
      h2 = h2.addingProduct(y, s2)
      let s3 = V(repeating: b3[pb])
      l3 = l3.addingProduct(x, s3)
      h3 = h3.addingProduct(y, s3)
      let s4 = V(repeating: b4[pb])
      l4 = l4.addingProduct(x, s4)
      h4 = h4.addingProduct(y, s4)
      pa &+= a.columnStride
      pb &+= b.rowStride
    }
    let kept = (keptFrom.0..<lanes, keptFrom.1..<lanes)
    storeColumns((l0, h0), rows, c, cStride, column: first, kept)
    if last >= 1 { storeColumns((l1, h1), rows, c, cStride, column: first + 1, kept) }
    if last >= 2 { storeColumns((l2, h2), rows, c, cStride, column: first + 2, kept) }
    if last >= 3 { storeColumns((l3, h3), rows, c, cStride, column: first + 3, kept) }
    if last >= 4 { storeColumns((l4, h4), rows, c, cStride, column: first + 4, kept) }
  }

  /// Two registers of a column of `c`, the first from row `rows.0`, the second from row
  /// `rows.1`, their lanes `kept` stored.
  @inline(__always)
  static func storeColumns(
    _ registers: (V, V), _ rows: (Int, Int), _ c: UnsafeMutablePointer<S>, _ cStride: Int,
    column: Int, _ kept: (Range<Int>, Range<Int>)
  ) {
    storeColumn(registers.0, c + rows.0 * cStride + column, cStride: cStride, kept: kept.0)
    storeColumn(registers.1, c + rows.1 * cStride + column, cStride: cStride, kept: kept.1)
  }
}
