import Foundation
import Testing

/// Assertions shared by the end-to-end tests.
extension NetTrainBinary.Run {
  /// The `NAME = VALUE` lines of standard output (text mode of `grad`), by name.
  func values() throws -> [String: Double] {
    var values: [String: Double] = [:]
    for line in outputLines {
      let parts = line.components(separatedBy: " = ")
      guard parts.count == 2, let value = Double(parts[1]) else {
        throw ParseFailure(line: line)
      }
      values[parts[0]] = value
    }
    return values
  }

  /// The value printed for `name`; fails the test when it is missing.
  func value(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    let value = try values()[name]
    return try #require(
      value, "no line '\(name) = ...' in \(standardOutput)",
      sourceLocation: sourceLocation)
  }

  /// Checks that the run succeeded: status 0, nothing on standard error.
  func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(status == 0, "stderr: \(standardError)", sourceLocation: sourceLocation)
    #expect(standardError.isEmpty, sourceLocation: sourceLocation)
  }

  /// Checks the error contract: status 2, nothing on standard output, one line on standard
  /// error starting `nettrain: error: ` and containing `fragment`.
  func expectUsageError(
    containing fragment: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(status == 2, sourceLocation: sourceLocation)
    #expect(standardOutput.isEmpty, "stdout: \(standardOutput)", sourceLocation: sourceLocation)
    #expect(standardError.hasPrefix("nettrain: error: "), sourceLocation: sourceLocation)
    #expect(standardError.hasSuffix("\n"), sourceLocation: sourceLocation)
    #expect(
      standardError.dropLast().contains("\n") == false, "\(standardError)",
      sourceLocation: sourceLocation)
    #expect(
      standardError.contains(fragment), "\(standardError) lacks \(fragment)",
      sourceLocation: sourceLocation)
  }

  struct ParseFailure: Error, CustomStringConvertible {
    let line: String
    var description: String { "not a NAME = VALUE line: '\(line)'" }
  }
}

/// Whether `actual` is within `tolerance` of `expected`, relative to max(1, |expected|).
func isClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
  abs(actual - expected) <= tolerance * max(1, abs(expected))
}
