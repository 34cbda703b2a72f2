import Autograd

/// The compiled steps of one `fit`: the parameters in one block, and a compiled step for
/// each batch size met (the full batches, and the last, shorter one of an epoch).
@usableFromInline
final class CompiledTraining<Scalar: TensorScalar> {
  @usableFromInline let model: Model<Scalar>
  @usableFromInline let store: ParameterStore<Scalar>
  @usableFromInline let threads: Int
  /// The optimizer's plain descent rate, which the steps take inside the weights' products.
  @usableFromInline let descentRate: Scalar?
  @usableFromInline var steps: [CompiledStep<Scalar>] = []
  // `chooser` and `timedBatchSize` are read at every step, by one thread: exempt from the
  // runtime's exclusivity checks (see `Program.threadCount`).
  /// Picks the threads of each step, once the first step shows work for more than one.
  @exclusivity(unchecked) @usableFromInline var chooser: ThreadChooser?
  /// The batch size whose steps the chooser times (the first step's: the full batches).
  @exclusivity(unchecked) @usableFromInline var timedBatchSize = 0
  /// The time spent compiling steps so far (recording each and building its program).
  @usableFromInline var compileDuration = Duration.zero

  @usableFromInline
  init(model: Model<Scalar>, threads: Int, descentRate: Scalar? = nil) {
    self.model = model
    self.descentRate = descentRate
    self.store = ParameterStore(model.parameters)
    self.threads = threads
  }

  /// The step for batches of `size` rows, compiled the first time it is asked for.
  /// - Parameter isLast: no other step will run after this one: the steps of other sizes
  ///   are released before this one is compiled, so that their memory serves it (the last,
  ///   shorter batch of a run compiles where the full batches' program was).
  @inlinable
  func step(forBatchOf size: Int, isLast: Bool = false) -> CompiledStep<Scalar> {
    if isLast { steps.removeAll { $0.batchSize != size } }
    if let step = steps.first(where: { $0.batchSize == size }) { return step }
    let start = ContinuousClock.now
    let step = CompiledStep(
      model: model, batchSize: size, store: store, threads: threads, descentRate: descentRate)
    compileDuration += ContinuousClock.now - start
    if chooser == nil, steps.isEmpty, threads > 1, step.program.splitsWork(onUpTo: threads) {
      (chooser, timedBatchSize) = (ThreadChooser(most: threads), size)
    }
    steps.append(step)
    return step
  }

  /// The result of a run that trained with these steps: `history`, `outcome` and the time
  /// spent compiling.
  @inlinable
  func result(_ history: [EpochReport], _ outcome: TrainingOutcome) -> TrainingResult {
    TrainingResult(history: history, outcome: outcome, compileSeconds: compileDuration.seconds)
  }

  /// Runs `step` on the threads the chooser picks, timing the steps of full batches for it.
  @inlinable
  func run(_ step: CompiledStep<Scalar>) {
    guard var chooser, step.batchSize == timedBatchSize else {
      step.run()
      return
    }
    step.program.threads = chooser.threads
    let start = ContinuousClock.now
    step.run()
    chooser.record(seconds: (ContinuousClock.now - start).seconds)
    self.chooser = chooser
  }
}
