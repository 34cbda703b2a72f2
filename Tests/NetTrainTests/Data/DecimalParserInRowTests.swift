import Foundation
import Testing

@testable import NetTrain

/// A number inside a row (with bytes after it, as the CSV fast path reads it) scans to the same
/// value and the same end as the number alone, and as `Double(String)` and `Float(String)`.
/// Short numbers with at least 17 bytes from their start to the end of the buffer take an
/// eight-bytes-at-a-time path that a number alone in its buffer never takes.
@Suite struct DecimalParserInRowTests {
  /// The value of the number at `offset` in `row` and where it ends, as the fast path reads it.
  private func scan<Scalar: DecimalConvertible>(
    _ row: [UInt8], at offset: Int, as _: Scalar.Type
  ) -> (Scalar, Int)? {
    row.withUnsafeBufferPointer { bytes in
      guard let (scan, end) = DecimalParser.Scan.prefix(of: bytes, from: offset) else { return nil }
      let text = UnsafeBufferPointer(rebasing: bytes[offset..<end])
      guard let value = Scalar(fastPath: scan) ?? Scalar(exactly: text) else { return nil }
      return (value, end)
    }
  }

  private func randomNumber(_ generator: inout SeededGenerator) -> String {
    func digits(_ count: Int) -> String {
      String((0..<count).map { _ in Character(String(generator.nextIndex(below: 10))) })
    }
    var text = ["", "-", "+"][generator.nextIndex(below: 3)]
    let integerDigits = generator.nextIndex(below: 10)
    text += digits(integerDigits)
    if integerDigits == 0 || generator.nextIndex(below: 4) > 0 {
      text += "." + digits(max(generator.nextIndex(below: 10), integerDigits == 0 ? 1 : 0))
    }
    if generator.nextIndex(below: 8) == 0 {
      let exponent = generator.nextIndex(below: 41) - 20
      text += ["e", "E"][generator.nextIndex(below: 2)] + String(exponent)
    }
    return text
  }

  /// Bytes that end a number, then anything: the next field, a line break, padding of any
  /// length (so that the 17-byte boundary falls everywhere).
  private func randomRow(
    around number: String, _ generator: inout SeededGenerator
  ) -> ([UInt8], Int) {
    let before = Array("1.5,".utf8.prefix(generator.nextIndex(below: 5)))
    let ends = [",", "\n", "\r\n", " ", "x", "\"", ",-0.25,"]
    let after = ends[generator.nextIndex(below: ends.count)]
    let padding = String(repeating: "7,", count: generator.nextIndex(below: 12))
    return (before + Array((number + after + padding).utf8), before.count)
  }

  @Test func randomNumbersInRowsReadAsTheyDoAlone() {
    var generator = SeededGenerator(seed: 17)
    for _ in 0..<200_000 {
      let number = randomNumber(&generator)
      let (row, offset) = randomRow(around: number, &generator)
      let end = offset + number.utf8.count
      let double = scan(row, at: offset, as: Double.self)
      let float = scan(row, at: offset, as: Float.self)
      if double?.0.bitPattern != Double(number)?.bitPattern || double?.1 != end
        || float?.0.bitPattern != Float(number)?.bitPattern || float?.1 != end
      {
        let shown = String(decoding: row, as: UTF8.self).debugDescription
        let results = "\(String(describing: double)), \(String(describing: float))"
        Issue.record("\(number) in \(shown): \(results)")
        return
      }
    }
  }

  @Test(arguments: [
    "0", "-0", "-0.0", "+7", "5.", "-5.", "1234567", "12345678", "1234567.1234567",
    "1234567.12345678", "0.0000001", "9999999.9999999", "-0.535669", "0.125730", "1.5e3",
    "1.5E-3", "5.e2", "00000001.5", "1.2345678", "12345.678", "1.23456789", "-1.234567890123456",
    "1234567.12345678901", "0.12345678901234", "9.9999999e1", "1234567.",
  ])
  func shapesAroundTheShortPathsLimits(_ number: String) {
    for padding in 0..<24 {
      let row = Array((number + "," + String(repeating: "9", count: padding)).utf8)
      let double = scan(row, at: 0, as: Double.self)
      #expect(double?.0.bitPattern == Double(number)?.bitPattern, "\(number) + \(padding)")
      #expect(double?.1 == number.utf8.count, "\(number) + \(padding)")
      #expect(double?.0.sign == Double(number)?.sign)
    }
  }

  @Test(arguments: ["-", "+", ".", "-.", "e5", "+-1", "--1", "x1"])
  func notANumberInARowIsNotOne(_ text: String) {
    let row = Array((text + ",1234567890123456789").utf8)
    #expect(scan(row, at: 0, as: Double.self) == nil, "\(text)")
  }
}
