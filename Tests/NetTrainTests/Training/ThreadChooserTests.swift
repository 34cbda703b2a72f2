import Autograd
import Testing

@testable import NetTrain

/// The choice between two threads and one while training runs: trials, switches, back-off,
/// and the same weights to the bit however often it switches.
@Suite struct ThreadChooserTests {
  /// Feeds `chooser` blocks of one step each, of `seconds(threads)` per step, and returns
  /// the thread count of every block.
  static func run(
    _ chooser: inout ThreadChooser, blocks: Int, seconds: (Int) -> Double
  ) -> [Int] {
    (0..<blocks).map { _ in
      let threads = chooser.threads
      chooser.record(seconds: seconds(threads))
      return threads
    }
  }

  @Test func itTriesOneThreadAfterAPeriodAndKeepsTwoWhileTwoAreFaster() {
    var chooser = ThreadChooser(most: 2, shortestBlock: 0, shortestPeriod: 4)
    let threads = Self.run(&chooser, blocks: 4 + 1 + 9 + 1 + 17 + 1 + 2) { $0 == 2 ? 1.0 : 1.5 }
    // A trial after 4 blocks; each losing trial doubles the wait. The first step back on
    // two threads is not timed, so each wait is one step longer than its blocks.
    let expected = [2, 2, 2, 2, 1] + Array(repeating: 2, count: 9) + [1]
      + Array(repeating: 2, count: 17) + [1, 2, 2]
    #expect(threads == expected)
    #expect(chooser.preferred == 2)
  }

  @Test func aTrialFasterByMoreThanTheMarginBecomesPreferredAndTheWaitStartsOver() {
    // Two threads are slower (a busy neighbour): the trial of one wins, one is kept, and two
    // are tried again after the shortest period (their first step untimed), lose, and the
    // steps go back to one.
    var slowed = ThreadChooser(most: 2, shortestBlock: 0, shortestPeriod: 2)
    let choices = Self.run(&slowed, blocks: 2 + 1 + 2 + 2 + 1) { $0 == 2 ? 1.0 : 0.9 }
    #expect(choices == [2, 2, 1, 1, 1, 2, 2, 1])
    #expect(slowed.preferred == 1)
  }

  /// A lead within the margin does not add threads: one thread won the first trial (three
  /// were slowed at first), and three, now 3 % faster, lose theirs.
  @Test func aLeadWithinTheMarginDoesNotAddThreads() {
    var chooser = ThreadChooser(most: 3, shortestBlock: 0, shortestPeriod: 2)
    var step = 0
    let threads = Self.run(&chooser, blocks: 2 + 1 + 2 + 2 + 1) { threads in
      step += 1
      return threads == 1 ? 1.0 : step <= 2 ? 2.0 : 0.97
    }
    #expect(threads == [3, 3, 1, 1, 1, 3, 3, 1])  // the first step back on three untimed
    #expect(chooser.preferred == 1)
  }

  /// Fewer threads win a trial by being as fast: a thread that gains nothing only costs.
  /// More threads as fast lose theirs.
  @Test func fewerThreadsAsFastWin() {
    var chooser = ThreadChooser(most: 2, shortestBlock: 0, shortestPeriod: 2)
    let threads = Self.run(&chooser, blocks: 2 + 1 + 2 + 2 + 1) { _ in 1.0 }
    #expect(threads == [2, 2, 1, 1, 1, 2, 2, 1])
    #expect(chooser.preferred == 1)
  }

  /// A trial is measured against the lower median of the preferred count's last blocks: one
  /// block slowed by a neighbour just before it does not make a slower count win (one thread
  /// at 1.5 a step against two at 1.0, the 4th block on two at 3.0), and one lucky block does
  /// not make a faster count lose (one thread at 0.9, the 2nd block on two at 0.5).
  @Test(arguments: [
    (block: 4, seconds: 3.0, oneThread: 1.5, winner: 2),
    (block: 2, seconds: 0.5, oneThread: 0.9, winner: 1),
  ])
  func oneOddBlockBeforeATrialDoesNotDecideIt(
    odd: (block: Int, seconds: Double, oneThread: Double, winner: Int)
  ) {
    var chooser = ThreadChooser(most: 2, shortestBlock: 0, shortestPeriod: 4)
    var step = 0
    let threads = Self.run(&chooser, blocks: 6) { threads in
      step += 1
      return threads == 1 ? odd.oneThread : step == odd.block ? odd.seconds : 1.0
    }
    #expect(threads == [2, 2, 2, 2, 1, odd.winner])
    #expect(chooser.preferred == odd.winner)
  }

  /// The first step back on more threads pays for waking the worker: it is not timed, so a
  /// run that went to one thread while the other core was busy comes back to two.
  @Test func theFirstStepOnMoreThreadsIsNotTimed() {
    var chooser = ThreadChooser(most: 2, shortestBlock: 0, shortestPeriod: 2)
    var step = 0
    var stepsOnTwo = 0
    let threads = Self.run(&chooser, blocks: 2 + 1 + 2 + 2 + 2) { threads in
      step += 1
      if threads == 1 { return 1.0 }
      stepsOnTwo += 1
      if step <= 2 { return 2.0 }  // busy at first: one thread wins the first trial
      return stepsOnTwo == 3 ? 5.0 : 0.6  // the first step back on two, then the core is free
    }
    #expect(threads == [2, 2, 1, 1, 1, 2, 2, 2, 2])
    #expect(chooser.preferred == 2)
  }

