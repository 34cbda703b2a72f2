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
    let lanes = perCacheLine(S.self)  // a 64-byte (AVX-512) register: 16 floats, 8 doubles
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
          updateEach(c + row &* rowStride, .plus, bias, count: columns)
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
        updateEach(start, .timesTanhSlope, y, count: length)
      }
    }
    if let descent = epilogue.descent {
      for line in 0..<lines {
        let (start, target) = (c + line &* rowStride, descent + line &* rowStride)
        updateEach(target, .minusTimes(epilogue.rate), start, count: length)
      }
    }
  }

  /// How `updateEach` changes an element `t` of a product by the same element `o` of another
  /// matrix: `t + o` (a bias), `t · (1 − o·o)` (`timesTanhSlope`), `t − rate · o` (a descent
  /// step on `t`).
  @usableFromInline
  enum ElementUpdate<S: TensorScalar> {
    case plus, timesTanhSlope, minusTimes(S)

    @inlinable @inline(__always)
    func callAsFunction(_ t: SIMD16<S>, _ o: SIMD16<S>) -> SIMD16<S> {
      switch self {
      case .plus: t + o
      case .timesTanhSlope: Kernels.timesTanhSlope(t, at: o)
      case .minusTimes(let rate): t - rate * o
      }
    }

    /// The same operations on one element.
    @inlinable @inline(__always)
    func callAsFunction(_ t: S, _ o: S) -> S {
      switch self {
      case .plus: t + o
      case .timesTanhSlope: Kernels.timesTanhSlope(t, at: o)
      case .minusTimes(let rate): t - rate * o
      }
    }
  }

  /// `target[i] = update(target[i], other[i])` for every `i < count`, sixteen elements a step
  /// (a 64-byte register of floats, two of doubles), where the compiler's own vectorisation
  /// of the element loop takes 32-byte registers; the last elements one at a time. Every
  /// element gets the same operations either way, so the same bits. `fit` on W3 (products of
  /// 16 columns, whose epilogues were 9 % of its samples), against the element loops in the
  /// same process (blocks of 50 steps alternating): 1.03–1.06× the steps a second in 12 of 12
  /// runs, float32 and float64; W4 (64 KB blocks, bound by the cache) level, 0.98–1.02×.
  @inlinable @inline(__always)
  static func updateEach<S: TensorScalar>(
    _ target: UnsafeMutablePointer<S>, _ update: ElementUpdate<S>, _ other: UnsafePointer<S>,
    count: Int
  ) {
    typealias V = SIMD16<S>
    var i = 0
    while i &+ V.scalarCount <= count {
      let t = UnsafeRawPointer(target + i).loadUnaligned(as: V.self)
      let o = UnsafeRawPointer(other + i).loadUnaligned(as: V.self)
      UnsafeMutableRawPointer(target + i).storeBytes(of: update(t, o), as: V.self)
      i &+= V.scalarCount
    }
    while i < count {
      target[i] = update(target[i], other[i])
      i &+= 1
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
