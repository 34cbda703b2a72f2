import Autograd
import Testing

/// `Kernels.sum` down to a row (a bias gradient): every column's sum is the chain of
/// additions over the rows in order, whichever registers hold it.
@Suite struct SumRowsKernelTests {
  /// Column sums of a `rows × columns` matrix, one column at a time, by the defining loop.
  static func reference<S: TensorScalar>(_ x: [S], rows: Int, columns: Int) -> [S] {
    (0..<columns).map { column in
      var total: S = 0
      for row in 0..<rows { total += x[row * columns + column] }
      return total
    }
  }

  /// Random matrices of many shapes, summed down to a row, against `reference`, bit for bit.
  static func check<S: TensorScalar & BinaryFloatingPoint>(
    _: S.Type, seed: UInt64, bits: (S) -> UInt64
  ) where S.RawSignificand: FixedWidthInteger {
    var generator = SeededGenerator(seed: seed)  // a failure shows again on the next run
    for rows in [1, 2, 3, 7, 64, 65] {
      for columns in [1, 2, 7, 8, 9, 10, 15, 16, 17, 63, 64, 65, 72, 127, 128, 130] {
        // Values of many magnitudes, so that a different order of additions would show.
        let x = (0..<rows * columns).map { _ in
          let scale = S(1 << Int.random(in: 0...20, using: &generator))
          return S.random(in: -1...1, using: &generator) * scale
        }
        var out = [S](repeating: .nan, count: columns)
        x.withUnsafeBufferPointer { x in
          out.withUnsafeMutableBufferPointer { out in
            Kernels.sum(x, .matrix(rows, columns), into: out, .vector(columns))
          }
        }
        let expected = reference(x, rows: rows, columns: columns)
        #expect(out.map(bits) == expected.map(bits), "\(S.self) \(rows) × \(columns)")
      }
    }
  }

  @Test func float32SumsEqualTheDefiningLoop() {
    Self.check(Float.self, seed: 31) { UInt64($0.bitPattern) }
  }
  @Test func float64SumsEqualTheDefiningLoop() { Self.check(Double.self, seed: 32) { $0.bitPattern } }
}
