/// A command line the tool cannot run: an unknown command or option, a missing or malformed
/// value, a stray argument. Its description is one line that says what to do instead.
enum UsageError: Error, Equatable, CustomStringConvertible {
  case missingCommand
  case unknownCommand(String, suggestion: String?)
  /// `command` is `nil` for an option given before any command.
  case unknownOption(String, command: String?, suggestion: String?)
  case missingValue(option: String, placeholder: String)
  case unexpectedValue(option: String)
  case invalidValue(option: String, value: String, expected: String)
  case repeatedOption(String)
  case missingOption(String, command: String, detail: String)
  case conflictingOptions(String, String)
  case unexpectedArgument(String, command: String)
  case missingArgument(String, command: String)
  /// A value that is well-formed as an argument but wrong: `place` is the option (`--at`).
  case invalidArgument(place: String, message: String)

  var description: String {
    switch self {
    case .missingCommand:
      return "no command given; run 'nettrain --help' to see the commands"
    case .unknownCommand(let name, let suggestion):
      let hint = suggestion.map { "did you mean '\($0)'?" }
      return "unknown command '\(name)'; "
        + (hint ?? "run 'nettrain --help' to see the commands")
    case .unknownOption(let name, let command, let suggestion):
      let place = command.map { " for '\($0)'" } ?? ""
      let help = command.map { "nettrain \($0) --help" } ?? "nettrain --help"
      return "unknown option '\(name)'\(place); "
        + (suggestion.map { "did you mean '\($0)'?" } ?? "run '\(help)' to see the options")
    case .missingValue(let option, let placeholder):
      return "\(option) needs a value, as in '\(option) \(placeholder)'"
    case .unexpectedValue(let option):
      return "\(option) takes no value"
    case .invalidValue(let option, let value, let expected):
      return "\(option): expected \(expected), found '\(value)'"
    case .repeatedOption(let option):
      return "\(option) is given more than once"
    case .missingOption(let option, let command, let detail):
      return "\(command) needs \(option): \(detail)"
    case .conflictingOptions(let first, let second):
      return "\(first) and \(second) cannot be used together"
    case .unexpectedArgument(let argument, let command):
      let hint = argument.hasPrefix("-") ? "options start with '--'; " : ""
      return "unexpected argument '\(argument)' for '\(command)'; \(hint)"
        + "run 'nettrain \(command) --help' for its usage"
    case .missingArgument(let name, let command):
      return "\(command) needs \(name); run 'nettrain \(command) --help' for its usage"
    case .invalidArgument(let place, let message):
      return "\(place): \(message)"
    }
  }
}
