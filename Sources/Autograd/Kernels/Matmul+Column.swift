extension Matmul {
  /// `c = a·b` for a single column `b` (`n = 1`): dot products, a register of rows at a time
  /// (each lane one row's chain of multiply-adds over `k`, in order, from zero), two
  /// registers at once so that their chains overlap in the FMA units.
  ///
  /// A column of a row-major `a` is one element a lane, a load and an insert each; there,
  /// `lanes × lanes` blocks of `a` are turned into columns in registers instead
  /// (`transposeBlock`): the whole blocks of the depth, then the depth past them from the
  /// block that ends at column `k`, skipping its columns already taken (W2's forward product,
  /// depth 30: blocks at 0, 8, 16, then 22 from its third column). Only a depth shorter than
  /// a register is read a lane at a time. (W2, logistic regression on a batch of 16 × 30:
  /// the forward product was a quarter of a step, mostly the inserts.) Likewise, rows short
  /// of a whole register at the end are taken in the register that ends at the last row,
  /// which repeats a few rows' chains, rather than in a register built a lane at a time
  /// (W2's weight gradient, 30 rows: 24 to 29 come with 22 and 23 again). Each row's chain
  /// over the depth is the same either way.
  static func columnProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int
  ) {
    if a.rowStride == 1 && cStride == 1 && m >= lanes {
      return columnProductOfAdjacentRows(a, b, into: c, m: m, k: k)
    }
    let blocked = a.columnStride == 1 && a.rowStride != 1 ? k - k % lanes : 0
    guard blocked > 0 else {
      return columnProduct(a, b, into: c, cStride: cStride, m: m, k: k, blocked: 0, nil)
    }
    // Not `withTemporaryLineAligned`: a kilobyte of floats and a line more would leave the
    // stack for the heap, every product.
    withUnsafeTemporaryAllocation(of: S.self, capacity: lanes * lanes) { columns in
      columnProduct(
        a, b, into: c, cStride: cStride, m: m, k: k, blocked: blocked, columns.baseAddress)
    }
  }

  /// `columnProduct` with the depth `0..<blocked` taken in transposed blocks of `a`, and the
  /// rest from the block that ends at `k`, through `columns` (room for `lanes × lanes`; nil
  /// when `blocked` is 0).
  @inline(__always)
  static func columnProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, blocked: Int, _ columns: UnsafeMutablePointer<S>?
  ) {
    var i = 0
    while i + 2 * lanes <= m {
      var (low, high) = (V(), V())
      for p0 in stride(from: 0, to: blocked, by: lanes) {
        low = adding(block(of: a, row: i, at: p0, through: columns!), b, at: p0, to: low)
        high = adding(
          block(of: a, row: i + lanes, at: p0, through: columns!), b, at: p0, to: high)
      }
      if blocked == 0 {  // no whole block: a column of rows at a time
        for p in 0..<k {
          let x = V(repeating: b[p, 0])
          low = low.addingProduct(column(a, row: i, count: lanes, at: p), x)
          high = high.addingProduct(column(a, row: i + lanes, count: lanes, at: p), x)
        }
      } else if blocked < k {  // the rest of the depth, from the block ending at k
        let (p0, skip) = (k - lanes, blocked - (k - lanes))
        low = adding(
          block(of: a, row: i, at: p0, through: columns!), b, at: p0, from: skip, to: low)
        high = adding(
          block(of: a, row: i + lanes, at: p0, through: columns!), b, at: p0, from: skip, to: high)
      }
      storeColumn(low, c + i * cStride, cStride: cStride, kept: 0..<lanes)
      storeColumn(high, c + (i + lanes) * cStride, cStride: cStride, kept: 0..<lanes)
      i += 2 * lanes
    }
    while i < m {
      // Fewer rows left than a register, of at least a register in all: the register that
      // ends at the last row, whose first lanes repeat rows already done (the same chains,
      // so the same values), kept from row `i` on; a short register only when `m < lanes`.
      let first = m - i < lanes && m >= lanes ? m - lanes : i
      let count = min(lanes, m - first)
      let rowsBlocked = count == lanes ? blocked : 0
      var sum = V()
      for p0 in stride(from: 0, to: rowsBlocked, by: lanes) {
        sum = adding(block(of: a, row: first, at: p0, through: columns!), b, at: p0, to: sum)
      }
      if rowsBlocked == 0 {
        for p in 0..<k {
          sum = sum.addingProduct(
            column(a, row: first, count: count, at: p), V(repeating: b[p, 0]))
        }
      } else if rowsBlocked < k {
        let (p0, skip) = (k - lanes, rowsBlocked - (k - lanes))
        sum = adding(
          block(of: a, row: first, at: p0, through: columns!), b, at: p0, from: skip, to: sum)
      }
      storeColumn(sum, c + first * cStride, cStride: cStride, kept: (i - first)..<count)
      i = first + count
    }
  }

  /// `columnProduct` for an `a` whose rows are adjacent (stored transposed: each column of it
  /// is contiguous), at least a register tall, into a contiguous `c`: four registers of rows
  /// at a time, their four chains over the depth side by side in one loop, a column of each
  /// register one load. The last pass takes the registers that end at the last row where
  /// fewer than four are left (their lanes may repeat rows already done: the same chains, the
  /// same values, stored again). W2's weight gradient (`a` its batch transposed, 30 × 16) went
  /// through a pair of registers and then one at a time, with the general path's tests in
  /// every step of the depth.
  @inline(__always)
  static func columnProductOfAdjacentRows(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    m: Int, k: Int
  ) {
    let (columnStride, bStride, last) = (a.columnStride, b.rowStride, m &- lanes)
    var i = 0
    while i < m {
      let rows = (
        min(i, last), min(i &+ lanes, last), min(i &+ 2 &* lanes, last),
        min(i &+ 3 &* lanes, last)
      )
      var sums = (V(), V(), V(), V())
      var (column, x) = (a.base, b.base)
      for _ in 0..<k {
        let factor = V(repeating: x.pointee)
        sums.0 = sums.0.addingProduct(load(column + rows.0), factor)
        sums.1 = sums.1.addingProduct(load(column + rows.1), factor)
        sums.2 = sums.2.addingProduct(load(column + rows.2), factor)
        sums.3 = sums.3.addingProduct(load(column + rows.3), factor)
        column += columnStride
        x += bStride
      }
      store(sums.0, c + rows.0, count: lanes)
      store(sums.1, c + rows.1, count: lanes)
      store(sums.2, c + rows.2, count: lanes)
      store(sums.3, c + rows.3, count: lanes)
      i = rows.3 &+ lanes
    }
  }

  /// `a[row..<row + lanes, p0..<p0 + lanes]` of a row-major `a`, transposed into `columns`
  /// (`lanes × lanes`): row `q` of the result is column `p0 + q` of those rows.
  @inline(__always)
  static func block(
    of a: StridedMatrix<S>, row: Int, at p0: Int, through columns: UnsafeMutablePointer<S>
  ) -> UnsafeMutablePointer<S> {
    transposeBlock(a.base + row * a.rowStride + p0, a.rowStride, columns, lanes)
    return columns
  }

  /// `sum` plus column `q` of `block` times `b[p0 + q, 0]`, for `q` in `start..<lanes`, in
  /// order.
  @inline(__always)
  static func adding(
    _ block: UnsafeMutablePointer<S>, _ b: StridedMatrix<S>, at p0: Int, from start: Int = 0,
    to sum: V
  ) -> V {
    var sum = sum
    for q in start..<lanes {
      sum = sum.addingProduct(load(block + q * lanes), V(repeating: b[p0 + q, 0]))
    }
    return sum
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

  /// The lanes `kept` of `v` written to `c`, lane `j` at `c[j · cStride]`. All lanes go
  /// through a loop of fixed length, which the compiler unrolls into extracts and stores;
  /// over a range it kept a loop that read each lane back from the stack, with an overflow
  /// check on each offset: `dW3` of W4 (1,280 elements a step) spent 60 % of its time there.
  /// `fit` on W4, one thread, blocks of 50 steps alternating: float32 1.005–1.015× the steps
  /// a second (4 runs), float64 1.005–1.018× (3 runs).
  @inline(__always)
  static func storeColumn(
    _ v: V, _ c: UnsafeMutablePointer<S>, cStride: Int, kept: Range<Int>
  ) {
    if cStride == 1 && kept == 0..<lanes { return store(v, c, count: lanes) }
    if kept == 0..<lanes {
      for lane in 0..<V.scalarCount { c[lane &* cStride] = v[lane] }
      return
    }
    for lane in kept { c[lane &* cStride] = v[lane] }
  }
}
