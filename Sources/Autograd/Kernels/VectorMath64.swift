/// Elementary functions on eight doubles at a time (one AVX-512 register), for the buffer
/// kernels in `Kernels+VectorMath.swift`.
///
/// Every lane is computed by the same branch-free sequence of operations, so a value's
/// result never depends on its neighbours. Polynomials are near-minimax fits (Chebyshev
/// interpolation in 60-digit arithmetic) evaluated by Horner's rule with fused multiply-adds.
/// Errors against glibc, measured by the `…KernelTests`, are at most 2 ulp (3 for tanh,
/// whose one division is cheaper than a second, more accurate formula on small arguments).
@usableFromInline
internal enum VectorMath64 {
  typealias V = SIMD8<Double>
  typealias Bits = SIMD8<Int64>

  // Buffer entry points, called by `Kernels.tanh` & co. Compiled here, once, with the vector
  // function inlined into the loop whether or not the caller is specialised.

  @usableFromInline
  static func tanh(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { tanh($0) }
  }

  @usableFromInline
  static func exp(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { exp($0) }
  }

  @usableFromInline
  static func sigmoid(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { sigmoid($0) }
  }

  @usableFromInline
  static func softplus(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { softplus($0) }
  }

  @usableFromInline
  static func log(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int
  ) {
    Kernels.chunked(x, into: y, count: count) { log($0) }
  }

  // Cody–Waite split of ln 2: `n · ln2High` is exact for |n| < 2^11.
  static var ln2High: Double { 0x1.62e42feep-1 }
  static var ln2Low: Double { 0x1.a39ef35793c76p-33 }
  static var log2e: Double { 0x1.71547652b82fep0 }
  /// 1.5 · 2^52: adding it rounds a double of magnitude < 2^51 to an integer, which then sits
  /// in the low bits of the sum's significand.
  static var shifter: Double { 0x1.8p52 }

  @inline(__always)
  static func bits(_ v: V) -> Bits { unsafeBitCast(v, to: Bits.self) }

  @inline(__always)
  static func double(_ b: Bits) -> V { unsafeBitCast(b, to: V.self) }

  @inline(__always)
  static func splat(_ c: Double) -> V { V(repeating: c) }

  /// `x` limited to [lower, upper] by two compares (the standard library's `clamped`
  /// goes lane by lane); NaN lanes stay NaN.
  @inline(__always)
  static func clamp(_ x: V, _ lower: Double, _ upper: Double) -> V {
    x.replacing(with: lower, where: x .< lower).replacing(with: upper, where: x .> upper)
  }

  /// `p · z + c`: one Horner step, a fused multiply-add.
  @inline(__always)
  static func step(_ p: V, _ z: V, _ c: Double) -> V { splat(c).addingProduct(p, z) }

  /// e^r − 1 − r for |r| ≤ ln2/2, as r² · q(r).
  @inline(__always)
  static func expm1Tail(_ r: V) -> V {
    var q = splat(0x1.1f72fc730b4ffp-29)
    q = step(q, r, 0x1.af4ddd84882fep-26)
    q = step(q, r, 0x1.27e4db67b4303p-22)
    q = step(q, r, 0x1.71de02375656cp-19)
    q = step(q, r, 0x1.a01a01a6d7808p-16)
    q = step(q, r, 0x1.a01a01abe62ddp-13)
    q = step(q, r, 0x1.6c16c16c162d6p-10)
    q = step(q, r, 0x1.11111111100dfp-7)
    q = step(q, r, 0x1.5555555555556p-5)
    q = step(q, r, 0x1.5555555555557p-3)
    q = step(q, r, 0x1.0000000000000p-1)
    return (r * r) * q
  }

  /// x = n·ln2 + r with n an integer and |r| ≤ ln2/2; returns (e^r − 1, n as integer bits).
  @inline(__always)
  static func reduceExpm1(_ x: V) -> (pm1: V, n: Bits) {
    let shifted = splat(shifter).addingProduct(x, splat(log2e))
    let n = shifted - splat(shifter)
    let r = x.addingProduct(n, splat(-ln2High)).addingProduct(n, splat(-ln2Low))
    return (r + expm1Tail(r), bits(shifted) &- bits(splat(shifter)))
  }

