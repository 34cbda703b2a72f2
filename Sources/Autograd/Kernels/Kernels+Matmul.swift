import Foundation

extension Kernels {
  /// The number of threads this machine runs at once: the most `matmul` can use.
  public static let availableThreads = ProcessInfo.processInfo.activeProcessorCount

  /// The threads `matmul` works on for an `m×k` by `k×n` product of `S` when it may use
  /// `threads`: a thread for every `lanes · 2^11` multiply-adds, under a microsecond of work.
  /// Handing out the parts costs about as much (a two-part `forEachPart` whose parts do
  /// nothing, as seen by the caller, on the 2-core Xeon: 0.7–0.9 µs, 1.0–1.4 µs when the
  /// closure captures operands as a product's does; a bare store and reply between its cores
  /// 0.3–0.4 µs), and splitting still measured faster (likely because each thread's rows of
  /// the result stay in its own cache for the next product, split the same way; the second
  /// thread would otherwise only spin). W4's three products with a side of 10
  /// (`[64, 128]·[128, 10]` and the two on the way back) on two threads: `fit` on W4 in
  /// float32 8,809 → 9,445 steps a second (medians of 8 interleaved runs); keeping them on one
  /// thread measured slower again on 2026-12-05 (30 alternating pairs: ×0.977 float32, ×0.994
  /// float64). Smaller products stay on the calling thread.
  @inlinable
  public static func matmulThreads<S: TensorScalar>(
    _: S.Type, m: Int, k: Int, n: Int, threads: Int
  ) -> Int {
    let lanes = 64 / MemoryLayout<S>.stride  // a 64-byte (AVX-512) register: 16 floats, 8 doubles
    return max(1, min(threads, m &* k &* n / (lanes << 11)))
  }

  /// `c[m×n] = op(a)·op(b)`, written over `c` (dense, row-major).
  ///
  /// `a` holds `[m, k]` (`.normal`) or `[k, m]` (`.transposed`, the product uses its
  /// transpose); `b` holds `[k, n]` or `[n, k]` likewise. Every element is the chain of fused
  /// multiply-adds over `k` in order, from zero:
  /// `var s: S = 0; for p in 0..<k { s = s.addingProduct(A[i, p], B[p, j]) }`, so the result is
  /// the same to the bit for every shape, layout and thread count. At most `threads` threads
  /// work, each on whole rows (or columns) of `c` (see `matmulThreads`: small products stay
  /// on the calling thread). `c` must not overlap `a` or `b`; with `k = 0` it is filled with
  /// zeros and `a`, `b` are not read. `epilogue` (see `MatmulEpilogue`) is applied to each
  /// block of `c` as it is finished, by the thread that computed it.
  @inlinable
  public static func matmul<S: TensorScalar>(
    _ a: UnsafePointer<S>, _ aLayout: MatrixLayout, _ b: UnsafePointer<S>,
    _ bLayout: MatrixLayout, into c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int,
    threads: Int, epilogue: MatmulEpilogue<S> = .none
  ) {
    precondition(m >= 0 && k >= 0 && n >= 0, "matmul of \(m)×\(k) and \(k)×\(n)")
    if S.self == Float.self {
      matmulFloat(
        rebound(a), aLayout, rebound(b), bLayout, into: rebound(c), m: m, k: k, n: n,
        threads: threads, epilogue: epilogue.rebound(to: Float.self))
    } else if S.self == Double.self {
      matmulDouble(
        rebound(a), aLayout, rebound(b), bLayout, into: rebound(c), m: m, k: k, n: n,
        threads: threads, epilogue: epilogue.rebound(to: Double.self))
    } else {
      matmulReference(a, aLayout, b, bLayout, into: c, m: m, k: k, n: n)
      finish(c, rows: m, columns: n, rowStride: n, epilogue)
    }
  }

  /// The product for `Float`, in `SIMD16<Float>` registers.
  @usableFromInline
  static func matmulFloat(
    _ a: UnsafePointer<Float>, _ aLayout: MatrixLayout, _ b: UnsafePointer<Float>,
    _ bLayout: MatrixLayout, into c: UnsafeMutablePointer<Float>, m: Int, k: Int, n: Int,
    threads: Int, epilogue: MatmulEpilogue<Float>
  ) {
    Matmul<SIMD16<Float>>.run(
      StridedMatrix(a, aLayout, rows: m, columns: k),
      StridedMatrix(b, bLayout, rows: k, columns: n),
      into: c, m: m, k: k, n: n, threads: threads, epilogue: epilogue)
  }

