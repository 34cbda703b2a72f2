/// A command line shown in a command's help, with what it does or prints.
struct Example {
  /// The command line, starting with `nettrain`.
  let commandLine: String
  /// What it prints or does, one or more lines.
  let result: String
}
