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
}
