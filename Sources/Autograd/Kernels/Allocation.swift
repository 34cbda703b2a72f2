#if canImport(Glibc)
  import Glibc
#endif

/// The memory the kernels work in: cache-line sizes and starts, temporary buffers on a line,
/// and blocks backed by huge pages.
extension Kernels {
  /// The size of a transparent huge page on x86-64 Linux.
  public static var hugePageBytes: Int { 2 << 20 }

  /// The bytes of a cache line, and of an AVX-512 register.
  @inlinable public static var cacheLineBytes: Int { 64 }

  /// The `T`s in a cache line.
  @inlinable
  static func perCacheLine<T>(_: T.Type) -> Int { max(1, cacheLineBytes / MemoryLayout<T>.stride) }

  /// `count` rounded up to fill whole cache lines with `T`s: the size of each block that
  /// shares a buffer from `allocateHugePageBacked`, so that every block starts on a line.
  public static func wholeCacheLines<T>(_ count: Int, of _: T.Type) -> Int {
    let perLine = perCacheLine(T.self)
    return (count + perLine - 1) / perLine * perLine
  }

  /// `body` given room for `capacity` elements, uninitialized, starting on a cache line: a
  /// temporary allocation one line larger, from which the first line boundary is taken, on
  /// the stack up to a kilobyte as any temporary allocation. (Asked for an alignment of 64
  /// instead, a temporary allocation comes from the heap whatever its size: tried for
  /// `columnProduct`'s kilobyte, it cost a `malloc` and a `free` a product, W2 0.87× the
  /// steps a second.)
  @inlinable
  public static func withTemporaryLineAligned<T, R>(
    _: T.Type, capacity: Int, _ body: (UnsafeMutablePointer<T>) -> R
  ) -> R {
    withUnsafeTemporaryAllocation(of: T.self, capacity: capacity + perCacheLine(T.self)) {
      let address = UInt(bitPattern: $0.baseAddress!)
      let line = UInt(cacheLineBytes)
      let skipped = Int((line - address % line) % line) / MemoryLayout<T>.stride
      return body($0.baseAddress! + skipped)
    }
  }

  /// Memory for `capacity` elements, uninitialized, starting on a cache line; from
  /// `hugePageBytes` up it starts on a huge page and the whole huge pages in it are advised
  /// to be backed by huge pages when first touched (`madvise(MADV_HUGEPAGE)`, with glibc
  /// only; a hint the kernel may ignore). Release it with `deallocate()`.
  ///
  /// On a cache line, the rows of a matrix that are whole lines are read and written a
  /// register at a time without a register ever straddling two lines. `malloc` gives 16
  /// bytes, and a block of more than 128 KB (mapped) starts 16 bytes past a page, so that
  /// every register of it straddled. W4's products, hot, alone, one thread, with the three
  /// operands 16 bytes past a line took 1.19× (`[64,128]·[128,128]`), 1.10× (`[64,64]·
  /// [64,128]`) and 1.11× (`[128,64]ᵀ·[64,128]`) the time on a line, float32, and 1.19×,
  /// 1.21×, 1.21× float64 (medians of 10,000 alternating runs); 1.02–1.03× with a transposed
  /// `b`, which is packed first. In `fit`, the program's memory and the parameters on lines
  /// against 16 bytes past one (whole runs alternating in one process, 20 pairs): W4
  /// float64 1.15× the steps a second (20 of 20 faster), float32 1.10× (19 of 20), W3
  /// float64 1.05×, W5 float32 1.20× (3 of 4); W1, W2 level.
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
    let huge = bytes >= hugePageBytes
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: bytes, alignment: huge ? hugePageBytes : cacheLineBytes)
    if huge { adviseHugePages(raw, bytes: bytes) }
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
