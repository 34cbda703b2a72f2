extension Matmul {
  /// `c = a·b` for a single column `b` (`n = 1`): dot products, a register of rows at a time
  /// (each lane one row's chain of multiply-adds over `k`, in order, from zero), two
  /// registers at once so that their chains overlap in the FMA units.
  static func columnProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int
  ) {
    var i = 0
    while i + 2 * lanes <= m {
      var (low, high) = (V(), V())
      for p in 0..<k {
        let x = V(repeating: b[p, 0])
        low = low.addingProduct(column(a, row: i, count: lanes, at: p), x)
        high = high.addingProduct(column(a, row: i + lanes, count: lanes, at: p), x)
      }
      storeColumn(low, c + i * cStride, cStride: cStride, count: lanes)
      storeColumn(high, c + (i + lanes) * cStride, cStride: cStride, count: lanes)
      i += 2 * lanes
    }
    while i < m {
      let count = min(lanes, m - i)
      var sum = V()
      for p in 0..<k {
        sum = sum.addingProduct(column(a, row: i, count: count, at: p), V(repeating: b[p, 0]))
      }
      storeColumn(sum, c + i * cStride, cStride: cStride, count: count)
      i += lanes
    }
  }

  /// `a[row..<row + count, p]` in the first `count` lanes, zeros after them: one load when
  /// `a` is stored transposed (its rows are then adjacent), else one element a lane.
  @inline(__always)
  static func column(_ a: StridedMatrix<S>, row: Int, count: Int, at p: Int) -> V {
    let start = a.base + row * a.rowStride + p * a.columnStride
    if a.rowStride == 1 { return load(start, count: count) }
    var v = V()
    for lane in 0..<count { v[lane] = start[lane * a.rowStride] }
    return v
  }

  /// The first `count` lanes of `v` written `cStride` apart.
  @inline(__always)
  static func storeColumn(
    _ v: V, _ c: UnsafeMutablePointer<S>, cStride: Int, count: Int
  ) {
    for lane in 0..<count { c[lane * cStride] = v[lane] }
  }
}
