/// A command line parsed against a command's positionals and options.
struct ParsedArguments {
  /// The command the arguments were given to, for messages.
  let command: String
  /// Positional arguments in order; the parser checked their count.
  let positionals: [String]
  /// The values given to each value option, in command-line order, keyed by `--name`.
  let values: [String: [String]]
  /// The flags that were given, as `--name`.
  let flags: Set<String>

  /// Whether the flag `name` (`--json`) was given.
  func flag(_ name: String) -> Bool {
    flags.contains(name)
  }

  /// The value of an option that takes one, or `nil` when it was not given.
  func value(_ name: String) -> String? {
    values[name]?.last
  }

  /// Every value given to a repeatable option, in order.
  func allValues(_ name: String) -> [String] {
    values[name] ?? []
  }

  /// The positional at `index`, or `nil` when it was not given.
  func positional(_ index: Int) -> String? {
    positionals.indices.contains(index) ? positionals[index] : nil
  }

  /// The value of `name` as a whole number, or `nil` when it was not given.
  func integer(_ name: String) throws -> Int? {
    guard let text = value(name) else { return nil }
    guard let number = Int(text) else {
      throw UsageError.invalidValue(option: name, value: text, expected: "a whole number")
    }
    return number
  }

  /// The value of `name` as a finite number, or `nil` when it was not given.
  func number(_ name: String) throws -> Double? {
    guard let text = value(name) else { return nil }
    guard let number = Double(text), number.isFinite else {
      throw UsageError.invalidValue(option: name, value: text, expected: "a finite number")
    }
    return number
  }
}
