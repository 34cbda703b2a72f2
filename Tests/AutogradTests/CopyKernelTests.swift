import Autograd
import Testing

/// `Kernels.copy`: exactly `count` elements copied, in each of its paths (one at a time,
/// registers with a last one that ends at the last element, `memmove`), and nothing written
/// before or after them.
@Suite struct CopyKernelTests {
  static let counts = [0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49, 64, 100, 255, 256, 257, 2000]

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

  @Test func float32() { Self.check(Float.self) }
  @Test func float64() { Self.check(Double.self) }
}
