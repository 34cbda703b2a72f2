import Foundation
import Testing

@testable import NetTrain

/// The byte-level number parser agrees with `Double(String)` bit for bit.
@Suite struct DecimalParserTests {
  private func parse(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
  }

  private func classify(_ text: String) -> NumericField {
    Array(text.utf8).withUnsafeBufferPointer { NumericField($0) }
  }

  private func expectSameAsSwift(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let expected = Double(text)
    let parsed = parse(text)
    #expect(parsed != nil, "\(text) should parse", sourceLocation: sourceLocation)
    #expect(
      parsed?.bitPattern == expected?.bitPattern,
      "\(text): \(String(describing: parsed)) != \(String(describing: expected))",
      sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    "0", "-0", "+0", "0.0", "-0.0", "1e-300", ".5", "5.", "+3", "1E5", "1e+5", "-1e-5",
    "0.1", "0.2", "0.3", "123.456", "007", "1e22", "1e23", "9007199254740992",
    "9007199254740993", "9007199254740995", "12345678901234567890",
    "123456789012345678901234567890", "0.30000000000000004", "2.2250738585072014e-308",
    "2.2250738585072011e-308", "4.9e-324", "5e-324", "2.4703282292062327e-324",
    "2.4703282292062328e-324", "1e-400", "-1e-400", "1.7976931348623157e308",
    "1.7976931348623158e308", "1e400", "-1e400", "8.98846567431158e307",
    "0.000000000000000000000000000000000000001", "1e-0", "1e-22", "1e-23", "3.14159265358979323846",
    "00000000000000000000000000001.5", "1.00000000000000000000000000000000001",
    "100000000000000000000000000000000000000000e-30", "7e0000000000000000000000022",
  ])
  func edgeCases(_ text: String) {
    expectSameAsSwift(text)
  }

  @Test func aVeryLongNumberGoesThroughTheSlowPath() {
    expectSameAsSwift("0." + String(repeating: "0", count: 400) + "123456789e400")
    expectSameAsSwift(String(repeating: "9", count: 500))
  }

  @Test func negativeZeroKeepsItsSign() {
    #expect(parse("-0")?.sign == .minus)
    #expect(parse("-0.000e5")?.sign == .minus)
    #expect(parse("0")?.sign == .plus)
  }

  @Test(arguments: [
    "", "+", "-", ".", "+.", "e5", ".e5", "1e", "1e+", "1e-", "1.2.3", "0x10", "1_000",
    "1 2", " 1", "1 ", "inf", "nan", "Infinity", "--1", "+-1", "1e5.5", "1,5", "١", "1d5",
  ])
  func rejects(_ text: String) {
    #expect(parse(text) == nil, "\(text) should not parse")
  }

  /// Random decimal strings of every shape: short and long significands, with and without a
  /// point, with exponents from far below to far above a double's range.
  @Test func randomDecimalStringsMatchDoubleFromString() {
    var generator = SeededGenerator(seed: 2024)
    func digits(_ count: Int) -> String {
      String((0..<count).map { _ in Character(String(generator.nextIndex(below: 10))) })
    }
    for _ in 0..<100_000 {
      var text = ["", "-", "+"][generator.nextIndex(below: 3)]
      let integerDigits = generator.nextIndex(below: 22)
      let fractionDigits = generator.nextIndex(below: 22)
      text += digits(integerDigits)
      if fractionDigits > 0 || integerDigits == 0 || generator.nextIndex(below: 4) == 0 {
        text += "." + digits(max(fractionDigits, integerDigits == 0 ? 1 : 0))
      }
      if generator.nextIndex(below: 2) == 0 {
        let exponent =
          generator.nextIndex(below: 2) == 0
          ? generator.nextIndex(below: 61) - 30 : generator.nextIndex(below: 701) - 350
        text += (generator.nextIndex(below: 2) == 0 ? "e" : "E") + String(exponent)
      }
      let expected = Double(text)
      let parsed = parse(text)
      if parsed?.bitPattern != expected?.bitPattern {
        let swift = String(describing: expected)
        Issue.record("\(text): parsed \(String(describing: parsed)), Double(String) \(swift)")
        return
      }
    }
  }

  /// Doubles printed in their shortest round-trip form (up to 17 digits) read back exactly.
  @Test func randomDoublesRoundTrip() {
    var generator = SeededGenerator(seed: 99)
    for _ in 0..<50_000 {
      let value = Double(bitPattern: generator.next())
      guard value.isFinite else { continue }
      let text = "\(value)"
      if parse(text)?.bitPattern != value.bitPattern {
        Issue.record("\(text) did not round trip")
        return
      }
    }
  }

  // MARK: - Classifying fields

  @Test func spacesAndTabsAroundANumberAreAllowed() {
    #expect(classify(" \t-2.5\t ") == .number(-2.5))
    #expect(classify("2 .5") == .invalid)
  }

  @Test func classifiesWhatIsNotANumber() {
    #expect(classify("") == .empty)
    #expect(classify(" \t ") == .empty)
    for marker in [
      "NA", "na", "N/A", "NaN", "nan", "-NaN", "null", "NULL", "None", "?", "#N/A", "<NA>",
    ] {
      #expect(classify(marker) == .missing, "\(marker)")
    }
    for marker in ["inf", "INF", "-inf", "+inf", "Infinity", "-infinity"] {
      #expect(classify(marker) == .infinite, "\(marker)")
    }
    #expect(classify("1e309") == .outOfRange)
    #expect(classify("-1e309") == .outOfRange)
    #expect(classify("1e-400") == .number(0))
    #expect(classify("abc") == .invalid)
    #expect(classify("NAN!") == .invalid)
  }
}
