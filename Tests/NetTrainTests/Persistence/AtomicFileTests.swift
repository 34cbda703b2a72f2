import Foundation
import Testing

@testable import NetTrain

/// `AtomicFile` writes through a buffer and a temporary file: the bytes arrive whole, and a
/// failed write leaves neither the file nor its temporary behind.
@Suite struct AtomicFileTests {
  func makeFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-atomic-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func streamedTextArrivesWholeAcrossManyBuffers() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("big.txt")
    // Pieces of 1 to 4 UTF-8 bytes, some longer than the buffer, so that every boundary
    // case of the buffer is met.
    let pieces = (0..<60_000).map { ["a", "é", "€", "😀", "0.123456789"][$0 % 5] }
      + [String(repeating: "x", count: FileOutput.bufferSize * 2 + 3), "end"]
    try AtomicFile.write(to: url) { output in
      for piece in pieces { output.write(piece) }
    }
    #expect(try Data(contentsOf: url) == Data(pieces.joined().utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["big.txt"])

    try AtomicFile.write("replaced\n", to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "replaced\n")
  }

  @Test func aFailedWriteLeavesNoFileAndNoTemporary() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("model.json")
    #expect(throws: AtomicFileError.self) {
      try AtomicFile.write(to: url) { output throws(AtomicFileError) in
        output.write(String(repeating: "half a file ", count: 20_000))
        throw AtomicFileError(path: url.path, reason: "stopped")
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

    try AtomicFile.write("old\n", to: url)
    #expect(throws: AtomicFileError.self) {
      try AtomicFile.write(to: url) { output throws(AtomicFileError) in
        output.write("new")
        throw AtomicFileError(path: url.path, reason: "stopped")
      }
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
  }

  @Test func aMissingFolderIsAnErrorNamingTheFile() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("missing/model.json")
    do {
      try AtomicFile.write("x", to: url)
      Issue.record("wrote into a missing folder")
    } catch {
      #expect(error.description == "\(url.path): cannot write: No such file or directory")
    }
  }
}
