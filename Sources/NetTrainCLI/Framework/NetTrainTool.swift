import Foundation

/// The `nettrain` tool: finds the command, parses its arguments, runs it, and turns any thrown
/// error into one line on standard error, `nettrain: error: ...`, and exit status 2.
struct NetTrainTool {
  /// Printed by `nettrain --version`.
  static let version = "0.1.0"

  /// Every command, in the order `nettrain --help` lists them. Adding a command is one file
  /// with a type conforming to `Command`, and one line here.
  let commands: [any Command] = [
    FitCommand(),
    EvalCommand(),
    PredictCommand(),
    GradCommand(),
  ]

  /// Runs the tool with the arguments after the program name; returns the exit status.
  func run(_ arguments: [String], terminal: Terminal) -> Int32 {
    do {
      return try dispatch(arguments, terminal: terminal)
    } catch {
      terminal.printError("nettrain: error: " + Self.message(for: error))
      return 2
    }
  }

  /// The one-line message for an error: its `description` when it describes itself (the
  /// project's errors do), else Foundation's localized description, with the file for a
  /// file-system error.
  static func message(for error: any Error) -> String {
    let text: String
    if let error = error as? CocoaError {
      text = (error.filePath.map { "\($0): " } ?? "") + error.localizedDescription
    } else if error is POSIXError || type(of: error) is NSError.Type {
      text = error.localizedDescription
    } else if let described = (error as Any) as? any CustomStringConvertible {
      text = described.description
    } else {
      text = error.localizedDescription
    }
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  // MARK: - Private

  private func dispatch(_ arguments: [String], terminal: Terminal) throws -> Int32 {
    guard let first = arguments.first else { throw UsageError.missingCommand }
    let rest = Array(arguments.dropFirst())
    switch first {
    case "--help", "-h", "help":
      return try help(for: rest, terminal: terminal)
    case "--version":
      terminal.print("nettrain \(Self.version)")
      return 0
    default:
      let command = try command(named: first)
      if ArgumentParser.asksForHelp(rest) {
        terminal.writeOutput(HelpFormatter.commandHelp(command))
        return 0
      }
      let parsed = try ArgumentParser(for: command).parse(rest)
      return try command.run(parsed, terminal: terminal)
    }
  }

  /// `nettrain --help` alone, or followed by a command name (`nettrain help grad`).
  private func help(for arguments: [String], terminal: Terminal) throws -> Int32 {
    guard let name = arguments.first else {
      terminal.writeOutput(HelpFormatter.toolHelp(commands: commands))
      return 0
    }
    let command = try command(named: name)
    if arguments.count > 1 {
      throw UsageError.unexpectedArgument(arguments[1], command: command.name)
    }
    terminal.writeOutput(HelpFormatter.commandHelp(command))
    return 0
  }

  private func command(named name: String) throws -> any Command {
    if name.hasPrefix("-") {
      let suggestion = Suggestion.closest(to: name, among: ["--help", "--version"])
      throw UsageError.unknownOption(name, command: nil, suggestion: suggestion)
    }
    guard let command = commands.first(where: { $0.name == name }) else {
      let suggestion = Suggestion.closest(to: name, among: commands.map(\.name))
      throw UsageError.unknownCommand(name, suggestion: suggestion)
    }
    return command
  }
}
