// Kernels on buffers that the caller owns: the output is written, never allocated, so a
// compiled program can run them on preallocated memory. Every element of `out` is written.

extension Kernels {
  /// `out[i] = f(x[i])`.
  @inlinable
  public static func map<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, into out: UnsafeMutableBufferPointer<S>, _ f: (S) -> S
  ) {
    for i in 0..<out.count { out[i] = f(x[i]) }
  }

  /// `g · (1 − y·y)`: a gradient times the slope of tanh where its output is `y`. The one
  /// formula of `multiplyByOneMinusSquare` and of the product that fuses it, so both give the
  /// same bits.
  @inlinable @inline(__always)
  public static func timesTanhSlope<S: TensorScalar>(_ g: S, at y: S) -> S { g * (1 - y * y) }

  /// `timesTanhSlope` in every lane: the same operations, so the same bits.
  @inlinable @inline(__always)
  public static func timesTanhSlope<V: SIMD>(_ g: V, at y: V) -> V where V.Scalar: TensorScalar {
    g * (1 - y * y)
  }

  /// `out[i] = f(a[i], b[i])`.
  @inlinable
  public static func zip<S: TensorScalar>(
    _ a: UnsafeBufferPointer<S>, _ b: UnsafeBufferPointer<S>,
    into out: UnsafeMutableBufferPointer<S>, _ f: (S, S) -> S
  ) {
    for i in 0..<out.count { out[i] = f(a[i], b[i]) }
  }

  /// `out = f(x, y)` element by element, with `y` (one element, a row `[1, c]`/`[c]`, or a
  /// column `[r, 1]`) repeated over x's shape: the values of `zip(x, broadcast(y))`.
  @inlinable
  public static func zipBroadcasting<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, _ xShape: Shape, _ y: UnsafeBufferPointer<S>, _ yShape: Shape,
    into out: UnsafeMutableBufferPointer<S>, _ f: (S, S) -> S
  ) {
    guard let x = x.baseAddress, let y = y.baseAddress, let out = out.baseAddress else { return }
    let (rows, columns) = (xShape.rows, xShape.columns)
    if yShape.count == 1 {
      let value = y[0]
      for index in 0..<xShape.count { out[index] = f(x[index], value) }
    } else if yShape.rows == 1 {
      for row in 0..<rows {
        let (line, target) = (x + row &* columns, out + row &* columns)
        for column in 0..<columns { target[column] = f(line[column], y[column]) }
      }
    } else {
      for row in 0..<rows {
        let (line, target, value) = (x + row &* columns, out + row &* columns, y[row])
        for column in 0..<columns { target[column] = f(line[column], value) }
      }
    }
  }

  /// `x` (one element, a row `[1, c]`/`[c]`, or a column `[r, 1]`) repeated to fill `shape`.
  @inlinable
  public static func broadcast<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, _ xShape: Shape, into out: UnsafeMutableBufferPointer<S>,
    _ shape: Shape
  ) {
    guard let source = x.baseAddress, let target = out.baseAddress else { return }
    let (rows, columns) = (shape.rows, shape.columns)
    if xShape.count == 1 {
      target.update(repeating: source[0], count: out.count)
    } else if xShape.rows == 1 {
      copyingRows(of: columns) { copyRow in
        for row in 0..<rows { copyRow(source, target + row &* columns) }
      }
    } else {
      for row in 0..<rows {
        let (value, line) = (source[row], target + row &* columns)
        for column in 0..<columns { line[column] = value }
      }
    }
  }

  /// `x` summed down to `shape` (one element, a row or a column), each sum in index order.
  @inlinable
  public static func sum<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, _ xShape: Shape, into out: UnsafeMutableBufferPointer<S>,
    _ shape: Shape
  ) {
    guard let source = x.baseAddress, let target = out.baseAddress else { return }
    let (rows, columns) = (xShape.rows, xShape.columns)
    if shape.count == 1 {
      var total: S = 0
      for value in x { total += value }
      target[0] = total
    } else if shape.rows == 1 {
      sumRows(source, rows: rows, columns: columns, into: target)
    } else {
      for row in 0..<rows {
        let values = source + row &* columns
        var total: S = 0
        for column in 0..<columns { total += values[column] }
        target[row] = total
      }
    }
  }

  /// Whether every element is finite (neither infinite nor NaN). `v − v` is 0 for a finite
  /// `v` and NaN otherwise, so sums of it stay 0 exactly when every element is finite: no
  /// branch per element, and four sums of sixteen lanes, so that the additions overlap. The
  /// element loop with a test each was 0.7 % of a W4 float32 run (one thread), which checks
  /// every parameter after every epoch.
  @inlinable
  public static func allFinite<S: TensorScalar>(_ x: UnsafeBufferPointer<S>) -> Bool {
    guard let base = x.baseAddress else { return true }
    typealias V = SIMD16<S>
    @inline(__always) func differences(_ i: Int) -> V {
      let v = UnsafeRawPointer(base + i).loadUnaligned(as: V.self)
      return v - v
    }
    var sums = (V(), V(), V(), V())
    var i = 0
    while i &+ 4 &* V.scalarCount <= x.count {
      sums.0 += differences(i)
      sums.1 += differences(i &+ V.scalarCount)
      sums.2 += differences(i &+ 2 &* V.scalarCount)
      sums.3 += differences(i &+ 3 &* V.scalarCount)
      i &+= 4 &* V.scalarCount
    }
    while i &+ V.scalarCount <= x.count {
      sums.0 += differences(i)
      i &+= V.scalarCount
    }
    var rest: S = 0
    while i < x.count {
      rest += base[i] - base[i]
      i &+= 1
    }
    return sums.0 + sums.1 + sums.2 + sums.3 == V() && rest == 0
  }

  /// Copies `count` elements to memory that does not overlap them, inline (see
  /// `copyingRows`): for the short rows of small networks a call to `memmove` costs more than
  /// the copy. W4's batch (64 rows of 64 floats) through it was 1.4 % of a float32 run on one
  /// thread.
  @inlinable
  public static func copy<S: TensorScalar>(
    _ source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, count: Int
  ) {
    copyingRows(of: count) { copyRow in copyRow(source, target) }
  }

  /// Copies the rows `rows` of `source` (`[_, width]`), in that order, to consecutive rows at
  /// `target`, as `copy` would one row at a time, but choosing how for the width once a
  /// batch, not once a row. With `copy` for each row, W1's 32 rows of 4 doubles and their
  /// 32 targets were about a fifth of its step's samples, and W2's rows of 30 (then copied
  /// one at a time past the first 16) 17 %. Batches loaded this way alternating with that in
  /// one process: W1 2.0–2.2× faster (110 against 241 ns), W2 1.65×, W3 2.1×, W4 level.
  @inlinable
  public static func copyRows<S: TensorScalar>(
    _ rows: UnsafeBufferPointer<Int>, of source: UnsafePointer<S>, width: Int,
    into target: UnsafeMutablePointer<S>
  ) {
    copyingRows(of: width) { copyRow in
      for (position, row) in rows.enumerated() {
        copyRow(source + row * width, target + position &* width)
      }
    }
  }

  /// `body` given the way to copy a row of `width` elements (`source`, `target`, not
  /// overlapping), chosen once for all the rows it copies: from 4 to 256 elements in
  /// registers (16 elements, or 8 or 4 below 16), the last register ending at the last
  /// element (it may write some elements twice, with the same values); below 4 one at a
  /// time; above 256 with `memmove` (W5's rows of 784, as measured with it).
  @inlinable @inline(__always)
  static func copyingRows<S: TensorScalar>(
    of width: Int, _ body: ((UnsafePointer<S>, UnsafeMutablePointer<S>) -> Void) -> Void
  ) {
    if width > 256 {
      body { $1.update(from: $0, count: width) }
    } else if width >= 16 {
      body { copyInRegisters(SIMD16<S>.self, $0, to: $1, count: width) }
    } else if width >= 8 {
      body { copyInRegisters(SIMD8<S>.self, $0, to: $1, count: width) }
    } else if width >= 4 {
      body { copyInRegisters(SIMD4<S>.self, $0, to: $1, count: width) }
    } else if width == 1 {
      body { $1.pointee = $0.pointee }
    } else {
      body { for index in 0..<width { $1[index] = $0[index] } }
    }
  }

  /// `copy` for `count` ≥ one register: whole registers from the start, then one that ends
  /// at the last element.
  @inlinable @inline(__always)
  static func copyInRegisters<S: TensorScalar, V: SIMD>(
    _: V.Type, _ source: UnsafePointer<S>, to target: UnsafeMutablePointer<S>, count: Int
  ) where V.Scalar == S {
    @inline(__always) func move(_ index: Int) {
      let v = UnsafeRawPointer(source + index).loadUnaligned(as: V.self)
      UnsafeMutableRawPointer(target + index).storeBytes(of: v, as: V.self)
    }
    var index = 0
    while index &+ V.scalarCount < count {
      move(index)
      index &+= V.scalarCount
    }
    move(count &- V.scalarCount)
  }

  /// The column sums of a `rows × columns` matrix, each column summed over the rows in order
  /// (the same sums as one at a time), eight columns to a register.
  ///
  /// Each register's sums are a chain of additions as long as the matrix is tall, so a pass
  /// keeps eight registers going (64 columns) where the matrix is that wide; two, as every
  /// pass did, left the adder waiting on their chains. The last columns, fewer than a
  /// register, are read as whole registers too from every row whose register ends inside
  /// the matrix (the lanes past the last column add up the next row's first elements and
  /// are never stored), then one by one from the last rows: summed one column at a time, a
  /// layer of 10 outputs was ten chains in a row. Hot, alone: `[64, 10]` 215 → 95 ns
  /// (float32), `[128, 256]` float64 4.85 → 3.63 µs.
  @inlinable
  static func sumRows<S: TensorScalar>(
    _ x: UnsafePointer<S>, rows: Int, columns: Int, into out: UnsafeMutablePointer<S>
  ) {
    typealias R = SIMD8<S>
    func load(_ row: Int, _ column: Int) -> R {
      UnsafeRawPointer(x + (row &* columns &+ column)).loadUnaligned(as: R.self)
    }
    func store(_ sums: R, _ column: Int) {
      UnsafeMutableRawPointer(out + column).storeBytes(of: sums, as: R.self)
    }
    var column = 0
    while column &+ 64 <= columns {
      var s = (R(), R(), R(), R(), R(), R(), R(), R())
      for row in 0..<rows {
        s.0 += load(row, column)
        s.1 += load(row, column &+ 8)
        s.2 += load(row, column &+ 16)
        s.3 += load(row, column &+ 24)
        s.4 += load(row, column &+ 32)
        s.5 += load(row, column &+ 40)
        s.6 += load(row, column &+ 48)
        s.7 += load(row, column &+ 56)
      }
      store(s.0, column)
      store(s.1, column &+ 8)
      store(s.2, column &+ 16)
      store(s.3, column &+ 24)
      store(s.4, column &+ 32)
      store(s.5, column &+ 40)
      store(s.6, column &+ 48)
      store(s.7, column &+ 56)
      column &+= 64
    }
    while column &+ 16 <= columns {
      var (low, high) = (R(), R())
      for row in 0..<rows {
        low += load(row, column)
        high += load(row, column &+ 8)
      }
      store(low, column)
      store(high, column &+ 8)
      column &+= 16
    }
    if column &+ 8 <= columns {
      var sums = R()
      for row in 0..<rows { sums += load(row, column) }
      store(sums, column)
      column &+= 8
    }
    guard column < columns else { return }
    // Row r's register ends at r · columns + column + 8, the matrix at rows · columns.
    let beyond = column &+ 8 &- rows &* columns  // > 0: not even row 0's register fits
    let whole = beyond > 0 ? 0 : min(rows, (-beyond) / columns + 1)
    var sums = R()
    for row in 0..<whole { sums += load(row, column) }
    for lane in 0..<(columns &- column) {
      var total = sums[lane]
      for row in whole..<rows { total += x[row &* columns &+ column &+ lane] }
      out[column &+ lane] = total
    }
  }

  /// The transpose of a `rows × columns` matrix.
  @inlinable
  public static func transpose<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, rows: Int, columns: Int, into out: UnsafeMutableBufferPointer<S>
  ) {
    for row in 0..<rows {
      for column in 0..<columns { out[column * rows + row] = x[row * columns + column] }
    }
  }

  /// Log-softmax of every row of a `rows × columns` matrix, by the max-shifted log-sum-exp:
  /// `x − (m + log Σ exp(x − m))`, m the row's largest element, with the vector `exp` and
  /// `log` of the element-wise ops (so the same values as `exp` of the shifted row). The
  /// exponentials go through `out`; rows are taken 32 at a time, so that their maxima and
  /// sums fit a scratch buffer on the stack (larger temporaries are a heap allocation).
  @inlinable
  public static func logSoftmax<S: TensorScalar>(
    _ x: UnsafeBufferPointer<S>, rows: Int, columns: Int, into out: UnsafeMutableBufferPointer<S>
  ) {
    let block = 32
    withUnsafeTemporaryAllocation(of: S.self, capacity: 2 &* block) { scratch in
      for first in stride(from: 0, to: rows, by: block) {
        let count = Swift.min(block, rows &- first)
        let largest = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
        let totals = UnsafeMutableBufferPointer(rebasing: scratch[block..<block &+ count])
        let (start, length) = (first &* columns, count &* columns)
        let shifted = UnsafeMutableBufferPointer(rebasing: out[start..<start &+ length])
        for row in 0..<count {
          let base = row &* columns
          var top = -S.infinity
          for column in 0..<columns { top = Swift.max(top, x[start &+ base &+ column]) }
          for column in 0..<columns { shifted[base &+ column] = x[start &+ base &+ column] - top }
          largest[row] = top
        }
        exp(UnsafeBufferPointer(shifted), into: shifted)
        for row in 0..<count {
          var total: S = 0
          for column in 0..<columns { total += shifted[row &* columns &+ column] }
          totals[row] = total
        }
        log(UnsafeBufferPointer(totals), into: totals)
        for row in 0..<count {
          let (base, logSum) = (start &+ row &* columns, largest[row] + totals[row])
          for column in 0..<columns { out[base &+ column] = x[base &+ column] - logSum }
        }
      }
    }
  }
}
