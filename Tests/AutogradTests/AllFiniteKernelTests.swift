import Autograd
import Testing

/// `Kernels.allFinite`: false as soon as one element anywhere is infinite or NaN (in the
/// registers of the four sums, the single registers after them, or the last elements),
/// true for every finite value, the largest and the subnormal ones among them.
@Suite struct AllFiniteKernelTests {
  /// Lengths that end in each part of the kernel: 4 registers of 16 at a time, then single
  /// registers, then elements one at a time.
  static let counts = [0, 1, 15, 16, 17, 63, 64, 65, 80, 81, 100, 127, 128, 200]

  static func allFinite<S: TensorScalar>(_ x: [S]) -> Bool {
    x.withUnsafeBufferPointer { Kernels.allFinite($0) }
  }

  static func check<S: TensorScalar & BinaryFloatingPoint>(_: S.Type, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let extremes: [S] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      .leastNonzeroMagnitude, -.leastNormalMagnitude, 0, -0]
    for count in counts {
      var x = (0..<count).map { _ in S.random(in: -1e6...1e6, using: &generator) }
      for (index, extreme) in extremes.enumerated() where index < count { x[index] = extreme }
      #expect(allFinite(x), "\(S.self) \(count) finite elements")
      for position in 0..<count {
        for bad: S in [.infinity, -.infinity, .nan] {
          var y = x
          y[position] = bad
          #expect(!allFinite(y), "\(S.self) \(bad) at \(position) of \(count)")
        }
      }
    }
  }

  @Test func float32() { Self.check(Float.self, seed: 41) }
  @Test func float64() { Self.check(Double.self, seed: 42) }
}