  /// x = n·ln2 + r as in `reduceExpm1`; returns (e^r, n as integer bits).
  @inline(__always)
  static func reduceExp(_ x: V) -> (p: V, n: Bits) {
    let (pm1, n) = reduceExpm1(x)
    return (splat(1) + pm1, n)
  }

  /// e^x for every double: overflow to +inf, gradual underflow to subnormals and 0, NaN kept.
  @inline(__always)
  static func exp(_ x: V) -> V {
    // NaN needs no special case: the clamp's compares are false for NaN, so it flows through.
    let clamped = clamp(x, -760, 720)
    let (p, n) = reduceExp(clamped)
    // 2^n split in two normal factors so that both overflow and subnormal results round once.
    let half = n &>> 1
    return p * double((half &+ 1023) &<< 52) * double((n &- half &+ 1023) &<< 52)
  }

  /// The sign bit of every lane.
  @inline(__always)
  static func signBits(_ x: V) -> Bits { bits(x) & Bits(repeating: Int64.min) }

  /// tanh x = e/(e + 2) for |x| = a, with e = e^{2a} − 1 = 2^n·(e^r − 1) + (2^n − 1), which
  /// keeps its relative accuracy as a → 0 (one exp-like polynomial, one division). x's sign is
  /// restored at the end (so tanh(−0) = −0); from a ≈ 19.1 on, e + 2 rounds to e and the
  /// result is ±1 exactly.
  @inline(__always)
  static func tanh(_ x: V) -> V {
    let sign = signBits(x)
    let a = double(bits(x) ^ sign)
    let (pm1, n) = reduceExpm1(2 * a.replacing(with: 22, where: a .> 22))
    let scale = double((n &+ 1023) &<< 52)
    let e = (scale - 1).addingProduct(scale, pm1)
    let t = (e / (e + 2)).replacing(with: a, where: a .< 0x1p-28)  // tanh a rounds to a there
    return double(bits(t) | sign)  // a NaN x stays NaN through every step
  }

  /// |x|, by clearing the sign bit.
  @inline(__always)
  static func abs(_ x: V) -> V { double(bits(x) & ~Bits(repeating: Int64.min)) }

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
    let high = u .> 0x1.6a09e667f3bcdp0
    let m = u.replacing(with: u * 0.5, where: high)
    let k = splat(0).replacing(with: 1, where: high)
    return logReduced(m - 1, k, correction)
  }

  /// Natural logarithm: x = 2^k · m with m in [√½, √2), log x = k·ln2 + log(1 + (m − 1)).
  /// −inf at ±0, NaN below 0 and for NaN, +inf at +inf; subnormals are scaled up first.
  @inline(__always)
  static func log(_ x: V) -> V {
    let subnormal = x .< 0x1p-1022
    let scaled = x.replacing(with: x * 0x1p52, where: subnormal)
    let b = bits(scaled)
    var k = (b &>> 52) &- 1023
    var m = double((b & Bits(repeating: 0x000f_ffff_ffff_ffff)) | bits(splat(1)))
    let high = m .> 0x1.6a09e667f3bcdp0
    m = m.replacing(with: m * 0.5, where: high)
    k = k &+ Bits(repeating: 0).replacing(with: 1, where: high)
    k = k &- Bits(repeating: 0).replacing(with: 52, where: subnormal)
    let kFloat = double(k &+ bits(splat(shifter))) - splat(shifter)  // exact: |k| < 2^11
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
    var r = splat(0x1.2b584aae78a57p-3)  // log(1 + f) = f − f²/2 + s·(f²/2 + z·r(z))
    r = step(r, z, 0x1.39fe606542ddep-3)
    r = step(r, z, 0x1.7462b4ab2ef6bp-3)
    r = step(r, z, 0x1.c71c62e5800a1p-3)
    r = step(r, z, 0x1.2492492df148dp-2)
    r = step(r, z, 0x1.99999999952e2p-2)
    r = step(r, z, 0x1.5555555555558p-1)
    let halfSquare = splat(0.5) * f * f
    let tail = s * halfSquare.addingProduct(z, r)
    let low = c.addingProduct(k, splat(ln2Low))
    return k * splat(ln2High) - ((halfSquare - (tail + low)) - f)
  }
}
