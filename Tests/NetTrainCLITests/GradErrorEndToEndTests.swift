import Testing

/// `nettrain grad` on bad input: exit status 2, one line on standard error, nothing on
/// standard output.
@Suite struct GradErrorEndToEndTests {
  @Test(arguments: [
    // Syntax, with the column.
    (["(x + 1", "--at", "x=1"], "expression:1:7: expected \")\" to close the \"(\" at column 1"),
    (["x +* 2", "--at", "x=1"], "expression:1:4: expected a number, a variable"),
    (["2x", "--at", "x=1"], "expression:1:2: expected an operator"),
    (["x ** 2", "--at", "x=1"], "expression:1:3: \"**\" is not an operator"),
    (["x # 2", "--at", "x=1"], "expression:1:3: unexpected character \"#\""),
    (["x)", "--at", "x=1"], "expression:1:2: unexpected \")\""),
    (["", "--at", "x=1"], "expression:1:1: expected a number"),
    // Names.
    (
      ["sinh(x)", "--at", "x=1"], "expression:1:1: unknown function \"sinh\"; did you mean \"sin\"?"
    ),
    (["x + sin x", "--at", "x=1"], "expression:1:5: sin is a function"),
    (["pi(x)", "--at", "x=1"], "expression:1:1: pi is a constant, not a function"),
    // The point.
    (["x + y", "--at", "x=1"], "--at: no value for y"),
    (["x", "--at", "x=1,y=2"], "--at: the expression does not use y"),
    (["x", "--at", "x=abc"], "--at: the value of x, 'abc', is not a number"),
    (["x", "--at", "x"], "--at: 'x' is not NAME=VALUE"),
    (["x", "--at", "x=1,x=2"], "--at: x is given twice"),
    (["x"], "grad needs --at"),
    (["2 + 3", "--at", "x=1"], "has no variables"),
    // Domains, at the function or operator.
    (["1 + log(x)", "--at", "x=-1"], "expression:1:5: log(-1) is undefined"),
    (["ln(x)", "--at", "x=0"], "expression:1:1: ln(0) is undefined"),
    (["sqrt(x)", "--at", "x=-1"], "expression:1:1: sqrt(-1) is undefined"),
    (["1/x", "--at", "x=0"], "expression:1:2: division by zero"),
    (["x^0.5", "--at", "x=-2"], "expression:1:2: (-2) ^ 0.5 is not a real number"),
    (["x^y", "--at", "x=-2,y=1"], "expression:1:2: (-2) ^ 1 is undefined"),
    (["exp(x)", "--at", "x=1000"], "expression:1:1: exp(1000) is inf"),
    (["sqrt(x)", "--at", "x=0"], "expression:1:1: sqrt(0) has no finite derivative"),
    // Options.
    (["x", "--at", "x=1", "--jsn"], "unknown option '--jsn' for 'grad'; did you mean '--json'?"),
    (["x", "--at"], "--at needs a value"),
    (["x", "--at", "x=1", "--json", "--trace"], "--json and --trace cannot be used together"),
    (["x", "y", "--at", "x=1"], "unexpected argument 'y'"),
  ])
  func rejects(arguments: [String], message: String) throws {
    let run = try NetTrainBinary.run(["grad"] + arguments)
    run.expectUsageError(containing: message)
  }

  @Test func tooDeepNestingIsAnErrorNotACrash() throws {
    let nested = String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    try NetTrainBinary.run(["grad", nested, "--at", "x=1"])
      .expectUsageError(containing: "nests more than")
    let long = Array(repeating: "x", count: 5_000).joined(separator: "+")
    try NetTrainBinary.run(["grad", long, "--at", "x=1"])
      .expectUsageError(containing: "operations deep")
  }
}
