/// A subcommand of `nettrain`: its name, its help, the arguments it takes and what it does.
///
/// To add a command (`fit`, `eval`, `predict`): write one type conforming to `Command` in its
/// own file (`Sources/NetTrainCLI/Fit/FitCommand.swift`, beside `Grad/GradCommand.swift`),
/// and add an instance to `NetTrainTool.commands`. The tool then lists it in
/// `nettrain --help`, renders `nettrain fit --help` from the properties below, parses the
/// command line against `positionals` and `options` (rejecting unknown options with a
/// suggestion, missing values and stray arguments), and calls `run`.
///
/// `run` writes results through `terminal` and returns the exit status: 0 for success, 1
/// when the command ran but its outcome failed (training diverged, a curve differed). Bad
/// input is not a status but a thrown error whose `description` is one line naming the place
/// and the problem; the tool prints it as `nettrain: error: ...` and exits with status 2.
protocol Command {
  /// The word after `nettrain`: `grad`.
  var name: String { get }
  /// One line for the command list of `nettrain --help`.
  var summary: String { get }
  /// Paragraphs shown in the command's help after the usage line, already wrapped.
  var discussion: String { get }
  /// The positional arguments, in order.
  var positionals: [Positional] { get }
  /// The options; `--help` is added by the tool.
  var options: [Option] { get }
  /// Command lines shown at the end of the command's help.
  var examples: [Example] { get }
  /// The usage line of the help. The default lists the positionals and every option in
  /// brackets; a command with a required option writes its own.
  var usage: String { get }
  /// Runs the command with its parsed arguments and returns the exit status.
  func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32
}

extension Command {
  /// `nettrain NAME POSITIONAL... [--option VALUE]...`
  var usage: String {
    let arguments = positionals.map { $0.isRequired ? $0.name : "[\($0.name)]" }
    let flags = options.map { "[\($0.synopsis)]" }
    return (["nettrain", name] + arguments + flags).joined(separator: " ")
  }
}
