import Testing

@testable import NetTrainCLI

/// The argument parser, in-process, on a made-up command with every kind of argument.
@Suite struct ArgumentParserTests {
  private struct Example: Command {
    let name = "fit"
    let summary = "Train."
    let discussion = ""
    let positionals = [
      Positional("CONFIG", help: "The config."),
      Positional("EXTRA", help: "Optional.", isRequired: false),
    ]
    let options: [Option] = [
      .value("--epochs", placeholder: "N", help: "Epochs."),
      .value("--rate", placeholder: "R", help: "Rate."),
      .value("--tag", placeholder: "T", help: "Tags.", isRepeatable: true),
      .flag("--quiet", help: "Quiet."),
    ]
    let examples: [NetTrainCLI.Example] = []
    func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 { 0 }
  }

  private func parse(_ arguments: [String]) throws -> ParsedArguments {
    try ArgumentParser(for: Example()).parse(arguments)
  }

  @Test func valuesFlagsAndPositionals() throws {
    let parsed = try parse(["a.json", "--epochs", "5", "--quiet", "--rate=0.5", "b"])
    #expect(parsed.positionals == ["a.json", "b"])
    #expect(try parsed.integer("--epochs") == 5)
    #expect(try parsed.number("--rate") == 0.5)
    #expect(parsed.flag("--quiet"))
    #expect(try parse(["a.json"]).flag("--quiet") == false)
    #expect(try parse(["a.json"]).integer("--epochs") == nil)
  }

  @Test func singleDashArgumentsArePositionals() throws {
    #expect(try parse(["-x^2", "-3"]).positionals == ["-x^2", "-3"])
  }

  @Test func doubleDashEndsOptions() throws {
    #expect(try parse(["--", "--quiet"]).positionals == ["--quiet"])
  }

  @Test func repeatableOptionsKeepEveryValue() throws {
    #expect(try parse(["c", "--tag", "a", "--tag=b"]).allValues("--tag") == ["a", "b"])
  }

  @Test(arguments: [
    (
      ["c", "--epoch", "3"],
      UsageError.unknownOption("--epoch", command: "fit", suggestion: "--epochs")
    ),
    (["c", "--zzz"], .unknownOption("--zzz", command: "fit", suggestion: nil)),
    (["c", "--epochs"], .missingValue(option: "--epochs", placeholder: "N")),
    (["c", "--epochs", "--quiet"], .missingValue(option: "--epochs", placeholder: "N")),
    (["c", "--quiet=yes"], .unexpectedValue(option: "--quiet")),
    (["c", "--epochs", "1", "--epochs", "2"], .repeatedOption("--epochs")),
    (["c", "d", "e"], .unexpectedArgument("e", command: "fit")),
    ([], .missingArgument("CONFIG", command: "fit")),
  ])
  func errors(arguments: [String], error: UsageError) {
    #expect(throws: error) { try parse(arguments) }
  }

  @Test func badNumbers() throws {
    #expect(
      throws: UsageError.invalidValue(
        option: "--epochs", value: "ten", expected: "a whole number")
    ) {
      try parse(["c", "--epochs", "ten"]).integer("--epochs")
    }
    #expect(
      throws: UsageError.invalidValue(
        option: "--rate", value: "nan", expected: "a finite number")
    ) {
      try parse(["c", "--rate=nan"]).number("--rate")
    }
  }

  @Test func helpIsFoundBeforeDoubleDash() {
    #expect(ArgumentParser.asksForHelp(["x", "--help"]))
    #expect(ArgumentParser.asksForHelp(["-h"]))
    #expect(!ArgumentParser.asksForHelp(["--", "--help"]))
  }

  @Test func usageLineListsArgumentsAndOptions() {
    #expect(
      Example().usage == "nettrain fit CONFIG [EXTRA] [--epochs N] [--rate R] [--tag T] [--quiet]")
  }
}
