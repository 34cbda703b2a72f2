extension Matmul {
  /// `c = a·b` for a single column `b` (`n = 1`): dot products, four rows at a time so that
  /// four independent chains of multiply-adds overlap in the FMA units.
  static func columnProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int
  ) {
    var i = 0
    while i + 4 <= m {
      var s0: S = 0, s1: S = 0, s2: S = 0, s3: S = 0
      for p in 0..<k {
        let x = b[p, 0]
        s0 = s0.addingProduct(a[i, p], x)
        s1 = s1.addingProduct(a[i + 1, p], x)
        s2 = s2.addingProduct(a[i + 2, p], x)
        s3 = s3.addingProduct(a[i + 3, p], x)
      }
      c[i * cStride] = s0
      c[(i + 1) * cStride] = s1
      c[(i + 2) * cStride] = s2
      c[(i + 3) * cStride] = s3
      i += 4
    }
    while i < m {
      var s: S = 0
      for p in 0..<k { s = s.addingProduct(a[i, p], b[p, 0]) }
      c[i * cStride] = s
      i += 1
    }
  }

  /// `c = a·b` for small products: each row of `c`, one register of columns at a time,
  /// accumulated over `k` in a register. No packing, no allocation.
  static func rowProduct(
    _ a: StridedMatrix<S>, _ b: StridedMatrix<S>, into c: UnsafeMutablePointer<S>,
    cStride: Int, m: Int, k: Int, n: Int
  ) {
    for i in 0..<m {
      var j = 0
      while j < n {
        let width = min(lanes, n - j)
        var sum = V()
        if b.columnStride == 1 && width == lanes {
          for p in 0..<k {
            sum = sum.addingProduct(V(repeating: a[i, p]), load(b.base + p * b.rowStride + j))
          }
        } else {
          for p in 0..<k {
            var column = V()
            for lane in 0..<width { column[lane] = b[p, j + lane] }
            sum = sum.addingProduct(V(repeating: a[i, p]), column)
          }
        }
        store(sum, c + i * cStride + j, count: width)
        j += lanes
      }
    }
  }

  /// The register at `p` (unaligned).
  @inline(__always)
  static func load(_ p: UnsafePointer<S>) -> V {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
  }

  /// The first `count` elements at `p` in a register, zeros after them.
  @inline(__always)
  static func load(_ p: UnsafePointer<S>, count: Int) -> V {
    if count == lanes { return load(p) }
    var v = V()
    for lane in 0..<count { v[lane] = p[lane] }
    return v
  }

  /// The first `count` elements of `v` stored at `p` (unaligned).
  @inline(__always)
  static func store(_ v: V, _ p: UnsafeMutablePointer<S>, count: Int) {
    if count == lanes {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    } else {
      for lane in 0..<count { p[lane] = v[lane] }
    }
  }
}
