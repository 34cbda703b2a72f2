#if canImport(Glibc)
  import Glibc
#endif

extension Kernels {
  /// The size of a transparent huge page on x86-64 Linux.
  public static var hugePageBytes: Int { 2 << 20 }

  /// Memory for `capacity` elements, uninitialized; from `hugePageBytes` up it starts on a
  /// huge page and the whole huge pages in it are advised to be backed by huge pages when
  /// first touched (`madvise(MADV_HUGEPAGE)`, with glibc only; a hint the kernel may ignore).
  /// Release it with `deallocate()`.
  ///
  /// For the buffers a training step walks every step: a strided walk (a transposed operand,
  /// a panel of a wide matrix) then needs a TLB entry per 2 MB instead of per 4 KB, and on a
  /// shared machine, whose caches and TLB forget a process within milliseconds, fewer page
  /// walks miss. `fit` on W5 with the step's buffers and the parameters here, medians of
  /// interleaved runs: float64 ~327 → ~350 steps a second, float32 ~695 → ~847.
  public static func allocateHugePageBacked<T>(
    _: T.Type, capacity: Int
  ) -> UnsafeMutablePointer<T> {
    let bytes = capacity * MemoryLayout<T>.stride
    guard bytes >= hugePageBytes else { return .allocate(capacity: capacity) }
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: hugePageBytes)
    #if canImport(Glibc)
      _ = madvise(raw, bytes / hugePageBytes * hugePageBytes, MADV_HUGEPAGE)
    #endif
    return raw.bindMemory(to: T.self, capacity: capacity)
  }
}
