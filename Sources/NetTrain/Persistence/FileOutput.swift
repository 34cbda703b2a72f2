#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text on its way into a file: gathered in a 64 KiB buffer and handed to the system with
/// POSIX `write` each time the buffer fills, so that writing a large file needs no more
/// memory than the buffer. `AtomicFile.write(to:_:)` opens one and gives it to its caller.
///
/// A failed write is remembered (its `errno`), later text is dropped, and `AtomicFile` turns
/// the failure into an error when the file is closed.
public struct FileOutput: TextOutputStream {
  /// The bytes gathered before a write.
  static var bufferSize: Int { 1 << 16 }

  private var descriptor: Int32
  private var buffer: [UInt8] = []
  /// The `errno` of the first write that failed.
  private var failure: Int32?

  /// Opens a new file at `path` (which must not exist) for writing.
  /// - Throws: `error(errno)` when the file cannot be created.
  init<Failure: Error>(
    creating path: String, error: (Int32) -> Failure
  ) throws(Failure) {
    descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw error(errno) }
    buffer.reserveCapacity(FileOutput.bufferSize)
  }

  /// Appends the UTF-8 bytes of `string`.
  public mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { append($0) }
  }

  /// Appends `bytes`, writing the buffer out first when they do not fit in it.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    if buffer.count + bytes.count > FileOutput.bufferSize { flush() }
    if bytes.count >= FileOutput.bufferSize {
      writeOut(bytes)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// Writes out the buffered bytes and closes the file (once; later calls do nothing).
  /// - Returns: the `errno` of the first write or close that failed, or `nil`.
  mutating func close() -> Int32? {
    guard descriptor >= 0 else { return failure }
    flush()
    if systemClose(descriptor) != 0, failure == nil { failure = errno }
    descriptor = -1
    return failure
  }

  private mutating func flush() {
    var pending: [UInt8] = []
    swap(&pending, &buffer)
    pending.withUnsafeBufferPointer { writeOut($0) }
    pending.removeAll(keepingCapacity: true)
    buffer = pending
  }

  /// Hands `bytes` to the system, all of them, unless a write has failed.
  private mutating func writeOut(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard failure == nil, descriptor >= 0, var next = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let written = systemWrite(descriptor, next, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        failure = errno
        return
      }
      next += written
      remaining -= written
    }
  }
}

/// POSIX `write`, which `FileOutput.write(_:)` hides by its name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

/// POSIX `close`, which `FileOutput.close()` hides by its name.
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
