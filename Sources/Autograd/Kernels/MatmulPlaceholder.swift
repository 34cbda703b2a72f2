extension Kernels {
  /// c[m×n] = op(a) · op(b): `a` is stored `[m, k]`, or `[k, m]` when transposed; `b` is
  /// stored `[k, n]`, or `[n, k]` when transposed. Every element sums its `k` products in
  /// order, one multiply and one add each.
  @inlinable
  public static func matmul<S: TensorScalar>(
    _ a: UnsafePointer<S>, _ aLayout: MatrixLayout, _ b: UnsafePointer<S>,
    _ bLayout: MatrixLayout, into c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int,
    threads: Int
  ) {
    for i in 0..<m {
      for j in 0..<n { c[i * n + j] = 0 }
      for p in 0..<k {
        let alpha = aLayout == .normal ? a[i * k + p] : a[p * m + i]
        if bLayout == .normal {
          axpy(alpha, b + p * n, into: c + i * n, count: n)
        } else {
          for j in 0..<n { c[i * n + j] += alpha * b[j * k + p] }
        }
      }
    }
  }
}

extension Kernels {
  /// The threads a large kernel may use: the machine's active processors.
  public static let availableThreads = 1
}
