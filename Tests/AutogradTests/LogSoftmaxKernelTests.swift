import Autograd
import Testing

/// `Kernels.logSoftmax`: every element bit for bit the defining formula, a row at a time —
/// the largest element by `Swift.max` from −∞ in column order, the sum of the exponentials in
/// column order, the element-wise `exp` and `log` — for rows of many widths, in batches of
/// many heights (the kernel takes 32 rows at a time), and with infinities and NaN in some
/// rows.
@Suite struct LogSoftmaxKernelTests {
  static func reference<S: TensorScalar>(_ x: [S], rows: Int, columns: Int) -> [S] {
    func apply(_ f: (UnsafeBufferPointer<S>, UnsafeMutableBufferPointer<S>) -> Void, _ v: S) -> S {
      var result: [S] = [0]
      [v].withUnsafeBufferPointer { v in result.withUnsafeMutableBufferPointer { f(v, $0) } }
      return result[0]
    }
    var out = x
    for row in 0..<rows {
      let values = x[row * columns..<(row + 1) * columns]
      var top = -S.infinity
      for value in values { top = Swift.max(top, value) }
      var total: S = 0
      for value in values { total += apply(Kernels.exp, value - top) }
      let shift = top + apply(Kernels.log, total)
      for column in 0..<columns {
        out[row * columns + column] = values[row * columns + column] - shift
      }
    }
    return out
  }

  static func check<S: TensorScalar & BinaryFloatingPoint>(
    _: S.Type, seed: UInt64, bits: (S) -> UInt64
  ) where S.RawSignificand: FixedWidthInteger {
    var generator = SeededGenerator(seed: seed)
    for rows in [1, 3, 7, 8, 9, 16, 31, 32, 33, 64, 65] {
      for columns in [1, 2, 5, 10, 15, 16, 17, 31, 32, 40] {
        var x = (0..<rows * columns).map { _ in S.random(in: -30...30, using: &generator) }
        if rows > 2 && columns > 1 {  // an infinity, a NaN and −∞ in rows of their own
          x[columns + 1] = .infinity
          x[2 * columns] = .nan
          x[columns * (rows - 1)] = -.infinity
        }
        var out = [S](repeating: 0, count: rows * columns)
        x.withUnsafeBufferPointer { x in
          out.withUnsafeMutableBufferPointer {
            Kernels.logSoftmax(x, rows: rows, columns: columns, into: $0)
          }
        }
        let expected = reference(x, rows: rows, columns: columns)
        // NaN lanes compared as NaN: their payload is not part of the result.
        let same = zip(out, expected).allSatisfy { $0.isNaN ? $1.isNaN : bits($0) == bits($1) }
        #expect(same, "\(S.self) \(rows) × \(columns)")
      }
    }
  }

  @Test func float32() { Self.check(Float.self, seed: 51) { UInt64($0.bitPattern) } }
  @Test func float64() { Self.check(Double.self, seed: 52) { $0.bitPattern } }
}