  /// The product for `Double`, in `SIMD8<Double>` registers.
  @usableFromInline
  static func matmulDouble(
    _ a: UnsafePointer<Double>, _ aLayout: MatrixLayout, _ b: UnsafePointer<Double>,
    _ bLayout: MatrixLayout, into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
    threads: Int, epilogue: MatmulEpilogue<Double>
  ) {
    Matmul<SIMD8<Double>>.run(
      StridedMatrix(a, aLayout, rows: m, columns: k),
      StridedMatrix(b, bLayout, rows: k, columns: n),
      into: c, m: m, k: k, n: n, threads: threads, epilogue: epilogue)
  }

  /// The product for any other scalar type: the defining loop, one thread.
  @inlinable
  static func matmulReference<S: TensorScalar>(
    _ a: UnsafePointer<S>, _ aLayout: MatrixLayout, _ b: UnsafePointer<S>,
    _ bLayout: MatrixLayout, into c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int
  ) {
    for i in 0..<m {
      for j in 0..<n {
        var s: S = 0
        for p in 0..<k {
          let x = aLayout == .normal ? a[i * k + p] : a[p * m + i]
          let y = bLayout == .normal ? b[p * n + j] : b[j * k + p]
          s = s.addingProduct(x, y)
        }
        c[i * n + j] = s
      }
    }
  }

  /// Applies `epilogue` to the `rows × columns` block of a product at `c`, rows `rowStride`
  /// apart: the bias row added to every row, then tanh of every element, then each element
  /// multiplied by `1 − y·y` of the same element of `tanhOutput`, then `rate` times the block
  /// subtracted from the same block of `descent` (the matrices' rows as far apart).
  ///
  /// A dense block (`rowStride == columns`) is walked as one run of `rows · columns`
  /// elements: a single column (a product with `n = 1`, as in logistic regression) would
  /// otherwise be a loop of one element per row.
  @inlinable
  static func finish<S: TensorScalar>(
    _ c: UnsafeMutablePointer<S>, rows: Int, columns: Int, rowStride: Int,
    _ epilogue: MatmulEpilogue<S>
  ) {
    if epilogue.isEmpty { return }
    if let bias = epilogue.bias {
      if columns == 1 {
        let value = bias[0]
        for row in 0..<rows { c[row &* rowStride] = c[row &* rowStride] + value }
      } else {
        for row in 0..<rows {
          let line = c + row &* rowStride
          for column in 0..<columns { line[column] = line[column] + bias[column] }
        }
      }
    }
    let isDense = rowStride == columns
    let lines = isDense ? 1 : rows
    let length = isDense ? rows &* columns : columns
    if epilogue.tanh {
      for line in 0..<lines {
        let start = c + line &* rowStride
        tanh(
          UnsafeBufferPointer(start: start, count: length),
          into: UnsafeMutableBufferPointer(start: start, count: length))
      }
    }
    if let tanhOutput = epilogue.tanhOutput {
      for line in 0..<lines {
        let (start, y) = (c + line &* rowStride, tanhOutput + line &* rowStride)
        for index in 0..<length { start[index] = timesTanhSlope(start[index], at: y[index]) }
      }
    }
    if let descent = epilogue.descent {
      let rate = epilogue.rate
      for line in 0..<lines {
        let (start, target) = (c + line &* rowStride, descent + line &* rowStride)
        for index in 0..<length { target[index] -= rate * start[index] }
      }
    }
  }

  /// `pointer` read as a pointer to `T`, the type the caller has just checked `S` to be.
  @inlinable
  static func rebound<S, T>(_ pointer: UnsafePointer<S>) -> UnsafePointer<T> {
    UnsafeRawPointer(pointer).assumingMemoryBound(to: T.self)
  }

  /// `pointer` read as a pointer to `T`, the type the caller has just checked `S` to be.
  @inlinable
  static func rebound<S, T>(_ pointer: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<T> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: T.self)
  }
}
