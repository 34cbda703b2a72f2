import Foundation
import Testing
import NetTrain

struct LossCurveTests {
  static let curve = LossCurve(isClassification: true, rows: [
    .init(epoch: 1, trainingLoss: 0.1 + 0.2, validationLoss: 1e-300, trainingAccuracy: 0.5,
          validationAccuracy: 0.75, seconds: 0.125),
    .init(epoch: 2, trainingLoss: 5e-324, validationLoss: nil, trainingAccuracy: 1,
          validationAccuracy: nil, seconds: 0.25),
  ])

  @Test func writesTheSpecifiedHeaderAndRoundTripNumbers() throws {
    let text = Self.curve.csvText
    let lines = text.split(separator: "\n")
    #expect(lines[0] == "epoch,train_loss,val_loss,train_accuracy,val_accuracy,seconds")
    #expect(lines[2] == "2,5e-324,,1.0,,0.25")
    let read = try LossCurve(csvText: text, path: "loss.csv")
    #expect(read.rows.map(\.trainingLoss) == [0.1 + 0.2, 5e-324])
    #expect(read.rows.map(\.validationLoss) == [1e-300, nil])
    #expect(LossCurve(isClassification: false).header == ["epoch", "train_loss", "val_loss", "seconds"])
  }

  @Test func agreementWithinToleranceAndFirstDifference() throws {
    var moved = Self.curve
    #expect(moved.firstDifference(from: Self.curve, tolerance: 0) == nil)
    moved.rows[1].trainingLoss *= 1 + 1e-12
    #expect(moved.firstDifference(from: Self.curve, tolerance: 1e-9) == nil)
    moved.rows[0].validationLoss = 2e-300
    let difference = moved.firstDifference(from: Self.curve, tolerance: 1e-9)
    #expect(difference?.hasPrefix("epoch 1, val_loss: expected 1e-300, found 2e-300") == true)
    moved.rows[0] = Self.curve.rows[0]
    moved.rows.removeLast()
    #expect(moved.firstDifference(from: Self.curve, tolerance: 1e-9)?.hasPrefix("epoch 2") == true)
  }

  @Test func malformedCurvesAreLocatedErrors() {
    #expect(throws: LossCurveError.self) { try LossCurve(csvText: "", path: "x.csv") }
    do {
      _ = try LossCurve(csvText: "epoch,train_loss,val_loss,seconds\n1,abc,,0\n", path: "x.csv")
      Issue.record("no error")
    } catch {
      #expect("\(error)" == "x.csv:2: train_loss: expected a number, found \"abc\"")
    }
  }
}
