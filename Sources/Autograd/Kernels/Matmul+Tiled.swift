extension Matmul {
  /// The depth (`k`) of one block: a panel of `blockDepth × tileColumns` stays in L1 while
  /// every tile of rows passes over it. Blocks carry their partial sums through `c`.
  static var blockDepth: Int { 256 }

  /// `c = a·b` by register tiles. Loops: depth blocks, then panels of `tileColumns` columns
  /// of `b`, then tiles of `tileRows` rows of `a`. A panel is read in place when it is a
  /// full-width slice of a row-major `b`, and otherwise copied (transposed, zero-padded).
  ///
  /// The copy buffer is allocated only when some panel needs it (on Linux a temporary
  /// allocation of more than a kilobyte comes from the heap).
  static func tiledProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int
  ) {
    // A panel is copied when `b` is not row-major or the panel is narrower than its width:
    // with `n` a multiple of `lanes`, every panel is `lanes` or `tileColumns` wide.
    guard b.columnStride != 1 || n % lanes != 0 else {
      tiledProduct(a, b, into: c, cStride: cStride, m: m, k: k, n: n, pack: nil)
      return
    }
    withUnsafeTemporaryAllocation(of: S.self, capacity: min(k, blockDepth) * tileColumns) {
      tiledProduct(a, b, into: c, cStride: cStride, m: m, k: k, n: n, pack: $0.baseAddress)
    }
  }

  /// `tiledProduct` with `pack` (room for a `blockDepth × tileColumns` panel) for the panels
  /// that must be copied; nil when none must.
  static func tiledProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int, pack: UnsafeMutablePointer<S>?
  ) {
    for p0 in stride(from: 0, to: k, by: blockDepth) {
      let depth = min(blockDepth, k - p0)
      for j0 in stride(from: 0, to: n, by: tileColumns) {
        let columns = min(tileColumns, n - j0)
        let width = columns <= lanes ? lanes : tileColumns
        let block = b.block(row: p0, column: j0)
        var panel = block.base
        var panelStride = block.rowStride
        if block.columnStride != 1 || columns < width {
          guard let pack else { preconditionFailure("a panel to copy and no buffer for it") }
          packPanel(block, depth: depth, columns: columns, width: width, into: pack)
          (panel, panelStride) = (UnsafePointer(pack), width)
        }
        if width == lanes {
          for i0 in stride(from: 0, to: m, by: narrowTileRows) {
            narrowTile(
              a.block(row: i0, column: p0), rows: min(narrowTileRows, m - i0), panel,
              panelStride: panelStride, depth: depth, into: c + i0 * cStride + j0,
              cStride: cStride, columns: columns, accumulate: p0 > 0)
          }
        } else {
          for i0 in stride(from: 0, to: m, by: tileRows) {
            tile(
              a.block(row: i0, column: p0), rows: min(tileRows, m - i0), panel,
              panelStride: panelStride, depth: depth, into: c + i0 * cStride + j0,
              cStride: cStride, columns: columns, accumulate: p0 > 0)
          }
        }
      }
    }
  }

  /// `block[depth × columns]` copied into `pack[depth × width]`, zeros to the right.
  static func packPanel(
    _ block: StridedMatrix<S>, depth: Int, columns: Int, width: Int,
    into pack: UnsafeMutablePointer<S>
  ) {
    if block.columnStride == 1 {  // the ragged right edge of a row-major `b`: copy rows
      for p in 0..<depth {
        let source = block.base + p * block.rowStride
        for v in stride(from: 0, to: width, by: lanes) {
          let count = max(0, min(lanes, columns - v))
          store(load(source + v, count: count), pack + p * width + v, count: lanes)
        }
      }
      return
    }
    var done = 0  // a transposed `b`: whole `lanes × lanes` blocks in registers
    if columns == width && block.rowStride == 1 {
      done = depth - depth % lanes
      for p in stride(from: 0, to: done, by: lanes) {
        for j in stride(from: 0, to: width, by: lanes) {
          transposeBlock(
            block.base + j * block.columnStride + p, block.columnStride, pack + p * width + j,
            width)
        }
      }
    }
    if columns < width { pack.update(repeating: 0, count: depth * width) }
    for j in 0..<columns {  // the rest: each column is a run of `rowStride` steps
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
