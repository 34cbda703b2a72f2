/// Renders `nettrain --help` and `nettrain COMMAND --help` from the commands' descriptions.
enum HelpFormatter {
  /// The tool's help: usage, the list of commands, the global options.
  static func toolHelp(commands: [any Command]) -> String {
    var lines = [
      "nettrain \(NetTrainTool.version): "
        + "train small neural networks on a reverse-mode autodiff engine",
      "",
      "Usage: nettrain COMMAND [ARGUMENTS] [OPTIONS]",
      "       nettrain COMMAND --help",
      "       nettrain --version",
      "",
      "Commands:",
    ]
    lines += table(commands.map { ($0.name, $0.summary) })
    lines += ["", "Options:"]
    lines += table([("-h, --help", "Show this help."), ("--version", "Print the version.")])
    lines += ["", "Run 'nettrain COMMAND --help' for a command's arguments, options and examples."]
    return lines.map { $0 + "\n" }.joined()
  }

  /// A command's help: usage, summary, discussion, arguments, options and examples.
  static func commandHelp(_ command: any Command) -> String {
    var lines = ["Usage: \(command.usage)", "", command.summary]
    if !command.discussion.isEmpty {
      lines += ["", command.discussion]
    }
    if !command.positionals.isEmpty {
      lines += ["", "Arguments:"]
      lines += table(command.positionals.map { ($0.name, $0.help) })
    }
    lines += ["", "Options:"]
    lines += table(
      command.options.map { ($0.synopsis, $0.help) } + [("-h, --help", "Show this help.")])
    if !command.examples.isEmpty {
      lines += ["", "Examples:"]
      for example in command.examples {
        lines.append("  " + example.commandLine)
        lines += example.result.split(separator: "\n", omittingEmptySubsequences: false)
          .map { "      " + $0 }
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// Two columns, indented by two spaces, the second aligned.
  private static func table(_ rows: [(String, String)]) -> [String] {
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { left, right in
      "  " + left.padded(to: width) + "   " + right
    }
  }
}
