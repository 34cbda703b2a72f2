/// `nettrain grad EXPR --at NAME=VALUE[,...]`: an expression's value and derivatives,
/// computed by the autodiff engine.
struct GradCommand: Command {
  let name = "grad"
  let summary = "Evaluate an expression and its derivatives with the autodiff engine."
  let usage =
    "nettrain grad EXPR --at NAME=VALUE[,NAME=VALUE...] [--json] [--trace] [--hessian]"

  let positionals = [
    Positional("EXPR", help: "The expression, in quotes: \"ln(x1) + x1*x2 - sin(x2)\".")
  ]

  let options: [Option] = [
    .value(
      "--at", placeholder: "NAME=VALUE[,...]",
      help: "The point: a number for every variable of EXPR (may be repeated).",
      isRepeatable: true),
    .flag("--json", help: "Print one JSON object instead of lines."),
    .flag(
      "--trace",
      help: "First print the forward primal and reverse adjoint traces (not with --json)."),
    .flag("--hessian", help: "Also print the second derivatives (reverse over reverse)."),
  ]

  let discussion = """
    EXPR is made of numbers (2, 0.5, .5, 1e-3), variables ([A-Za-z_][A-Za-z0-9_]*),
    + - * / ^, parentheses, unary minus, the functions exp ln log sqrt sin cos tan tanh
    sigmoid relu abs softplus (log is the natural logarithm, as ln) and the constants pi
    and e. ^ binds tighter than unary minus and groups to the right: -x^2 is -(x^2) and
    2^3^2 is 2^9. A power with a variable exponent, x^y, is exp(y*ln(x)) and needs x > 0.

    Output: "f = VALUE", then "df/dNAME = VALUE" for each variable in the order of --at;
    with --hessian, "d2f/dAdB = VALUE" for every pair of variables, row by row. Exact
    integers print without a fractional part (85); other numbers in the shortest form that
    reads back to the same Double (0.6931471805599453, 1e-05). --json prints one object:
    {"value": V, "gradient": {"NAME": V, ...}, "hessian": {"NAME": {"NAME": V, ...}, ...}}.

    --hessian differentiates the recorded backward pass again (reverse over reverse), never
    by finite differences. --trace prints the engine's graph as the tables of the lecture
    notes: the variables are v_{1-n}..v_0, each op v_1, v_2, ...; then the adjoints from
    the output back, each v̄_i = sum of v̄_j * ∂v_j/∂v_i over the ops v_j using v_i.

    Errors (exit status 2, nothing printed on standard output): a syntax error, an unknown
    function, a variable of EXPR missing from --at or one not in EXPR, a value outside a
    function's domain (ln or log of x <= 0, sqrt of x < 0, division by zero, a result or a
    derivative that is not finite).
    """

  let examples = [
    Example(
      commandLine: "nettrain grad \"3*x^2 + 2*x\" --at x=5",
      result: "f = 85\ndf/dx = 32"),
    Example(
      commandLine: "nettrain grad \"ln(x1) + x1*x2 - sin(x2)\" --at x1=2,x2=5 --trace",
      result: "(the traces), then\nf = 11.652071455223084\ndf/dx1 = 5.5\n"
        + "df/dx2 = 1.7163378145367738"),
    Example(
      commandLine: "nettrain grad \"x^3*y\" --at x=2,y=1 --hessian --json",
      result: "{\"value\": 8, \"gradient\": {\"x\": 12, \"y\": 8}, "
        + "\"hessian\": {\"x\": {\"x\": 12, \"y\": 12}, \"y\": {\"x\": 12, \"y\": 0}}}"),
  ]

  func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let json = arguments.flag("--json")
    let trace = arguments.flag("--trace")
    if json && trace { throw UsageError.conflictingOptions("--json", "--trace") }
    guard let source = arguments.positional(0) else {
      throw UsageError.missingArgument("EXPR", command: name)
    }
    let expression = try ExpressionParser.parse(source)
    let point = try point(for: expression, from: arguments.allValues("--at"), source: source)
    let graph = try ExpressionGraph(expression, at: point)
    let derivatives = try Derivatives(of: graph, hessian: arguments.flag("--hessian"))
    let report = GradReport(names: point.names, derivatives: derivatives)
    if trace {
      terminal.print(lines: GradientTrace(graph: graph, adjoints: derivatives.adjoints).lines)
      terminal.print()
    }
    terminal.print(lines: json ? [report.json] : report.lines)
    return 0
  }

  /// The point from the `--at` values, checked against the expression's variables.
  private func point(
    for expression: Expression, from specifications: [String], source: String
  ) throws -> EvaluationPoint {
    let variables = expression.variables
    guard !variables.isEmpty else {
      throw ExpressionError(at: nil, "\"\(source)\" has no variables to differentiate")
    }
    guard !specifications.isEmpty else {
      let pairs = variables.map { "\($0)=VALUE" }.joined(separator: ",")
      throw UsageError.missingOption(
        "--at", command: name, detail: "give a value for every variable: --at \(pairs)")
    }
    let point = try EvaluationPoint(parsing: specifications)
    try point.check(against: variables)
    return point
  }
}
