/// Elementary functions on sixteen floats at a time (one AVX-512 register), computed in
/// `Float` throughout, for the buffer kernels in `Kernels+VectorMath.swift`.
///
/// The same algorithms as `VectorMath64`, with shorter polynomials (near-minimax fits for
/// single precision) and float constants.
@usableFromInline
internal enum VectorMath32 {
  typealias V = SIMD16<Float>
  typealias Bits = SIMD16<Int32>

  // Buffer entry points, called by `Kernels.tanh` & co. Compiled here, once, with the vector
  // function inlined into the loop whether or not the caller is specialised.

  @usableFromInline
  static func tanh(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { tanh($0) }
  }

  @usableFromInline
  static func exp(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { exp($0) }
  }

  @usableFromInline
  static func sigmoid(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { sigmoid($0) }
  }

  @usableFromInline
  static func softplus(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { softplus($0) }
  }

  @usableFromInline
  static func log(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { log($0) }
  }

  // Cody–Waite split of ln 2: `n · ln2High` is exact for |n| < 2^12.
  static var ln2High: Float { 0x1.62ep-1 }
  static var ln2Low: Float { 0x1.0bfbe8p-15 }
  static var log2e: Float { 0x1.715476p0 }
  /// 1.5 · 2^23: adding it rounds a float of magnitude < 2^22 to an integer, which then sits
  /// in the low bits of the sum's significand.
  static var shifter: Float { 0x1.8p23 }

  @inline(__always)
  static func bits(_ v: V) -> Bits { unsafeBitCast(v, to: Bits.self) }

  @inline(__always)
  static func float(_ b: Bits) -> V { unsafeBitCast(b, to: V.self) }

  @inline(__always)
  static func splat(_ c: Float) -> V { V(repeating: c) }

  /// `x` limited to [lower, upper] by two compares (the standard library's `clamped`
  /// goes lane by lane); NaN lanes stay NaN.
  @inline(__always)
  static func clamp(_ x: V, _ lower: Float, _ upper: Float) -> V {
    x.replacing(with: lower, where: x .< lower).replacing(with: upper, where: x .> upper)
  }

  /// `p · z + c`: one Horner step, a fused multiply-add.
  @inline(__always)
  static func step(_ p: V, _ z: V, _ c: Float) -> V { splat(c).addingProduct(p, z) }

  /// x = n·ln2 + r with n an integer and |r| ≤ ln2/2; returns (e^r − 1, n as integer bits).
  @inline(__always)
  static func reduceExpm1(_ x: V) -> (pm1: V, n: Bits) {
    let shifted = splat(shifter).addingProduct(x, splat(log2e))
    let n = shifted - splat(shifter)
    let r = x.addingProduct(n, splat(-ln2High)).addingProduct(n, splat(-ln2Low))
    var q = splat(0x1.a124e4p-13)  // e^r = 1 + r + r²·q(r)
    q = step(q, r, 0x1.6d4316p-10)
    q = step(q, r, 0x1.1110e0p-7)
    q = step(q, r, 0x1.5554eap-5)
    q = step(q, r, 0x1.555556p-3)
    q = step(q, r, 0x1.000000p-1)
    return (r.addingProduct(r * r, q), bits(shifted) &- bits(splat(shifter)))
  }

  /// x = n·ln2 + r as in `reduceExpm1`; returns (e^r, n as integer bits).
  @inline(__always)
  static func reduceExp(_ x: V) -> (p: V, n: Bits) {
    let (pm1, n) = reduceExpm1(x)
    return (splat(1) + pm1, n)
  }

  /// e^x for every float: overflow to +inf, gradual underflow to subnormals and 0, NaN kept.
  @inline(__always)
  static func exp(_ x: V) -> V {
    // NaN needs no special case: the clamp's compares are false for NaN, so it flows through.
    let clamped = clamp(x, -110, 90)
    let (p, n) = reduceExp(clamped)
    // 2^n split in two normal factors so that both overflow and subnormal results round once.
    let half = n &>> 1
    return p * float((half &+ 127) &<< 23) * float((n &- half &+ 127) &<< 23)
  }

  /// The sign bit of every lane.
  @inline(__always)
  static func signBits(_ x: V) -> Bits { bits(x) & Bits(repeating: Int32.min) }