  /// With the default period, the first trial comes once the preferred count has the blocks
  /// a trial is measured against (4), not after a whole period (16); later ones after 32,
  /// 64, … blocks while they lose.
  @Test func theFirstTrialComesOnceItHasBlocksToBeMeasuredAgainst() {
    var chooser = ThreadChooser(most: 2, shortestBlock: 0)
    let threads = Self.run(&chooser, blocks: 4 + 1 + 33 + 1) { $0 == 2 ? 1.0 : 1.5 }
    // The first step back on two is not timed: 33 steps for a wait of 32 blocks.
    #expect(threads == [2, 2, 2, 2, 1] + Array(repeating: 2, count: 33) + [1])
  }

  /// Where a block holds 4 steps or more, the first step on fewer threads is not timed: it
  /// brings the rows the other thread computed into this one's cache. One thread as fast as
  /// two then wins its trial, where that first step (1.0 s against 0.25) made it lose.
  @Test func theFirstStepOnFewerThreadsIsNotTimedWhenBlocksHoldSeveral() {
    var chooser = ThreadChooser(most: 2, shortestBlock: 1, shortestPeriod: 1)
    for _ in 0..<4 { chooser.record(seconds: 0.25) }
    #expect(chooser.threads == 1)  // a block of 4 steps, and the trial starts
    chooser.record(seconds: 1.0)  // the first step on one thread: not timed
    for _ in 0..<3 { chooser.record(seconds: 0.25) }
    #expect(chooser.threads == 1)  // 0.75 s: the trial's block is not over
    chooser.record(seconds: 0.25)
    #expect(chooser.threads == 1 && chooser.preferred == 1)  // as fast: one thread wins
  }

  @Test func stepsArePooledIntoBlocksOfTheShortestTime() {
    var chooser = ThreadChooser(most: 2, shortestBlock: 1, shortestPeriod: 1)
    for _ in 0..<3 { chooser.record(seconds: 0.3) }
    #expect(chooser.threads == 2)  // 0.9 s: the block is not over
    chooser.record(seconds: 0.3)
    #expect(chooser.threads == 1)  // 1.2 s over 4 steps: a block, and the trial starts
    chooser.record(seconds: 9)  // blocks of 4 steps: the first on fewer is not timed
    chooser.record(seconds: 0.2)
    #expect(chooser.threads == 1)
    chooser.record(seconds: 0.8)  // 0.5 s a step, slower than the 0.3 s on two
    #expect(chooser.threads == 2 && chooser.preferred == 2)
    chooser.record(seconds: 9)  // the first step back on two is not timed
    for _ in 0..<4 { chooser.record(seconds: 0.3) }
    #expect(chooser.threads == 2)  // one block; after a lost trial the wait is two
    for _ in 0..<4 { chooser.record(seconds: 0.3) }
    #expect(chooser.threads == 1)  // two blocks of 4 steps at 0.3 s: the next trial
  }

  /// Switching between three threads and one during a run gives the weights of one thread.
  @Test func switchingThreadsDuringARunGivesTheWeightsOfOneThread() {
    var random = SeededGenerator(seed: 11)
    let (rows, columns) = (48, 40)
    let features = Tensor<Double>(
      (0..<rows * columns).map { _ in random.nextNormal() }, shape: .matrix(rows, columns))
    let data = LabeledData(
      features: features, targets: .classes((0..<rows).map { _ in random.nextIndex(below: 3) }))
    func train(threads: Int, switching: Bool) -> [[UInt64]] {
      let model = Model<Double>(
        .mlp(hidden: [192, 160], activation: .tanh), inputs: columns,
        task: .multiclass(classes: 3), seed: 12)
      let prepared = model.prepared(data)
      let compiled = CompiledTraining(model: model, threads: threads, descentRate: 0.1)
      let step = compiled.step(forBatchOf: 16)
      if switching {
        #expect(compiled.chooser != nil, "the step has products large enough for threads")
        compiled.chooser = ThreadChooser(most: threads, shortestBlock: 0, shortestPeriod: 1)
      } else {
        #expect(compiled.chooser == nil)
      }
      var seen: Set<Int> = []
      compiled.store.load(from: model.parameters)
      for batch in 0..<9 {
        let start = batch % 3 * 16
        Array(start..<start + 16).withUnsafeBufferPointer { rows in
          prepared.withSource { step.load(rows: rows, from: $0) }
        }
        compiled.run(step)
        seen.insert(step.program.threads)
      }
      compiled.store.save(into: model.parameters)
      if switching { #expect(seen == [1, threads]) }
      return model.parameters.map { $0.scalars.map(\.bitPattern) }
    }
    let one = train(threads: 1, switching: false)
    #expect(train(threads: 3, switching: true) == one)
  }
}

extension ThreadChooserTests {
  /// A network whose products are all too small for a second thread is never timed.
  @Test func aSmallNetworkHasNoChooser() {
    let model = Model<Double>(
      .mlp(hidden: [16, 16], activation: .tanh), inputs: 2, task: .binary, seed: 1)
    let compiled = CompiledTraining(model: model, threads: 3)
    _ = compiled.step(forBatchOf: 32)
    #expect(compiled.chooser == nil)
    #expect(!compiled.steps[0].program.splitsWork(onUpTo: 3))
  }
}
