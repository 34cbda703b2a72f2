import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular file opened for reading in chunks, with failures turned into `CSVError`s that
/// say what went wrong in words (no such file, a directory, permission denied).
struct CSVFile {
  private let descriptor: Int32
  private let path: String

  /// Opens `url`; `path` is how messages name it.
  init(url: URL, path: String) throws {
    self.path = path
    let opened = url.withUnsafeFileSystemRepresentation { name -> Int32? in
      guard let name else { return nil }
      return open(name, O_RDONLY | O_CLOEXEC)
    }
    guard let descriptor = opened else {
      throw CSVError(path: path, message: "cannot open the file: the path is not a file path")
    }
    guard descriptor >= 0 else { throw Self.openError(errno, path: path) }
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
      _ = closeDescriptor(descriptor)
      throw CSVError(path: path, message: "is a directory, not a CSV file")
    }
    self.descriptor = descriptor
  }

  /// Closes the file; call once when done.
  func close() {
    _ = closeDescriptor(descriptor)
  }

  /// Up to `count` more bytes of the file; none at its end.
  func read(count: Int) throws -> [UInt8] {
    var failure: Int32? = nil
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
      initializedCount = 0
      guard let base = buffer.baseAddress else { return }
      var result = -1
      repeat {
        result = readBytes(descriptor, base, count)
      } while result < 0 && errno == EINTR
      if result < 0 { failure = errno } else { initializedCount = result }
    }
    if let failure {
      throw CSVError(path: path, message: "cannot read the file: \(Self.describe(failure))")
    }
    return bytes
  }

  /// The size of the file in bytes (0 when it cannot be told, as for a pipe).
  var size: Int {
    var status = stat()
    return fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
  }

  /// Up to `count` bytes of the file from byte `offset` on; none at its end.
  func read(count: Int, at offset: Int) throws -> [UInt8] {
    try [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
      initializedCount = 0
      guard let base = buffer.baseAddress else { return }
      initializedCount = try read(into: base, count: count, at: offset)
    }
  }

  /// Reads up to `count` bytes from byte `offset` on into `base`; returns how many (0 at
  /// the end of the file).
  private func read(into base: UnsafeMutableRawPointer, count: Int, at offset: Int) throws -> Int
  {
    var result = -1
    repeat {
      result = readBytes(descriptor, base, count, at: offset)
    } while result < 0 && errno == EINTR
    if result < 0 {
      throw CSVError(path: path, message: "cannot read the file: \(Self.describe(errno))")
    }
    return result
  }

  /// `stream(chunkSize:...)` from byte `start` of the file on, through one buffer that is
  /// reused (it grows only for a record longer than it); `consume` also gets the file offset
  /// of the first byte of the window it is handed.
  func stream(
    from start: Int, chunkSize: Int,
    _ consume: (UnsafeBufferPointer<UInt8>, inout Int, Bool, Int) throws -> Bool
  ) throws {
    precondition(chunkSize > 0, "chunkSize \(chunkSize) must be positive")
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var (filled, position, isFinal, windowStart) = (0, 0, false, start)
    while try !buffer.withUnsafeBufferPointer({
      try consume(UnsafeBufferPointer(rebasing: $0[..<filled]), &position, isFinal, windowStart)
    }) {
      let kept = filled - position
      let wanted = max(chunkSize, kept)  // rescans of a long record stay linear in total
      if buffer.count < kept + wanted {
        buffer.append(contentsOf: repeatElement(0, count: kept + wanted - buffer.count))
      }
      let read = try buffer.withUnsafeMutableBytes { bytes -> Int in
        guard let base = bytes.baseAddress else { return 0 }
        if kept > 0, position > 0 { memmove(base, base + position, kept) }
        return try self.read(into: base + kept, count: wanted, at: windowStart + filled)
      }
      (windowStart, position, filled, isFinal) = (windowStart + position, 0, kept + read, read == 0)
    }
  }

  /// Hands the file to `consume` in chunks until it returns true (the end of the input).
  ///
  /// `consume` takes whole records from the bytes at `position` on and advances it; what it
  /// leaves (an unfinished record) is kept and the next chunk appended. Reading at least as
  /// much as is held keeps the rescans of a record longer than a chunk linear in total.
  /// - Parameters:
  ///   - buffer: bytes already read from the file, `consume`d from `position` on.
  ///   - isFinal: whether `buffer` already holds the whole file.
  func stream(
    chunkSize: Int, buffer: [UInt8] = [], position: Int = 0, isFinal: Bool = false,
    _ consume: (UnsafeBufferPointer<UInt8>, inout Int, Bool) throws -> Bool
  ) throws {
    precondition(chunkSize > 0, "chunkSize \(chunkSize) must be positive")
    var (buffer, position, isFinal) = (buffer, position, isFinal)
    while try !buffer.withUnsafeBufferPointer({ try consume($0, &position, isFinal) }) {
      let chunk = try read(count: max(chunkSize, buffer.count - position))
      isFinal = chunk.isEmpty
      buffer = position == buffer.count ? chunk : buffer[position...] + chunk
      position = 0
    }
  }

  // MARK: - Errors

  private static func openError(_ code: Int32, path: String) -> CSVError {
    switch code {
    case ENOENT: CSVError(path: path, message: "no such file")
    case EACCES: CSVError(path: path, message: "permission denied: cannot read the file")
    case ENOTDIR: CSVError(path: path, message: "no such file (a folder in the path is a file)")
    default: CSVError(path: path, message: "cannot open the file: \(describe(code))")
    }
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}

// The POSIX calls, named apart from the methods that wrap them.
private func readBytes(
  _ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int
) -> Int {
  read(descriptor, buffer, count)
}

private func readBytes(
  _ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, at offset: Int
) -> Int {
  pread(descriptor, buffer, count, off_t(offset))
}

private func closeDescriptor(_ descriptor: Int32) -> Int32 {
  close(descriptor)
}
