import Foundation

/// Gives memory that was allocated and freed back to the system.
///
/// glibc's allocator gives each thread that allocates its own arena, and keeps what is freed
/// there resident for that thread to reuse. The second thread of a CSV read frees its
/// buffers (its read window, its rows' labels and line numbers) and allocates nothing more,
/// so without this their pages would stay in the process for the rest of the run (measured:
/// about 1 MB for a 60,000-row, 447 MB file, for the whole of training).
enum FreedMemory {
  /// Returns the free pages of every arena to the system (glibc's `malloc_trim(0)`); does
  /// nothing where there is no such function.
  static func release() {
    #if os(Linux)
      // `malloc_trim` is declared in malloc.h, which the Glibc module does not export.
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else {
        return
      }
      typealias Trim = @convention(c) (Int) -> Int32
      _ = unsafeBitCast(symbol, to: Trim.self)(0)
    #endif
  }
}
