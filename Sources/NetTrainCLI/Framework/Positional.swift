/// A positional argument a command accepts, such as `CONFIG` or `EXPR`.
struct Positional {
  /// The name shown in help and in errors: `EXPR`.
  let name: String
  /// One line for the command's help.
  let help: String
  /// Whether the command needs it. Optional positionals come after the required ones.
  let isRequired: Bool

  init(_ name: String, help: String, isRequired: Bool = true) {
    self.name = name
    self.help = help
    self.isRequired = isRequired
  }
}
