extension Matmul {
  /// The `lanes × lanes` block at `source` (rows `sourceStride` apart) written transposed at
  /// `target` (rows `targetStride` apart), in registers: how a transposed `b` is packed, and how
  /// `columnProduct` reads a row-major `a`.
  @inline(__always)
  static func transposeBlock(
    _ source: UnsafePointer<S>, _ sourceStride: Int, _ target: UnsafeMutablePointer<S>,
    _ targetStride: Int
  ) {
    if V.self == SIMD16<Float>.self {
      transpose16(
        UnsafeRawPointer(source).assumingMemoryBound(to: Float.self), sourceStride,
        UnsafeMutableRawPointer(target).assumingMemoryBound(to: Float.self), targetStride)
    } else if V.self == SIMD8<Double>.self {
      transpose8(
        UnsafeRawPointer(source).assumingMemoryBound(to: Double.self), sourceStride,
        UnsafeMutableRawPointer(target).assumingMemoryBound(to: Double.self), targetStride)
    } else {
      for i in 0..<lanes {
        for j in 0..<lanes { target[j * targetStride + i] = source[i * sourceStride + j] }
      }
    }
  }

  /// `transposeBlock` for `Float`: 16 registers, 4 rounds of (even, odd) unshuffles,
  /// each moving one bit of the element index from row to column.
  @inline(__always)
  static func transpose16(
    _ source: UnsafePointer<Float>, _ sourceStride: Int, _ target: UnsafeMutablePointer<Float>,
    _ targetStride: Int
  ) {
    typealias R = SIMD16<Float>
    func row(_ i: Int) -> R {
      UnsafeRawPointer(source + i * sourceStride).loadUnaligned(as: R.self)
    }
    var r = (row(0), row(1), row(2), row(3), row(4), row(5), row(6), row(7), row(8), row(9),
      row(10), row(11), row(12), row(13), row(14), row(15))
    for _ in 0..<4 {
      r = (
        R(lowHalf: r.0.evenHalf, highHalf: r.1.evenHalf),
        R(lowHalf: r.2.evenHalf, highHalf: r.3.evenHalf),
        R(lowHalf: r.4.evenHalf, highHalf: r.5.evenHalf),
        R(lowHalf: r.6.evenHalf, highHalf: r.7.evenHalf),
        R(lowHalf: r.8.evenHalf, highHalf: r.9.evenHalf),
        R(lowHalf: r.10.evenHalf, highHalf: r.11.evenHalf),
        R(lowHalf: r.12.evenHalf, highHalf: r.13.evenHalf),
        R(lowHalf: r.14.evenHalf, highHalf: r.15.evenHalf),
        R(lowHalf: r.0.oddHalf, highHalf: r.1.oddHalf),
        R(lowHalf: r.2.oddHalf, highHalf: r.3.oddHalf),
        R(lowHalf: r.4.oddHalf, highHalf: r.5.oddHalf),
        R(lowHalf: r.6.oddHalf, highHalf: r.7.oddHalf),
        R(lowHalf: r.8.oddHalf, highHalf: r.9.oddHalf),
        R(lowHalf: r.10.oddHalf, highHalf: r.11.oddHalf),
        R(lowHalf: r.12.oddHalf, highHalf: r.13.oddHalf),
        R(lowHalf: r.14.oddHalf, highHalf: r.15.oddHalf))
    }
    func store(_ v: R, _ i: Int) {
      UnsafeMutableRawPointer(target + i * targetStride).storeBytes(of: v, as: R.self)
    }
    store(r.0, 0)
    store(r.1, 1)
    store(r.2, 2)
    store(r.3, 3)
    store(r.4, 4)
    store(r.5, 5)
    store(r.6, 6)
    store(r.7, 7)
    store(r.8, 8)
    store(r.9, 9)
    store(r.10, 10)
    store(r.11, 11)
    store(r.12, 12)
    store(r.13, 13)
    store(r.14, 14)
    store(r.15, 15)
  }

  /// `transposeBlock` for `Double`: 8 registers, 3 rounds of (even, odd) unshuffles,
  /// each moving one bit of the element index from row to column.
  @inline(__always)
  static func transpose8(
    _ source: UnsafePointer<Double>, _ sourceStride: Int, _ target: UnsafeMutablePointer<Double>,
    _ targetStride: Int
  ) {
    typealias R = SIMD8<Double>
    func row(_ i: Int) -> R {
      UnsafeRawPointer(source + i * sourceStride).loadUnaligned(as: R.self)
    }
    var r = (row(0), row(1), row(2), row(3), row(4), row(5), row(6), row(7))
    for _ in 0..<3 {
      r = (
        R(lowHalf: r.0.evenHalf, highHalf: r.1.evenHalf),
        R(lowHalf: r.2.evenHalf, highHalf: r.3.evenHalf),
        R(lowHalf: r.4.evenHalf, highHalf: r.5.evenHalf),
        R(lowHalf: r.6.evenHalf, highHalf: r.7.evenHalf),
        R(lowHalf: r.0.oddHalf, highHalf: r.1.oddHalf),
        R(lowHalf: r.2.oddHalf, highHalf: r.3.oddHalf),
        R(lowHalf: r.4.oddHalf, highHalf: r.5.oddHalf),
        R(lowHalf: r.6.oddHalf, highHalf: r.7.oddHalf))
    }
    func store(_ v: R, _ i: Int) {
      UnsafeMutableRawPointer(target + i * targetStride).storeBytes(of: v, as: R.self)
    }
    store(r.0, 0)
    store(r.1, 1)
    store(r.2, 2)
    store(r.3, 3)
    store(r.4, 4)
    store(r.5, 5)
    store(r.6, 6)
    store(r.7, 7)
  }
}
