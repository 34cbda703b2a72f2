import Foundation
import Testing

/// `nettrain grad --trace`: the forward primal trace and the reverse adjoint trace.
@Suite struct GradTraceEndToEndTests {
  /// One table of the trace, each row's cells split at ` = ` with padding removed.
  private func table(_ title: String, in run: NetTrainBinary.Run) throws -> [[String]] {
    let lines = run.outputLines
    let start = try #require(lines.firstIndex(of: title), "no \(title) in \(run.standardOutput)")
    return lines[(start + 1)...].prefix { !$0.isEmpty }.map { line in
      line.components(separatedBy: " = ").map { $0.trimmingCharacters(in: .whitespaces) }
    }
  }

  @Test func lectureExampleTables() throws {
    let run = try NetTrainBinary.run(
      ["grad", "ln(x1) + x1*x2 - sin(x2)", "--at", "x1=2,x2=5", "--trace"])
    run.expectSuccess()

    let forward = try table("Forward primal trace:", in: run)
    #expect(forward.count == 8)  // two inputs, five ops, f
    #expect(forward.prefix(2) == [["v_-1", "x1", "2"], ["v_0", "x2", "5"]])
    let byOperation = Dictionary(forward.map { ($0[1], $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byOperation["log(v_-1)"].flatMap { Double($0[2]) } == log(2))
    #expect(byOperation["v_-1 * v_0"]?[2] == "10")
    #expect(byOperation["sin(v_0)"].flatMap { Double($0[2]) } == sin(5))
    let output = try #require(forward.last)
    #expect(output[0] == "f" && output[1] == "v_5")
    #expect(isClose(try #require(Double(output[2])), log(2) + 10 - sin(5)))

    let reverse = try table("Reverse adjoint trace:", in: run)
    #expect(reverse.count == 7)  // every v_i, from the output back to the inputs
    #expect(reverse.first == ["v\u{0304}_5", "f\u{0304}", "1"])
    #expect(reverse.suffix(2).map { $0[0] } == ["v\u{0304}_0", "v\u{0304}_-1"])
    let x2Bar = try #require(reverse.first { $0[0] == "v\u{0304}_0" })
    #expect(x2Bar[1] == "v\u{0304}_4 * ∂v_4/∂v_0 + v\u{0304}_2 * ∂v_2/∂v_0")
    #expect(isClose(try #require(Double(x2Bar[3])), 2 - cos(5)))
    #expect(reverse.last?.last == "5.5")

    // The results follow the trace.
    #expect(
      run.outputLines.suffix(3) == [
        "f = 11.652071455223084", "df/dx1 = 5.5",
        "df/dx2 = 1.7163378145367738",
      ])
  }

  @Test func constantsAppearByValueAndReusedInputsAddUp() throws {
    let run = try NetTrainBinary.run(["grad", "3*x*x", "--at", "x=2", "--trace"])
    run.expectSuccess()
    let forward = try table("Forward primal trace:", in: run)
    #expect(
      forward.map { Array($0.prefix(2)) } == [
        ["v_0", "x"], ["v_1", "3 * v_0"], ["v_2", "v_1 * v_0"], ["f", "v_2"],
      ])
    let reverse = try table("Reverse adjoint trace:", in: run)
    // x feeds two ops: both pathways add up, 3x + 3x = 12.
    #expect(
      reverse.last == [
        "v\u{0304}_0", "v\u{0304}_2 * ∂v_2/∂v_0 + v\u{0304}_1 * ∂v_1/∂v_0", "1 * 6 + 2 * 3", "12",
      ])
  }
}
