import Testing

/// The `nettrain` tool as a whole: help, version, unknown commands and options.
@Suite struct ToolEndToEndTests {
  @Test func help() throws {
    for flag in ["--help", "-h"] {
      let run = try NetTrainBinary.run([flag])
      run.expectSuccess()
      #expect(run.standardOutput.contains("Usage: nettrain COMMAND"))
      #expect(run.standardOutput.contains("\n  grad "))
    }
  }

  @Test func commandHelp() throws {
    for arguments in [
      ["grad", "--help"], ["grad", "-h"], ["help", "grad"], ["grad", "x", "--help"],
    ] {
      let run = try NetTrainBinary.run(arguments)
      run.expectSuccess()
      #expect(run.standardOutput.hasPrefix("Usage: nettrain grad EXPR --at NAME=VALUE"))
      #expect(run.standardOutput.contains("Examples:"))
      #expect(run.standardOutput.contains("--hessian"))
    }
  }

  @Test func version() throws {
    let run = try NetTrainBinary.run(["--version"])
    run.expectSuccess()
    #expect(run.standardOutput == "nettrain 0.1.0\n")
  }

  @Test(arguments: [
    ([String](), "no command given"),
    (["gard"], "unknown command 'gard'; did you mean 'grad'?"),
    (["frobnicate"], "unknown command 'frobnicate'; run 'nettrain --help'"),
    (["--verison"], "unknown option '--verison'; did you mean '--version'?"),
    (["help", "nope"], "unknown command 'nope'"),
  ])
  func rejects(arguments: [String], message: String) throws {
    try NetTrainBinary.run(arguments).expectUsageError(containing: message)
  }
}
