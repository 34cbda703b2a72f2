extension Matmul {
  /// The depth (`k`) of one block: a panel of `blockDepth × tileColumns` (32 KB) stays in L1
  /// while every tile of rows passes over it; a wide tile's panel, twice that, comes from L2
  /// (blocks of 128, or its panels packed to fit L1, measured slower: 0.91–0.97× alone).
  /// Blocks carry their partial sums through `c`, so where they end never changes a bit.
  /// A deeper product is cut into blocks of equal depth, at most this: W5's first layer
  /// (`k` = 784) into 4 of 196, where blocks of 256 left one of 16, whose every tile loaded
  /// and stored its part of `c` for 16 multiply-adds a sum. That product, float64, against
  /// the next layer's in the same run (the machine's speed moves both): 2.79× its time
  /// before, 2.72× after (4 alternating pairs, every one lower; `model.json` identical).
  static var blockDepth: Int { 256 }

  /// `c = a·b` by register tiles. Loops: depth blocks (of equal depth), then panels of `b`
  /// (4 registers wide for `wideTile`s when the part has `wideTileMinimumRows`, else 2 for
  /// `tile`s; the last columns in a panel of 2 or 1), then tiles of rows of `a`. A panel is
  /// read in place when it is a full-width slice of a row-major `b` (or a depth block of the
  /// single ragged panel of a narrow one that ends before its last rows:
  /// `raggedRowsInPlace`), and otherwise copied (transposed, zero-padded).
  ///
  /// With `descent` (a matrix laid out as `c`, rows `cStride` apart), the tiles of the last
  /// depth block put their sums in a scratch tile in L1 and subtract `rate ×` them from
  /// `descent` there; `c` only carries the partial sums between depth blocks, and holds no
  /// defined values after the call.
  ///
  /// The panel and scratch buffer is allocated only when needed (on Linux a temporary
  /// allocation of more than a kilobyte comes from the heap), on a cache line (see
  /// `Kernels.allocateHugePageBacked`).
  static func tiledProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int, descent: UnsafeMutablePointer<S>? = nil, rate: S = 0
  ) {
    let wide = m >= wideTileMinimumRows
    let widest = wide ? wideTileColumns : tileColumns
    // A panel is copied when `b` is not row-major or the panel is narrower than its width:
    // with `n` a multiple of `lanes`, every panel is as wide as its tile or `lanes` wide.
    let packCount = b.columnStride != 1 || n % lanes != 0 ? min(k, blockDepth) * widest : 0
    let scratchCount = descent == nil ? 0 : max(tileRows, wideTileRows) * widest
    guard packCount + scratchCount > 0 else {
      tiledProduct(
        a, b, into: c, cStride: cStride, m: m, k: k, n: n, pack: nil, descent: nil, wide: wide)
      return
    }
    Kernels.withTemporaryLineAligned(S.self, capacity: packCount + scratchCount) { start in
      let sums = start + packCount
      tiledProduct(
        a, b, into: c, cStride: cStride, m: m, k: k, n: n, pack: packCount > 0 ? start : nil,
        descent: descent.map {
          TileDescent(weights: $0, rate: rate, sums: sums, sumsStride: widest)
        }, wide: wide)
    }
  }

  /// The columns a tile computes for the panel at a column of `b` with `remaining` columns
  /// from it on: a wide tile's when allowed and filled, else `tile`'s, or one register's
  /// for the last `lanes` columns or fewer.
  static func panelWidth(remaining: Int, wide: Bool) -> Int {
    if wide && remaining >= wideTileColumns { return wideTileColumns }
    return remaining <= lanes ? lanes : tileColumns
  }

  /// The rows of `c` a tile computes for a panel `width` wide.
  static func tileRows(width: Int) -> Int {
    width == wideTileColumns ? wideTileRows : width == lanes ? narrowTileRows : tileRows
  }

  /// The tile for a panel `width` wide (see `panelWidth`): `wideTile`, `narrowTile` or
  /// `tile`, with their arguments (a wide tile's panel is always full: `columns == width`).
  @inline(__always)
  static func tile(
    width: Int, _ a: StridedMatrix<S>, rows: Int, _ panel: UnsafePointer<S>, panelStride: Int,
    depth: Int, into c: UnsafeMutablePointer<S>, cStride: Int, columns: Int, accumulate: Bool,
    wholeStores: Int = 0
  ) {
    if width == wideTileColumns {
      wideTile(
        a, rows: rows, panel, panelStride: panelStride, depth: depth, into: c, cStride: cStride,
        accumulate: accumulate)
    } else if width == lanes {
      narrowTile(
        a, rows: rows, panel, panelStride: panelStride, depth: depth, into: c, cStride: cStride,
        columns: columns, accumulate: accumulate, wholeStores: wholeStores)
    } else {
      tile(
        a, rows: rows, panel, panelStride: panelStride, depth: depth, into: c, cStride: cStride,
        columns: columns, accumulate: accumulate)
    }
  }

  /// A descent step taken tile by tile: `rate ×` the sums of a tile, which the tile leaves in
  /// `sums` (rows `sumsStride` apart), subtracted from the same block of `weights`.
  struct TileDescent {
    var weights: UnsafeMutablePointer<S>
    var rate: S
    var sums: UnsafeMutablePointer<S>
    var sumsStride: Int

    /// `weights[i, j] -= rate * sums[i, j]` for the tile's `rows × columns`, where
    /// `weights` starts at `offset` and its rows are `stride` apart. Whole registers when
    /// `columns` fills them (the same product and difference in each lane, so the same
    /// bits): the compiler left the float64 loop scalar, a quarter of the samples of W5's
    /// first weight gradient outside its multiply-adds.
    @inline(__always)
    func step(rows: Int, columns: Int, at offset: Int, stride: Int) {
      let factor = V(repeating: rate)
      for row in 0..<rows {
        let (line, target) = (sums + row * sumsStride, weights + offset + row * stride)
        guard columns % lanes == 0 else {
          for column in 0..<columns { target[column] -= rate * line[column] }
          continue
        }
        for v in Swift.stride(from: 0, to: columns, by: lanes) {
          store(load(target + v) - factor * load(line + v), target + v, count: lanes)
        }
      }
    }
  }

  /// `tiledProduct` with `pack` (room for a `blockDepth ×` widest panel) for the panels that
  /// must be copied, nil when none must; the descent step, if any; and whether the part may
  /// have wide tiles.
  static func tiledProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int, pack: UnsafeMutablePointer<S>?, descent: TileDescent?,
    wide: Bool
  ) {
    if pack == nil && k <= blockDepth && n % tileColumns == 0 && m >= n {
      tiledProductByRows(
        a, b, into: c, cStride: cStride, m: m, k: k, n: n, descent: descent,
        wide: wide && n % wideTileColumns == 0)
      return
    }
    let inPlace = raggedRowsInPlace(b, k: k, n: n)
    let blocks = max(1, (k + blockDepth - 1) / blockDepth)
    let evenDepth = (k + blocks - 1) / blocks
    var p0 = 0
    while p0 < k {
      let depth = min(evenDepth, k - p0)
      defer { p0 += depth }
      let step = p0 + depth == k ? descent : nil  // the sums are final in the last block
      var j0 = 0
      while j0 < n {
        let width = panelWidth(remaining: n - j0, wide: wide)
        let columns = min(width, n - j0)
        let block = b.block(row: p0, column: j0)
        var panel = block.base
        var panelStride = block.rowStride
        if block.columnStride != 1 || (columns < width && p0 + depth > inPlace) {
          guard let pack else { preconditionFailure("a panel to copy and no buffer for it") }
          packPanel(
            block, depth: depth, columns: columns, width: width, wholeRows: max(0, inPlace - p0),
            readable: b.rowStride == 1 ? (n - 1 - j0) * b.columnStride + k - p0 : 0, into: pack)
          (panel, panelStride) = (UnsafePointer(pack), width)
        }
        // How many of a narrow tile's `rows` rows from `i0` may be stored as whole registers.
        func wholeStores(row i0: Int, rows: Int) -> Int {
          step == nil && j0 == 0 && columns == cStride
            ? wholeStoreRows(from: i0, rows: rows, m: m, columns: columns, accumulate: p0 > 0)
            : 0
        }
        // The tile of `rows` rows from `i0` over `tileWidth` of the panel's columns from
        // `from` on (`columns` of them to keep).
        func computeTile(row i0: Int, rows: Int, width tileWidth: Int, from: Int, columns: Int) {
          let offset = i0 * cStride + j0 + from
          var (out, outStride) = (c + offset, cStride)
          if let step {
            if p0 > 0 {
              copyTile(
                c + offset, cStride, to: step.sums, step.sumsStride, rows: rows, columns: columns)
            }
            (out, outStride) = (step.sums, step.sumsStride)
          }
          tile(
            width: tileWidth, a.block(row: i0, column: p0), rows: rows, panel + from,
            panelStride: panelStride, depth: depth, into: out, cStride: outStride,
            columns: columns, accumulate: p0 > 0,
            wholeStores: tileWidth == lanes ? wholeStores(row: i0, rows: rows) : 0)
          step?.step(rows: rows, columns: columns, at: offset, stride: cStride)
        }
        let rowsPerTile = tileRows(width: width)
        let wideEnd = width == wideTileColumns ? wideTileRowsEnd(m) : m
        // A narrow panel's rows in tall tiles while 16 are left (not with a descent step,
        // whose scratch tile holds 8 rows), then in narrow ones.
        let tallEnd = width == lanes && step == nil ? m - m % tallNarrowTileRows : 0
        for i0 in stride(from: 0, to: tallEnd, by: tallNarrowTileRows) {
          tallNarrowTile(
            a.block(row: i0, column: p0), panel, panelStride: panelStride, depth: depth,
            into: c + i0 * cStride + j0, cStride: cStride, columns: columns,
            accumulate: p0 > 0, wholeStores: wholeStores(row: i0, rows: tallNarrowTileRows))
        }
        for i0 in stride(from: tallEnd, to: wideEnd, by: rowsPerTile) {
          computeTile(
            row: i0, rows: min(rowsPerTile, m - i0), width: width, from: 0, columns: columns)
        }
        for i0 in stride(from: wideEnd, to: m, by: tileRows) {  // a wide panel's last rows
          for from in stride(from: 0, to: width, by: tileColumns) {
            computeTile(
              row: i0, rows: tileRows, width: tileColumns, from: from, columns: tileColumns)
          }
        }
        j0 += width
      }
    }
  }

  /// `tiledProduct` for a part at least as tall as it is wide, of one depth block, whose
  /// panels are all full and read in place: tiles of rows outer, panels inner. A tile's rows
  /// of `a` then stay in L1 across every panel, and what is read again for each tile is `b`,
  /// the smaller operand here, which stays in L2. Panels outer would read all of the part's
  /// `a` again for every panel: for W5's first weight gradient (392 × 128 of `xᵀ` a thread,
  /// beside 392 × 256 of weights stepped in place) that spills L2. The product, hot, alone,
  /// on two threads: 0.64–0.71 ms instead of 0.73–0.87 (means of 100, in two sets of
  /// alternating runs); the same bits, as every element's chain is the same. Wide tiles when
  /// `wide` (then `n` is a multiple of their width).
  static func tiledProductByRows(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int, descent: TileDescent?, wide: Bool
  ) {
    // The tiles of `rows` rows from `i0`, `width` wide, across `c`.
    func computeRow(_ i0: Int, rows: Int, width: Int) {
      let block = a.block(row: i0, column: 0)
      for j0 in stride(from: 0, to: n, by: width) {
        let panel = b.block(row: 0, column: j0)
        let offset = i0 * cStride + j0
        let (out, outStride) = descent.map { ($0.sums, $0.sumsStride) } ?? (c + offset, cStride)
        tile(
          width: width, block, rows: rows, panel.base, panelStride: panel.rowStride, depth: k,
          into: out, cStride: outStride, columns: width, accumulate: false)
        descent?.step(rows: rows, columns: width, at: offset, stride: cStride)
      }
    }
    let width = wide ? wideTileColumns : tileColumns
    let rowsPerTile = tileRows(width: width)
    let wideEnd = wide ? wideTileRowsEnd(m) : m
    for i0 in stride(from: 0, to: wideEnd, by: rowsPerTile) {
      computeRow(i0, rows: min(rowsPerTile, m - i0), width: width)
    }
    for i0 in stride(from: wideEnd, to: m, by: tileRows) {  // the last rows, in 8×2 tiles
      computeRow(i0, rows: tileRows, width: tileColumns)
    }
  }

  /// Where a part of `m` rows stops taking wide tiles (6 rows) and takes `tile`s (8 rows,
  /// half as wide) over each half of the panel: the most whole wide tiles that leave a
  /// multiple of 8 rows, so that no tile computes a row twice. 64 rows: 8 wide tiles, then 16
  /// rows, where 11 wide tiles computed 66 (the last repeating 2); 128: 20, then 8. `m` itself
  /// when there is no such split (a last wide tile then repeats rows).
  ///
  /// W4's products of 64 and 128 rows, float32, one thread, hot, alternating in one process:
  /// 1.5–2.5 % faster each (as the 3 % of their multiply-adds no longer done would have it).
  static func wideTileRowsEnd(_ m: Int) -> Int {
    var end = m - m % wideTileRows
    while end >= 0 {
      if (m - end) % tileRows == 0 { return end }
      end -= wideTileRows
    }
    return m
  }

  /// How many of a narrow tile's rows, from row `i0` of a part `m` rows tall, may be stored
  /// as whole registers when the tile's panel is the whole of each row (`columns` wide, rows
  /// adjacent): those whose register ends in a row that this pass over the panel stores
  /// later, and so rewrites. That is any row of the part after it, or when `accumulate` (a
  /// depth block after the first, whose tiles first load their rows of `c`) only rows of the
  /// same tile, which loaded theirs already. (Past the last panel of a wider row the
  /// register would reach the next row's first panel, already stored.)
  static func wholeStoreRows(
    from i0: Int, rows: Int, m: Int, columns: Int, accumulate: Bool
  ) -> Int {
    let end = (accumulate ? i0 + rows : m) * columns  // rewritten later: before this element
    guard end >= lanes else { return 0 }
    // Row i0 + r's register ends at (i0 + r) · columns + lanes.
    return max(0, min(rows, (end - lanes) / columns - i0 + 1))
  }

  /// The leading rows of a row-major `b` narrower than `tileColumns` and not a whole number
  /// of registers (a layer of 10 outputs) whose single panel may be read as whole registers
  /// a row: the lanes past column `n` then hold the next row's first elements, which only
  /// feed sums that are never stored. Every row but the last few, whose registers would
  /// reach past the matrix. A depth block within them is read in place; the block that
  /// reaches past them is copied, its leading rows a register at a time (`packPanel`). The
  /// copy element by element was a quarter of `[64, 128]·[128, 10]`, float32, one thread;
  /// cutting the blocks where these rows end left a last block of one row, whose pass over
  /// every tile loaded and stored `c` for one multiply-add (that product, float32, hot,
  /// alone: 3.08 → 2.65 µs with the whole block copied by registers, 4 alternating pairs of
  /// 100,000 runs, medians; float64, a panel of two registers, unchanged). 0 (copy it all)
  /// for any other `b`.
  static func raggedRowsInPlace(_ b: StridedMatrix<S>, k: Int, n: Int) -> Int {
    guard b.columnStride == 1, n < tileColumns, n % lanes != 0 else { return 0 }
    let width = panelWidth(remaining: n, wide: false)
    // Row p's registers end at p · rowStride + width; the matrix at (k − 1) · rowStride + n.
    return max(0, k - (width - n + b.rowStride - 1) / b.rowStride)
  }

  /// The `rows × columns` block at `source` (rows `stride` apart) copied into `sums` (rows
  /// `sumsStride` apart).
  static func copyTile(
    _ source: UnsafeMutablePointer<S>, _ stride: Int, to sums: UnsafeMutablePointer<S>,
    _ sumsStride: Int, rows: Int, columns: Int
  ) {
    for row in 0..<rows {
      (sums + row * sumsStride).update(from: source + row * stride, count: columns)
    }
  }

  /// The rows `done..<depth` (fewer than `lanes`) of a transposed `block` (see `packPanel`)
  /// packed a register of columns at a time: `lanes × lanes` read from row `done` on and
  /// transposed in registers into a scratch block, whose first rows are the panel's. Only
  /// registers of columns whose every column's register ends within `readable`; returns the
  /// columns packed (the columns after them, the last of the matrix, are left to the caller).
  static func packRest(
    _ block: StridedMatrix<S>, from done: Int, depth: Int, width: Int, readable: Int,
    _ pack: UnsafeMutablePointer<S>
  ) -> Int {
    // Column j's register ends at j · columnStride + done + lanes.
    let room = readable - done - lanes
    let wholeColumns = room < 0 ? 0 : room / block.columnStride + 1
    let packed = min(width, wholeColumns / lanes * lanes)
    guard packed > 0 else { return 0 }
    withUnsafeTemporaryAllocation(of: S.self, capacity: lanes * lanes) { scratch in
      let rows = scratch.baseAddress!
      for j in stride(from: 0, to: packed, by: lanes) {
        transposeBlock(block.base + j * block.columnStride + done, block.columnStride, rows, lanes)
        for p in done..<depth {
          store(load(rows + (p - done) * lanes), pack + p * width + j, count: lanes)
        }
      }
    }
    return packed
  }

  /// `block[depth × columns]` copied into `pack[depth × width]`, zeros to the right, except
  /// in the first `wholeRows` rows of a row-major block, which may be read as whole registers
  /// (see `raggedRowsInPlace`): they are copied whole, with the next row's first elements in
  /// the lanes past `columns`, which only feed sums that are never stored.
  ///
  /// A transposed block (its columns adjacent), of which `readable` elements from its start
  /// are the matrix's own, is transposed a register of columns at a time by
  /// `transposeBlock`: whole `lanes × lanes` blocks, then the depth past them, shorter than a
  /// register, read as whole registers of each column (the lanes past the depth, the next
  /// column's first elements, are not stored) wherever all of them end within `readable`
  /// (`packRest`). That depth was copied element by element: W4's `dH2 = dZ3·W3ᵀ` (a depth
  /// of 10) was a quarter of the samples of packing, float32.
  static func packPanel(
    _ block: StridedMatrix<S>, depth: Int, columns: Int, width: Int, wholeRows: Int = 0,
    readable: Int = 0, into pack: UnsafeMutablePointer<S>
  ) {
    if block.columnStride == 1 {  // the ragged right edge of a row-major `b`: copy rows
      // Two loops, not one choosing each row's count: merged, `[64,128]·[128,10]` ran 7 %
      // slower (2.86 against 2.65 µs, float32, hot).
      let whole = min(wholeRows, depth)
      for p in 0..<whole {
        let source = block.base + p * block.rowStride
        for v in stride(from: 0, to: width, by: lanes) {
          store(load(source + v), pack + p * width + v, count: lanes)
        }
      }
      for p in whole..<depth {
        let source = block.base + p * block.rowStride
        for v in stride(from: 0, to: width, by: lanes) {
          let count = max(0, min(lanes, columns - v))
          store(load(source + v, count: count), pack + p * width + v, count: lanes)
        }
      }
      return
    }
    var done = 0  // a transposed `b`: `lanes × lanes` blocks in registers
    var firstColumn = 0  // the first column whose rows from `done` on the loop below copies
    if columns == width && block.rowStride == 1 {
      done = depth - depth % lanes
      for p in stride(from: 0, to: done, by: lanes) {
        for j in stride(from: 0, to: width, by: lanes) {
          transposeBlock(
            block.base + j * block.columnStride + p, block.columnStride, pack + p * width + j,
            width)
        }
      }
      if depth > done {
        firstColumn = packRest(
          block, from: done, depth: depth, width: width, readable: readable, pack)
      }
    }
    if columns < width { pack.update(repeating: 0, count: depth * width) }
    for j in firstColumn..<columns {  // the rest: each column is a run of `rowStride` steps
      var source = block.base + j * block.columnStride + done * block.rowStride
      var target = pack + done * width + j
      for _ in done..<depth {
        target.pointee = source.pointee
        source += block.rowStride
        target += width
      }
    }
  }
}
