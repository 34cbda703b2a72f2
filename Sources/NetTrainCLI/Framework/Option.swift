/// An option a command accepts: `--json` (a flag) or `--epochs N` / `--epochs=N` (takes a value).
struct Option {
  /// What follows the option's name on the command line.
  enum Kind {
    /// Present or absent, no value.
    case flag
    /// Followed by a value; `placeholder` names it in help (`N`, `DIR`).
    case value(placeholder: String)
  }

  /// The option as typed, with its dashes: `--epochs`.
  let name: String
  let kind: Kind
  /// One line for the command's help.
  let help: String
  /// Whether the option may be given more than once (its values are then all kept, in order).
  let isRepeatable: Bool

  /// A boolean flag such as `--json`.
  static func flag(_ name: String, help: String) -> Option {
    Option(name: name, kind: .flag, help: help, isRepeatable: false)
  }

  /// An option that takes a value, such as `--epochs N`.
  static func value(
    _ name: String, placeholder: String, help: String, isRepeatable: Bool = false
  ) -> Option {
    Option(
      name: name, kind: .value(placeholder: placeholder), help: help,
      isRepeatable: isRepeatable)
  }

  /// Whether the option takes a value.
  var takesValue: Bool {
    if case .value = kind { return true }
    return false
  }

  /// How the option is shown in help: `--epochs N` or `--json`.
  var synopsis: String {
    switch kind {
    case .flag: return name
    case .value(let placeholder): return "\(name) \(placeholder)"
    }
  }
}
