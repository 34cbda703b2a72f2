import Autograd

/// One training step for batches of a fixed size — forward pass, loss and the engine's
/// backward sweep — recorded once and compiled into a `Program`, so that every later step
/// replays it on preallocated memory: no graph, no allocation.
///
/// The gradients are the engine's: the sweep runs with `createGraph: true`, so each op's
/// pullback records the ops it is made of, and those are what the program replays. The
/// batch (features and loss targets) is an input of the program, written row by row before
/// each run; the parameters are inputs bound to a `ParameterStore`.
@usableFromInline
final class CompiledStep<Scalar: TensorScalar> {
  @usableFromInline let program: Program<Scalar>
  /// Rows per batch.
  @usableFromInline let batchSize: Int

  /// Inputs of the program, in order.
  @usableFromInline static var featuresInput: Int { 0 }
  @usableFromInline static var targetsInput: Int { 1 }
  /// Outputs of the program: the loss, the logits, then one gradient per parameter.
  @usableFromInline static var lossOutput: Int { 0 }
  @usableFromInline static var logitsOutput: Int { 1 }

  /// For each parameter, whether a run also updates it (`descentRate`): the optimizer
  /// must then leave it alone.
  @usableFromInline let updatesInPlace: [Bool]

  /// Records a step of `model` on a batch of `batchSize` rows and compiles it, reading the
  /// parameters from `store`.
  /// - Parameter descentRate: when set, every run also takes the plain gradient descent step
  ///   `w -= descentRate · gradient` on each parameter whose gradient is a matrix product
  ///   (the weights), inside that product (see `Program.subtract(_:timesOutput:fromInput:)`).
  @usableFromInline
  init(
    model: Model<Scalar>, batchSize: Int, store: ParameterStore<Scalar>, threads: Int,
    descentRate: Scalar? = nil
  ) {
    let features = Tensor<Scalar>.zeros(.matrix(batchSize, model.inputs))
    let targets = Tensor<Scalar>.zeros(.matrix(batchSize, model.task.outputs))
    // Tracked, so that everything computed from the batch is a recorded op, never a constant.
    features.requiresGrad = true
    targets.requiresGrad = true
    let parameters = model.parameters
    let (logits, loss) = withGrad {
      let logits = model.network(features)
      return (logits, model.loss(logits, targets))
    }
    let adjoints = loss.adjoints(createGraph: true)
    let gradients = parameters.map { adjoints[$0] ?? Tensor.zeros($0.shape) }
    var bindings: [Int: UnsafeMutablePointer<Scalar>] = [:]
    for index in parameters.indices {
      bindings[2 + index] = store.buffer(index).baseAddress
    }
    program = Program(
      inputs: [features, targets] + parameters, outputs: [loss, logits] + gradients,
      threads: threads, bindings: bindings)
    updatesInPlace = parameters.indices.map { [program] index in
      guard let descentRate else { return false }
      return program.subtract(descentRate, timesOutput: 2 + index, fromInput: 2 + index)
    }
    self.batchSize = batchSize
  }

  /// Writes the batch made of `rows` of the data into the program's inputs (the features on
  /// as many threads as the program's products may use, when the data is large).
  @inlinable
  func load(rows: UnsafeBufferPointer<Int>, from source: PreparedData<Scalar>.Source) {
    precondition(rows.count == batchSize, "\(rows.count) rows for a step of \(batchSize)")
    source.gather(
      rows, into: program.input(CompiledStep.featuresInput), threads: program.threads)
    source.writeTargets(of: rows, into: program.input(CompiledStep.targetsInput))
  }

  /// Runs the step: loss, logits and gradients for the loaded batch.
  @inlinable
  func run() { program.run() }

  /// The batch's mean loss after `run()`.
  @inlinable
  var loss: Scalar { program.output(CompiledStep.lossOutput)[0] }

  /// The batch's logits after `run()`, `[batchSize, outputs]` row-major.
  @inlinable
  var logits: UnsafeBufferPointer<Scalar> { program.output(CompiledStep.logitsOutput) }

  /// The gradient of parameter `index` after `run()`; undefined for a parameter the run
  /// updates in place (`updatesInPlace`), whose gradient is not kept.
  @inlinable
  func gradient(_ index: Int) -> UnsafeBufferPointer<Scalar> { program.output(2 + index) }
}
