import Foundation

/// Where the tool writes: results to standard output, diagnostics to standard error.
///
/// Commands write through a `Terminal` instead of calling `print`, so that tests can run a
/// command in-process and collect what it wrote.
struct Terminal {
  /// Writes text to standard output as given (no newline added).
  let writeOutput: (String) -> Void
  /// Writes text to standard error as given (no newline added).
  let writeError: (String) -> Void

  /// The process's standard output and standard error.
  static var standard: Terminal {
    Terminal(
      writeOutput: { Swift.print($0, terminator: "") },
      writeError: { FileHandle.standardError.write(Data($0.utf8)) })
  }

  /// Writes one line to standard output.
  func print(_ line: String = "") {
    writeOutput(line + "\n")
  }

  /// Writes lines to standard output.
  func print(lines: [String]) {
    writeOutput(lines.map { $0 + "\n" }.joined())
  }

  /// Writes one line to standard error.
  func printError(_ line: String) {
    writeError(line + "\n")
  }
}
