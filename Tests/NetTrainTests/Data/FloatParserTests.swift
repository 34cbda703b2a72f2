import Foundation
import Testing

@testable import NetTrain

/// Read as `Float`, decimal text gives what `Float(String)` gives, bit for bit: rounded once
/// from the decimal, never through a `Double`.
@Suite struct FloatParserTests {
  private func parse(_ text: String) -> Float? {
    Array(text.utf8).withUnsafeBufferPointer { DecimalParser.value($0, as: Float.self) }
  }

  private func expectSameAsSwift(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let expected = Float(text)
    let parsed = parse(text)
    #expect(
      parsed != nil && parsed?.bitPattern == expected?.bitPattern,
      "\(text): \(String(describing: parsed)) != \(String(describing: expected))",
      sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    "0", "-0", "0.1", "0.125730", "-0.535669", "16777216", "16777217", "16777219",
    "3.4028235e38", "3.4028236e38", "1e38", "1e39", "-1e39", "1.17549435e-38", "1e-45",
    "7e-46", "1e-50", "1e10", "1e11", "1e-10", "1e-11", "123456789012", "0.000001",
    // 1 + 2^-24 (halfway between 1 and the next float) and decimals a hair either side:
    // rounding through a double would round these twice.
    "1.000000059604644775390625", "1.000000059604644775390624", "1.000000059604644775390626",
    "1.0000000596046448", "1.0000000596046447", "9007199254740993", "9007199254740992e-20",
    "33554433", "33554431e-3", "1.00000005960464477539062500000001",
  ])
  func edgeCases(_ text: String) {
    expectSameAsSwift(text)
  }

  /// Floats' midpoints written out to 17 significant digits: a double lands on the midpoint
  /// or next to it, and the float must not follow the double's rounding blindly.
  @Test func nearMidpointsMatchFloatFromString() {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<20_000 {
      let float = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()) & 0x7F7F_FFFF)
      guard float.isFinite, float.isNormal else { continue }
      let midpoint = (Double(float) + Double(float.nextUp)) / 2
      for text in ["\(midpoint)", String(format: "%.16e", midpoint), String(format: "%.8e", midpoint)] {
        if parse(text)?.bitPattern != Float(text)?.bitPattern {
          Issue.record("\(text): \(String(describing: parse(text))) vs \(String(describing: Float(text)))")
          return
        }
      }
    }
  }

  /// Random decimal strings of every shape, as for doubles.
  @Test func randomDecimalStringsMatchFloatFromString() {
    var generator = SeededGenerator(seed: 2025)
    func digits(_ count: Int) -> String {
      String((0..<count).map { _ in Character(String(generator.nextIndex(below: 10))) })
    }
    for _ in 0..<100_000 {
      var text = ["", "-", "+"][generator.nextIndex(below: 3)]
      let integerDigits = generator.nextIndex(below: 20)
      let fractionDigits = generator.nextIndex(below: 20)
      text += digits(integerDigits)
      if fractionDigits > 0 || integerDigits == 0 || generator.nextIndex(below: 4) == 0 {
        text += "." + digits(max(fractionDigits, integerDigits == 0 ? 1 : 0))
      }
      if generator.nextIndex(below: 2) == 0 {
        text += "e" + String(generator.nextIndex(below: 101) - 50)
      }
      if parse(text)?.bitPattern != Float(text)?.bitPattern {
        Issue.record("\(text): \(String(describing: parse(text))) vs \(String(describing: Float(text)))")
        return
      }
    }
  }
}
