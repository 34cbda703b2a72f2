import Autograd
import Testing

@testable import NetTrain

/// The trainer replays a compiled step; it must give, to the bit, what running the ops one by
/// one and the engine's `backward()` give: the same loss, logits and gradients each step, and
/// so the same weights after training.
@Suite struct CompiledStepTests {
  static var models: [(ModelKind, TaskKind, LabeledData<Double>)] { [
    (.linear, .regression, Fixtures.houses(rows: 23, noise: 1, seed: 1)),
    (.logistic, .binary, Fixtures.blobs(perClass: 12, seed: 2).binaryFirstClass()),
    (.mlp(hidden: [5, 4], activation: .tanh), .multiclass(classes: 3), Fixtures.blobs(perClass: 8, seed: 3)),
    (.mlp(hidden: [6], activation: .relu), .regression, Fixtures.houses(rows: 19, noise: 1, seed: 4)),
  ] }

  @Test(arguments: 0..<4)
  func aStepGivesTheEagerLossLogitsAndGradients(_ index: Int) {
    let (kind, task, data) = Self.models[index]
    let model = Model<Double>(
      kind, inputs: data.features.shape.columns, task: task,
      featureScaling: Standardizer(fittedTo: data.features), seed: 7)
    let prepared = model.prepared(data)
    let store = ParameterStore(model.parameters)
    for rows in [[3, 1, 4, 1, 5], [9, 2, 6, 5, 3], [5, 8]] {  // the last: another batch size
      let step = CompiledStep(model: model, batchSize: rows.count, store: store, threads: 1)
      rows.withUnsafeBufferPointer { rows in
        prepared.withSource { step.load(rows: rows, from: $0) }
      }
      step.run()
      for parameter in model.parameters { parameter.zeroGrad() }
      let logits = withGrad { model.network(prepared.features.rows(at: rows)) }
      let loss = withGrad { model.loss(logits, prepared.targets(at: rows)) }
      loss.backward()
      #expect(step.loss == loss.item)
      #expect(Array(step.logits) == logits.scalars)
      for (position, parameter) in model.parameters.enumerated() {
        #expect(Array(step.gradient(position)) == parameter.grad?.scalars)
      }
    }
  }

  /// With momentum 0.9 the optimizer updates every parameter after the run; with none, the
  /// weights' steps are taken inside their gradients' products (`updatesInPlace`).
  @Test(arguments: 0..<4, [0.9, 0])
  func trainingGivesTheWeightsOfTheEagerLoop(_ index: Int, momentum: Double) {
    let (kind, task, data) = Self.models[index]
    func freshModel() -> Model<Double> {
      var targetScaling: Standardizer<Double>?
      if case .values(let values) = data.targets { targetScaling = Standardizer(fittedTo: values) }
      return Model<Double>(
        kind, inputs: data.features.shape.columns, task: task,
        featureScaling: Standardizer(fittedTo: data.features), targetScaling: targetScaling,
        seed: 8)
    }
    let options = TrainingOptions(epochs: 3, batchSize: 4, shuffle: false)
    let optimizer = SGD<Double>(learningRate: 0.05, momentum: momentum)
    let compiled = freshModel()
    _ = Trainer(options: options, optimizer: optimizer).fit(compiled, on: data)
    // The loop written out with eager ops, the engine's backward() and the optimizer's step.
    let eager = freshModel()
    let prepared = eager.prepared(data)
    var rule = optimizer
    for _ in 0..<options.epochs {
      for start in stride(from: 0, to: data.count, by: options.batchSize) {
        let rows = Array(start..<min(start + options.batchSize, data.count))
        let loss = withGrad {
          eager.loss(
            eager.network(prepared.features.rows(at: rows)), prepared.targets(at: rows))
        }
        for parameter in eager.parameters { parameter.zeroGrad() }
        loss.backward()
        rule.step(eager.parameters)
      }
    }
    #expect(Fixtures.values(of: compiled) == Fixtures.values(of: eager))
    #expect(Fixtures.values(of: compiled) != Fixtures.values(of: freshModel()))
  }
}

/// The run's last step releases the other compiled steps before it is compiled, so that the
/// last, shorter batch compiles in their memory.
@Test func theLastStepReleasesTheOthers() {
  let model = Model<Double>(.mlp(hidden: [3], activation: .tanh), inputs: 2, task: .binary, seed: 1)
  let compiled = CompiledTraining(model: model, threads: 1)
  let full = compiled.step(forBatchOf: 8)
  #expect(compiled.step(forBatchOf: 8) === full)
  _ = compiled.step(forBatchOf: 5)
  #expect(compiled.steps.map(\.batchSize) == [8, 5])
  let last = compiled.step(forBatchOf: 5, isLast: true)
  #expect(compiled.steps.map(\.batchSize) == [5] && compiled.steps.first === last)
  _ = compiled.step(forBatchOf: 3, isLast: true)
  #expect(compiled.steps.map(\.batchSize) == [3])
}

extension LabeledData<Double> {
  /// Class 0 against the rest, as 0/1 values.
  fileprivate func binaryFirstClass() -> LabeledData<Double> {
    guard case .classes(let classes) = targets else { return self }
    return LabeledData(features: features, targets: .classes(classes.map { $0 == 0 ? 1 : 0 }))
  }
}

@Suite struct CompiledStepListingTests {
  /// A logistic regression step: the product, the bias, the loss and its gradients, with
  /// every transpose folded into a product and nothing the outputs do not need.
  @Test func aLogisticStepIsAShortProgram() {
    let model = Model<Double>(.logistic, inputs: 3, task: .binary, seed: 1)
    let step = CompiledStep(
      model: model, batchSize: 4, store: ParameterStore(model.parameters), threads: 1)
    let listing = step.program.description
    #expect(!listing.contains("transpose"))
    #expect(listing.contains("matmul(in0ᵀ"))  // dW = Xᵀ·G
    #expect(step.program.instructionCount <= 16, "\(listing)")
  }

  /// A tanh network's step under plain SGD: each layer forward is one instruction, and each
  /// weight's descent step is taken inside the product of its gradient; the biases (whose
  /// gradients are sums) are left to the optimizer.
  @Test func aTanhNetworkStepFusesItsLayersAndItsWeightSteps() {
    let model = Model<Double>(
      .mlp(hidden: [16, 16], activation: .tanh), inputs: 2, task: .binary, seed: 1)
    let step = CompiledStep(
      model: model, batchSize: 32, store: ParameterStore(model.parameters), threads: 1,
      descentRate: 0.1)
    let listing = step.program.description
    #expect(listing.components(separatedBy: "tanh_matmul_add_row").count - 1 == 2, "\(listing)")
    #expect(listing.components(separatedBy: "matmul_descent 0.1").count - 1 == 3, "\(listing)")
    #expect(listing.components(separatedBy: "matmul_mul_1-y²").count - 1 == 2, "\(listing)")
    #expect(!listing.contains("broadcast") && !listing.contains("1.0 sub"), "\(listing)")
    #expect(step.updatesInPlace == [true, false, true, false, true, false])
  }
}
