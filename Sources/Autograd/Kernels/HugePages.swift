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
    adviseHugePages(raw, bytes: bytes)
    return raw.bindMemory(to: T.self, capacity: capacity)
  }

  /// Advises that the whole huge pages inside the `bytes` bytes at `start` be backed by huge
  /// pages when first touched (`madvise(MADV_HUGEPAGE)`, with glibc only; a hint the kernel
  /// may ignore); the parts before the first and after the last huge page boundary keep
  /// small pages.
  ///
  /// For memory allocated elsewhere and not yet written, such as an array's storage: a large
  /// fresh buffer otherwise takes a page fault per 4 KB on its first write (reading
  /// `wide.csv` into 376 MB of doubles: ~100,000 faults, ~8,000 with this).
  public static func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if canImport(Glibc)
      let address = UInt(bitPattern: start)
      let page = UInt(hugePageBytes)
      let first = (address + page - 1) / page * page
      let end = (address + UInt(bytes)) / page * page
      guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(aligned, Int(end - first), MADV_HUGEPAGE)
    #endif
  }
}
