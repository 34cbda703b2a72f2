import Foundation
import Testing

@testable import NetTrainCLI

/// The tool run in-process with a captured terminal: quicker than a subprocess, for checks
/// of formatting and of error messages.
@Suite struct InProcessToolTests {
  private final class Capture {
    var output = ""
    var error = ""
  }

  private func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
    let capture = Capture()
    let terminal = Terminal(
      writeOutput: { capture.output += $0 }, writeError: { capture.error += $0 })
    let status = NetTrainTool().run(arguments, terminal: terminal)
    return (status, capture.output, capture.error)
  }

  @Test func gradPrintsValueAndGradient() {
    let result = run(["grad", "x1*x2", "--at", "x1=2", "--at", "x2=0.5"])
    #expect(result.status == 0)
    #expect(result.output == "f = 1\ndf/dx1 = 0.5\ndf/dx2 = 2\n")
    #expect(result.error.isEmpty)
  }

  @Test func thrownErrorsBecomeOneLineAndStatus2() {
    let result = run(["grad", "x", "--at", "x=1", "--bogus"])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(
      result.error == "nettrain: error: unknown option '--bogus' for 'grad'; "
        + "run 'nettrain grad --help' to see the options\n")
  }

  @Test func foundationErrorsUseTheirLocalizedDescription() {
    let error = CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "/no/such.csv"])
    let message = NetTrainTool.message(for: error)
    #expect(message.hasPrefix("/no/such.csv: "))
    #expect(!message.contains("\n"))
    #expect(
      NetTrainTool.message(for: UsageError.repeatedOption("--at")) == "--at is given more than once"
    )
  }

  @Test func numbersPrintShortestWithoutTrailingZero() {
    #expect(NumberFormat.format(85) == "85")
    #expect(NumberFormat.format(-0.0) == "0")
    #expect(NumberFormat.format(5.5) == "5.5")
    #expect(NumberFormat.format(1e-5) == "1e-05")
    #expect(NumberFormat.format(1e20) == "1e+20")
    #expect(NumberFormat.format(0.1 + 0.2) == "0.30000000000000004")
    #expect(NumberFormat.operand(-3) == "(-3)")
  }
}
