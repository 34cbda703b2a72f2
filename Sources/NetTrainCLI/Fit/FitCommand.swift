import Foundation
import NetTrain

/// `nettrain fit CONFIG`: reads the config and the data, trains, writes the run folder.
struct FitCommand: Command {
  let name = "fit"
  let summary = "Train the model a JSON config describes; write loss.csv, model.json, config.json."
  let usage =
    "nettrain fit CONFIG [--epochs N] [--seed N] [--out DIR] [--threads N] [--quiet] "
    + "[--expect CURVE.csv [--tolerance REL]]"

  let positionals = [Positional("CONFIG", help: "The JSON config of the run.")]

  let options: [Option] = [
    .value("--epochs", placeholder: "N", help: "Train for N epochs instead of training.epochs."),
    .value("--seed", placeholder: "N", help: "Use seed N instead of training.seed."),
    .value("--out", placeholder: "DIR", help: "Write the run folder to DIR (default runs/NAME)."),
    .value(
      "--threads", placeholder: "N",
      help: "Use at most N threads (default: every core); results are the same for any N."),
    .flag("--quiet", help: "Print nothing but errors."),
    .value(
      "--expect", placeholder: "CURVE.csv",
      help: "Compare the new loss.csv's loss columns with CURVE.csv; exit 1 if they differ."),
    .value(
      "--tolerance", placeholder: "REL",
      help: "Relative tolerance of --expect (default 1e-9)."),
  ]

  let discussion = """
    Reads CONFIG (see the README's config reference), loads and checks the data, trains with
    minibatch SGD and writes the run folder, runs/NAME/ under the current directory unless
    --out says otherwise:
      loss.csv      epoch,train_loss,val_loss[,train_accuracy,val_accuracy],seconds
      model.json    what eval and predict need: config, names, scaling, labels, weights
      config.json   the config with every default filled in
      summary.json  outcome, steps, load_seconds, train_seconds, compile_seconds and the
                    final losses

    The same config and seed give the same loss.csv (less its seconds column) and the same
    model.json, byte for byte. With --expect, the loss columns of the new curve must agree
    with CURVE.csv within the relative tolerance, or the first epoch and column that differ
    are printed and the exit status is 1 (CI pins loss values this way).

    Exit status: 0 trained; 1 training diverged (the curve so far and the last finite model
    are written) or --expect found a difference; 2 a usage, config or data error (nothing
    trained, nothing written); 130 interrupted by Ctrl-C (the files so far are written).
    """

  let examples = [
    Example(commandLine: "nettrain fit configs/house.json", result: "trains; writes runs/house/"),
    Example(
      commandLine: "nettrain fit configs/moons.json --epochs 5 --seed 1 --out /tmp/moons",
      result: "a short run with another seed"),
    Example(
      commandLine: "nettrain fit configs/house.json --quiet --expect configs/expected/house.csv",
      result: "exit 1 if the loss values moved"),
  ]

  func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    guard let path = arguments.positional(0) else {
      throw UsageError.missingArgument("CONFIG", command: name)
    }
    let request = try FitRequest(arguments, configPath: path)
    let clock = ContinuousClock()
    let loadStart = clock.now
    var data = try RunData.load(request.config, messagesRelativeTo: FitRequest.workingFolder)
    let loadSeconds = (clock.now - loadStart).seconds
    switch request.config.precision {
    case .float64:
      return try train(Double.self, &data, request, loadSeconds: loadSeconds, terminal: terminal)
    case .float32:
      return try train(Float.self, &data, request, loadSeconds: loadSeconds, terminal: terminal)
    }
  }

  /// Trains in the config's precision (standardising `data`'s features in place: the one
  /// copy of them), writes the run folder and reports.
  private func train<Scalar: TensorScalar>(
    _: Scalar.Type, _ data: inout RunData, _ request: FitRequest, loadSeconds: Double,
    terminal: Terminal
  ) throws -> Int32 {
    let progress = FitProgress(epochs: data.config.training.epochs, terminal: terminal,
                               quiet: request.quiet)
    let interruption = Interruption()
    let result = FitRun.train(
      &data, as: Scalar.self, threads: request.threads, onEpoch: progress.report,
      isInterrupted: interruption.check)
    interruption.stopListening()
    let folder = RunFolder(request.outputFolder(name: data.config.name))
    try folder.write(result, of: data, loadSeconds: loadSeconds)
    let summary = FitSummary(result: result, data: data, folder: folder, loadSeconds: loadSeconds)
    if !request.quiet { terminal.print(lines: summary.lines) }
    switch result.training.outcome {
    case .diverged(let epoch):
      terminal.printError("nettrain: error: " + summary.divergenceMessage(epoch: epoch))
      return 1
    case .interrupted(let epoch):
      let written = folder.url.displayPath
      terminal.printError("nettrain: interrupted during epoch \(epoch); wrote \(written)")
      return 130
    case .completed, .stopped:
      break
    }
    return compare(result.curve, with: request.expected, tolerance: request.tolerance, terminal)
  }

  /// Exit status of `--expect`: 0 when the curves agree (or nothing was expected), else 1.
  private func compare(
    _ curve: LossCurve, with expected: (curve: LossCurve, path: String)?, tolerance: Double,
    _ terminal: Terminal
  ) -> Int32 {
    guard let expected else { return 0 }
    guard let difference = curve.firstDifference(from: expected.curve, tolerance: tolerance) else {
      return 0
    }
    terminal.printError("nettrain: error: \(expected.path): loss curve differs: \(difference)")
    return 1
  }
}
