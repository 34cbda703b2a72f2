/// Raw loops over contiguous row-major buffers: no graph, no shapes beyond their signatures.
public enum Kernels {
  /// `f` applied to every element.
  @inlinable
  public static func map<S: TensorScalar>(_ x: [S], _ f: (S) -> S) -> [S] {
    [S](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.withUnsafeBufferPointer { x in
        for i in 0..<x.count { out[i] = f(x[i]) }
      }
      initialized = x.count
    }
  }

  /// `f` applied to the pairs of elements of two buffers of equal length.
  @inlinable
  public static func zip<S: TensorScalar>(_ a: [S], _ b: [S], _ f: (S, S) -> S) -> [S] {
    precondition(a.count == b.count, "zip of \(a.count) and \(b.count) elements")
    return [S](unsafeUninitializedCapacity: a.count) { out, initialized in
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          for i in 0..<a.count { out[i] = f(a[i], b[i]) }
        }
      }
      initialized = a.count
    }
  }

  /// The sum of all elements, accumulated in order (so results never depend on threads).
  @inlinable
  public static func sum<S: TensorScalar>(_ x: [S]) -> S {
    x.withUnsafeBufferPointer { x in
      var total: S = 0
      for value in x { total += value }
      return total
    }
  }

  /// Column sums of a `rows × columns` matrix: `[columns]`.
  @inlinable
  public static func sumRows<S: TensorScalar>(_ x: [S], rows: Int, columns: Int) -> [S] {
    var out = [S](repeating: 0, count: columns)
    x.withUnsafeBufferPointer { x in
      out.withUnsafeMutableBufferPointer { out in
        for row in 0..<rows {
          let base = row * columns
          for column in 0..<columns { out[column] += x[base + column] }
        }
      }
    }
    return out
  }

  /// Row sums of a `rows × columns` matrix: `[rows]`.
  @inlinable
  public static func sumColumns<S: TensorScalar>(_ x: [S], rows: Int, columns: Int) -> [S] {
    [S](unsafeUninitializedCapacity: rows) { out, initialized in
      x.withUnsafeBufferPointer { x in
        for row in 0..<rows {
          var total: S = 0
          for column in 0..<columns { total += x[row * columns + column] }
          out[row] = total
        }
      }
      initialized = rows
    }
  }

  /// A `rows × columns` matrix whose every row is `row` (`[columns]`).
  @inlinable
  public static func repeatRow<S: TensorScalar>(_ row: [S], rows: Int) -> [S] {
    var out: [S] = []
    out.reserveCapacity(rows * row.count)
    for _ in 0..<rows { out.append(contentsOf: row) }
    return out
  }

  /// A `rows × columns` matrix whose every column is `column` (`[rows]`).
  @inlinable
  public static func repeatColumn<S: TensorScalar>(_ column: [S], columns: Int) -> [S] {
    [S](unsafeUninitializedCapacity: column.count * columns) { out, initialized in
      for row in 0..<column.count {
        for index in 0..<columns { out[row * columns + index] = column[row] }
      }
      initialized = column.count * columns
    }
  }

  /// The transpose of a `rows × columns` matrix.
  @inlinable
  public static func transpose<S: TensorScalar>(_ x: [S], rows: Int, columns: Int) -> [S] {
    [S](unsafeUninitializedCapacity: rows * columns) { out, initialized in
      x.withUnsafeBufferPointer { x in
        for row in 0..<rows {
          for column in 0..<columns { out[column * rows + row] = x[row * columns + column] }
        }
      }
      initialized = rows * columns
    }
  }

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

  /// `y += alpha · x` over `count` elements, in SIMD chunks of eight.
  @inlinable
  static func axpy<S: TensorScalar>(
    _ alpha: S, _ x: UnsafePointer<S>, into y: UnsafeMutablePointer<S>, count: Int
  ) {
    var j = 0
    let splat = SIMD8<S>(repeating: alpha)
    while j + 8 <= count {
      let xs = UnsafeRawPointer(x + j).loadUnaligned(as: SIMD8<S>.self)
      let ys = UnsafeRawPointer(y + j).loadUnaligned(as: SIMD8<S>.self)
      UnsafeMutableRawPointer(y + j).storeBytes(of: ys + splat * xs, as: SIMD8<S>.self)
      j += 8
    }
    while j < count {
      y[j] += alpha * x[j]
      j += 1
    }
  }

  /// Log-softmax of every row of a `rows × columns` matrix, by the max-shifted log-sum-exp.
  @inlinable
  public static func logSoftmaxRows<S: TensorScalar>(_ x: [S], rows: Int, columns: Int) -> [S] {
    [S](unsafeUninitializedCapacity: rows * columns) { out, initialized in
      x.withUnsafeBufferPointer { x in
        for row in 0..<rows {
          let base = row * columns
          var largest = -S.infinity
          for column in 0..<columns { largest = Swift.max(largest, x[base + column]) }
          var total: S = 0
          for column in 0..<columns { total += S.exp(x[base + column] - largest) }
          let logSum = largest + S.log(total)
          for column in 0..<columns { out[base + column] = x[base + column] - logSum }
        }
      }
      initialized = rows * columns
    }
  }
}
