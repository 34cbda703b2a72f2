import Autograd
import Dispatch
import Foundation

/// One read of a CSV file's requested columns into a single array of `Scalar`s.
///
/// The header is read first; a sample of the rows after it estimates how many rows the file
/// holds, and the array is allocated once with room for them (pages never written cost no
/// memory). Should the estimate fall short, the file is read again with twice the room, so a
/// row is never copied from a smaller array into a larger one.
///
/// A file of at least `parallelMinimumBytes` is read by two threads: this one from the first
/// row, the other from the first line break past the middle, into rows of the same array
/// starting at an estimate of how many rows the first half holds. When the first thread ends
/// its half exactly at that line break, the split was a record boundary and the second half's
/// rows move down to follow the first half's; otherwise (the break was inside a quoted field,
/// or a half ran out of room) the first thread reads on alone, as if there were no split.
struct CSVLoad<Scalar: DecimalConvertible> {
  typealias Builder = CSVTableBuilder<Scalar>
  typealias Progress = Builder.Progress

  let file: CSVFile
  let path: String
  let request: CSVColumnRequest
  let chunkSize: Int
  let parallelMinimumBytes: Int

  /// How much of the file after the header is sampled for the row-count estimate.
  private static var sampleLength: Int { 1 << 20 }

  func read() throws -> CSVData {
    let (header, dataStart) = try readHeader()
    let size = max(file.size, dataStart)
    let (rowBytes, sampledAll, lineBreaks) = try sampleRows(from: dataStart)
    var capacity =
      sampledAll ? lineBreaks + 1 : Int(Double(size - dataStart) / rowBytes * 1.1) + 16
    while true {
      if let data = try attempt(header, dataStart: dataStart, rowBytes: rowBytes, capacity) {
        return data
      }
      capacity *= 2
    }
  }

  /// The builder once it has read the header, and the file offset where the rows start.
  private func readHeader() throws -> (Builder, Int) {
    var header = Builder(path: path, request: request)
    var dataStart = 0
    try file.stream(from: 0, chunkSize: chunkSize) { bytes, position, isFinal, windowStart in
      let progress = try header.consume(
        bytes, from: &position, isFinal: isFinal, stopsAfterHeader: true)
      dataStart = windowStart + position
      return progress != .needMoreInput
    }
    if header.plan == nil { try header.checkComplete(rows: 0) }  // throws: empty file
    return (header, dataStart)
  }

  /// Bytes per line in the first part of the rows; whether that part is all of them, and
  /// its number of line breaks (LF, CRLF or CR).
  private func sampleRows(from start: Int) throws -> (Double, Bool, Int) {
    let sample = try file.read(count: Self.sampleLength, at: start)
    var lineBreaks = 0
    for (index, byte) in sample.enumerated() {
      let isLoneCR =
        byte == CSVScanner.cr && (index + 1 == sample.count || sample[index + 1] != CSVScanner.lf)
      if byte == CSVScanner.lf || isLoneCR { lineBreaks += 1 }
    }
    let rowBytes = Double(max(sample.count, 1)) / Double(max(lineBreaks, 1))
    return (rowBytes, sample.count < Self.sampleLength, lineBreaks)
  }

  /// The data read into an array with room for `capacity` rows; nil when they do not fit.
  private func attempt(
    _ header: Builder, dataStart: Int, rowBytes: Double, _ capacity: Int
  ) throws -> CSVData? {
    guard let width = header.plan?.featureNames.count else { preconditionFailure("no plan") }
    var builder = header
    var fits = false
    let values = try [Scalar](unsafeUninitializedCapacity: capacity * width) { buffer, count in
      if let base = buffer.baseAddress {  // a fault per 2 MB instead of per 4 KB as rows land
        Kernels.adviseHugePages(base, bytes: buffer.count * MemoryLayout<Scalar>.stride)
      }
      builder.destination = buffer.baseAddress
      builder.rowLimit = capacity
      let size = file.size
      if size - dataStart >= parallelMinimumBytes,
        let split = try splitPoint(dataStart: dataStart, size: size)
      {
        let firstRows = Int(Double(split - dataStart) / rowBytes * 1.01) + 16  // a 1 % margin
        fits = try readInTwo(&builder, dataStart: dataStart, split: split, firstRows: firstRows)
        FreedMemory.release()  // what the second thread freed: it allocates nothing more
      } else {
        fits = try readRows(&builder, from: dataStart).progress != .full
      }
      count = fits ? builder.rowCount * width : 0
    }
    return fits ? try builder.finish(values: Scalar.featureValues(values)) : nil
  }

  /// Reads rows from file offset `start` until the end of the input, a full destination, or
  /// a record at or past `stop`; returns why it stopped and the file offset it stopped at.
  private func readRows(
    _ builder: inout Builder, from start: Int, stop: Int = .max
  ) throws -> (progress: Progress, offset: Int) {
    var result: (progress: Progress, offset: Int) = (.endOfInput, start)
    try file.stream(from: start, chunkSize: chunkSize) { bytes, position, isFinal, windowStart in
      let progress = try builder.consume(
        bytes, from: &position, isFinal: isFinal, stop: stop - windowStart)
      result = (progress, windowStart + position)
      return progress != .needMoreInput
    }
    return result
  }

  /// The offset just past the first LF at or after the middle of the rows, if one is there.
  private func splitPoint(dataStart: Int, size: Int) throws -> Int? {
    let middle = dataStart + (size - dataStart) / 2
    let bytes = try file.read(count: Self.sampleLength, at: middle)
    guard let lf = bytes.firstIndex(of: CSVScanner.lf), middle + lf + 1 < size else { return nil }
    return middle + lf + 1
  }
}

// MARK: - Two threads

extension CSVLoad {
  /// The second thread's builder and how its read ended.
  private final class SecondHalf: @unchecked Sendable {
    var builder: Builder
    var outcome: Result<Progress, any Error> = .success(.full)

    init(_ builder: Builder) { self.builder = builder }
  }

  /// Reads the rows before `split` here and those after it on a second thread into rows
  /// `firstRows...` of the destination; false when the rows do not fit.
  private func readInTwo(
    _ first: inout Builder, dataStart: Int, split: Int, firstRows: Int
  ) throws -> Bool {
    let capacity = first.rowLimit
    guard firstRows < capacity, let destination = first.destination,
      let width = first.plan?.featureNames.count
    else { return try readRows(&first, from: dataStart).progress != .full }
    let second = SecondHalf(Builder(continuing: first))
    second.builder.destination = destination + firstRows * width
    second.builder.rowLimit = capacity - firstRows
    let group = DispatchGroup()
    let load = self
    DispatchQueue.global().async(group: group) {
      second.outcome = Result { try load.readRows(&second.builder, from: split).progress }
    }
    defer { group.wait() }  // never leave the other thread writing into the destination
    first.rowLimit = firstRows
    let (progress, offset) = try readRows(&first, from: dataStart, stop: split)
    group.wait()
    if progress == .endOfInput { return true }
    let isBoundary = progress == .reachedStop && offset == split
    if isBoundary, case .success(.endOfInput) = second.outcome {
      let rows = second.builder.rowCount
      memmove(
        destination + first.rowCount * width, destination + firstRows * width,
        rows * width * MemoryLayout<Scalar>.stride)
      first.append(second.builder)
      return true
    }
    if isBoundary, case .failure(var error as CSVError) = second.outcome {
      error.line = error.line.map { $0 + first.scanner.line - 1 }
      throw error
    }
    first.rowLimit = capacity  // no usable split: read on alone
    return try readRows(&first, from: offset).progress != .full
  }
}
