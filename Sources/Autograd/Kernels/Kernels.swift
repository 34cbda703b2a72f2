/// Loops over contiguous row-major buffers: no graph, no shapes beyond their signatures.
/// The op kernels live in `BufferKernels.swift`, `Kernels+VectorMath.swift` and
/// `Kernels+Matmul.swift`; this file keeps the array-level matrix product.
public enum Kernels {
  /// The matrix product of `a` (`m × k`) and `b` (`k × n`): `m × n`.
  ///
  /// The pointer-level `matmul(_:_:_:_:into:m:k:n:threads:)` on up to `availableThreads`
  /// threads: every output element is the chain of fused multiply-adds over `k` in order.
  @inlinable
  public static func matmul<S: TensorScalar>(_ a: [S], _ b: [S], m: Int, k: Int, n: Int) -> [S] {
    precondition(
      a.count == m * k && b.count == k * n,
      "matmul of \(a.count) and \(b.count) elements as \(m)×\(k) and \(k)×\(n)")
    return [S](unsafeUninitializedCapacity: m * n) { out, initialized in
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          if let a = a.baseAddress, let b = b.baseAddress, let out = out.baseAddress {
            matmul(a, .normal, b, .normal, into: out, m: m, k: k, n: n, threads: availableThreads)
          } else if let out = out.baseAddress {
            out.initialize(repeating: 0, count: m * n)  // k = 0: empty sums
          }
        }
      }
      initialized = m * n
    }
  }
}
