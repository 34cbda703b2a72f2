import Foundation
import NetTrain
import Testing

// The README's library example, verbatim between the markers, then checked.

@Suite struct LibraryExampleTests {
  @Test func readmeExampleTrainsEvaluatesSavesAndLoads() throws {
    // README example begins
    let x = Tensor<Double>(rows: [[0, 0], [0, 1], [1, 0], [1, 1]])
    let data = LabeledData(features: x, targets: .classes([0, 1, 1, 0]))  // XOR
    let model = Model<Double>(
      .mlp(hidden: [8], activation: .tanh), inputs: 2, task: .binary, seed: 0)
    let trainer = Trainer(
      options: TrainingOptions(epochs: 1000, batchSize: 4, seed: 0),
      optimizer: SGD(learningRate: 0.5, momentum: 0.9))
    let result = trainer.fit(model, on: data)  // result.history: one report per epoch
    let evaluation = model.evaluate(data)  // loss, accuracy, F1, ROC AUC, …
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID()).json")
    try model.write(to: file)
    let loaded = try Model<Double>(contentsOf: file)
    let probabilities = loaded.predict(x)  // P(class 1) for each row
    // README example ends

    defer { try? FileManager.default.removeItem(at: file) }
    #expect(result.outcome == .completed && result.history.count == 1000)
    #expect(evaluation.loss < 0.01)
    #expect(evaluation.classification?.accuracy == 1)
    #expect(probabilities.scalars == model.predict(x).scalars)
    #expect(loaded.predictClasses(x) == [0, 1, 1, 0])
  }
}
