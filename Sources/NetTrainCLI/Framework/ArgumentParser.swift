/// Parses the arguments after a command's name against the command's positionals and options.
///
/// Accepts `--name VALUE` and `--name=VALUE` for options with a value, `--name` for flags,
/// and positionals anywhere; `--` ends the options, so that an argument starting with `--`
/// can be a positional. A single dash does not start an option: `-x^2` and `-3` are
/// positionals (only `-h` means help, checked by `asksForHelp`).
struct ArgumentParser {
  let command: String
  let positionals: [Positional]
  let options: [Option]

  init(for command: any Command) {
    self.command = command.name
    self.positionals = command.positionals
    self.options = command.options
  }

  /// Whether `arguments` ask for help: `--help` or `-h` anywhere before a `--`.
  static func asksForHelp(_ arguments: [String]) -> Bool {
    arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
  }

  /// The parsed arguments, or a `UsageError` naming the first problem.
  func parse(_ arguments: [String]) throws -> ParsedArguments {
    var parsed = Accumulator()
    var remaining = arguments[...]
    var optionsEnded = false
    while let argument = remaining.popFirst() {
      if !optionsEnded && argument == "--" {
        optionsEnded = true
      } else if !optionsEnded && argument.hasPrefix("--") {
        try readOption(argument, from: &remaining, into: &parsed)
      } else {
        parsed.positionals.append(argument)
      }
    }
    try checkCount(of: parsed.positionals)
    return ParsedArguments(
      command: command, positionals: parsed.positionals, values: parsed.values,
      flags: parsed.flags)
  }

  // MARK: - Private

  private struct Accumulator {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
  }

  private func readOption(
    _ argument: String, from remaining: inout ArraySlice<String>, into parsed: inout Accumulator
  ) throws {
    let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    let inlineValue = parts.count == 2 ? String(parts[1]) : nil
    guard let option = options.first(where: { $0.name == name }) else {
      let known = options.map(\.name) + ["--help"]
      throw UsageError.unknownOption(
        name, command: command, suggestion: Suggestion.closest(to: name, among: known))
    }
    switch option.kind {
    case .flag:
      guard inlineValue == nil else { throw UsageError.unexpectedValue(option: name) }
      parsed.flags.insert(name)
    case .value(let placeholder):
      let value: String
      if let inlineValue {
        value = inlineValue
      } else if let next = remaining.first, !next.hasPrefix("--") {
        value = next
        remaining.removeFirst()
      } else {
        throw UsageError.missingValue(option: name, placeholder: placeholder)
      }
      guard parsed.values[name] == nil || option.isRepeatable else {
        throw UsageError.repeatedOption(name)
      }
      parsed.values[name, default: []].append(value)
    }
  }

  private func checkCount(of given: [String]) throws {
    if given.count > positionals.count {
      throw UsageError.unexpectedArgument(given[positionals.count], command: command)
    }
    if let missing = positionals.dropFirst(given.count).first(where: \.isRequired) {
      throw UsageError.missingArgument(missing.name, command: command)
    }
  }
}