  /// tanh x = e/(e + 2) for |x| = a, with e = e^{2a} − 1 = 2^n·(e^r − 1) + (2^n − 1), as in
  /// `VectorMath64.tanh`; x's sign restored (so tanh(−0) = −0). From a ≈ 9.1 on, the result
  /// is ±1 exactly.
  @inline(__always)
  static func tanh(_ x: V) -> V {
    let sign = signBits(x)
    let a = float(bits(x) ^ sign)
    let (pm1, n) = reduceExpm1(2 * a.replacing(with: 10, where: a .> 10))
    let scale = float((n &+ 127) &<< 23)
    let e = (scale - 1).addingProduct(scale, pm1)
    let t = (e / (e + 2)).replacing(with: a, where: a .< 0x1p-13)  // tanh a rounds to a there
    return float(bits(t) | sign)  // a NaN x stays NaN through every step
  }

  /// |x|, by clearing the sign bit.
  @inline(__always)
  static func abs(_ x: V) -> V { float(bits(x) & ~Bits(repeating: Int32.min)) }

  /// The logistic sigmoid: 1/(1 + e^−|x|) for x ≥ 0, e^−|x|/(1 + e^−|x|) below, so e^−|x|
  /// never overflows; one rounding in the division, as in the scalar stable form.
  @inline(__always)
  static func sigmoid(_ x: V) -> V {
    let e = exp(-abs(x))
    return splat(1).replacing(with: e, where: x .< 0) / (e + 1)
  }

  /// softplus x = max(x, 0) + log1p(e^−|x|).
  @inline(__always)
  static func softplus(_ x: V) -> V {
    let e = exp(-abs(x))
    return x.replacing(with: 0, where: x .< 0) + log1pUnit(e)
  }

  /// log(1 + e) for e in [0, 1] (NaN kept): u = 1 + e rounded, then log u corrected by
  /// (e − (u − 1))/u, the rounding error of u over u. log1p e = e exactly for tiny e.
  @inline(__always)
  static func log1pUnit(_ e: V) -> V {
    let u = e + 1
    let correction = (e - (u - 1)) / u
    let high = u .> 0x1.6a09e6p0
    let m = u.replacing(with: u * 0.5, where: high)
    let k = splat(0).replacing(with: 1, where: high)
    return logReduced(m - 1, k, correction)
  }

  /// Natural logarithm: x = 2^k · m with m in [√½, √2), log x = k·ln2 + log(1 + (m − 1)).
  /// −inf at ±0, NaN below 0 and for NaN, +inf at +inf; subnormals are scaled up first.
  @inline(__always)
  static func log(_ x: V) -> V {
    let subnormal = x .< 0x1p-126
    let scaled = x.replacing(with: x * 0x1p23, where: subnormal)
    let b = bits(scaled)
    var k = (b &>> 23) &- 127
    var m = float((b & Bits(repeating: 0x007f_ffff)) | bits(splat(1)))
    let high = m .> 0x1.6a09e6p0
    m = m.replacing(with: m * 0.5, where: high)
    k = k &+ Bits(repeating: 0).replacing(with: 1, where: high)
    k = k &- Bits(repeating: 0).replacing(with: 23, where: subnormal)
    let kFloat = float(k &+ bits(splat(shifter))) - splat(shifter)  // exact: |k| < 2^11
    let y = logReduced(m - 1, kFloat, splat(0))
    return y.replacing(with: -.infinity, where: x .== 0)
      .replacing(with: .nan, where: x .< 0)
      .replacing(with: x, where: (x .== .infinity) .| (x .!= x))
  }

  /// k·ln2 + log(1 + f) + c for f in [√½ − 1, √2 − 1] and a small correction c, in the
  /// order of fdlibm's `log`: s = f/(2 + f), log(1 + f) = 2·atanh s = f − f²/2 + s·(f²/2 + R).
  @inline(__always)
  static func logReduced(_ f: V, _ k: V, _ c: V) -> V {
    let s = f / (f + 2)
    let z = s * s
    var r = splat(0x1.ddced8p-3)  // log(1 + f) = f − f²/2 + s·(f²/2 + z·r(z))
    r = step(r, z, 0x1.245c44p-2)
    r = step(r, z, 0x1.9999ecp-2)
    r = step(r, z, 0x1.555556p-1)
    let halfSquare = splat(0.5) * f * f
    let tail = s * halfSquare.addingProduct(z, r)
    let low = c.addingProduct(k, splat(ln2Low))
    return k * splat(ln2High) - ((halfSquare - (tail + low)) - f)
  }
}
