import Autograd
import Testing

/// `Kernels.copy` and `Kernels.copyRows`: exactly `count` elements (or the rows asked for, in
/// their order) copied, in each of their paths (one at a time, registers of 4, 8 or 16 with a
/// last one that ends at the last element, `memmove`), and nothing written around them.
@Suite struct CopyKernelTests {
  static let counts = [
    0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 30, 31, 32, 33, 47, 48, 49, 64, 100, 255, 256, 257,
    2000,
  ]

  static func check<S: TensorScalar & BinaryFloatingPoint>(_: S.Type) {
    let margin = 20
    for count in counts {
      let source = (0...count).map { S($0) + 1 }  // one more: never an empty array
      var target = [S](repeating: -1, count: count + 2 * margin)
      source.withUnsafeBufferPointer { source in
        target.withUnsafeMutableBufferPointer { target in
          Kernels.copy(source.baseAddress!, to: target.baseAddress! + margin, count: count)
        }
      }
      let copied = target[margin..<margin + count].elementsEqual(source.prefix(count))
      #expect(copied, "\(S.self) \(count)")
      let untouched = target[..<margin].allSatisfy { $0 == -1 }
        && target[(margin + count)...].allSatisfy { $0 == -1 }
      #expect(untouched, "\(S.self) \(count): written outside the copy")
    }
  }

  /// Rows 3, 0, 4, 0 and 2 of a 5-row source of every width in `counts`, into a target with a
  /// margin each side.
  static func checkRows<S: TensorScalar & BinaryFloatingPoint>(_: S.Type) {
    let (margin, rows) = (20, [3, 0, 4, 0, 2])
    for width in counts {
      let source = (0..<5 * width + 1).map { S($0) + 1 }  // one more: never an empty array
      var target = [S](repeating: -1, count: rows.count * width + 2 * margin)
      source.withUnsafeBufferPointer { source in
        target.withUnsafeMutableBufferPointer { target in
          rows.withUnsafeBufferPointer { rows in
            Kernels.copyRows(
              rows, of: source.baseAddress!, width: width, into: target.baseAddress! + margin)
          }
        }
      }
      let expected = rows.flatMap { source[$0 * width..<($0 + 1) * width] }
      let copied = target[margin..<margin + expected.count].elementsEqual(expected)
      #expect(copied, "\(S.self) \(width)")
      let untouched = target[..<margin].allSatisfy { $0 == -1 }
        && target[(margin + expected.count)...].allSatisfy { $0 == -1 }
      #expect(untouched, "\(S.self) \(width): written outside the rows")
    }
  }

  @Test func float32() { Self.check(Float.self) }
  @Test func float64() { Self.check(Double.self) }
  @Test func rowsFloat32() { Self.checkRows(Float.self) }
  @Test func rowsFloat64() { Self.checkRows(Double.self) }
}
