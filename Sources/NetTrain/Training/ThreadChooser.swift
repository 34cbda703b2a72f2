/// Chooses, while training runs, how many threads its steps use: all that it may, or only
/// the calling one.
///
/// The results never depend on the choice (a product gives the same bits on any number of
/// threads); only the speed does, and on a shared machine that changes from second to
/// second. A second thread pays while its core is free, but while another tenant keeps that
/// core busy the calling thread waits for the worker's half of every product, and a step can
/// take twice as long as on one thread (seen on this project's benchmark machine). So the
/// steps are timed in blocks of at least `shortestBlock` seconds (one step or more): after
/// some blocks on the preferred count, one block tries the other, which becomes preferred if
/// its steps were faster: by more than `margin` for more threads, at least as fast for fewer
/// (a second thread that gains nothing only costs). The blocks between trials start at
/// `shortestPeriod` and double after every trial that loses, up to `longestPeriod`, so that
/// trials cost a few percent of a run at most.
///
/// A trial is measured against the lower median of the last `remembered` blocks on the
/// preferred count: one block slowed by a neighbour does not hand the run to the other
/// count. Against their fastest, as it was, one block decided against four: on W4 float32
/// one-thread trials of 71 µs a step lost to two threads' best block of 68 (their median
/// 73.5), and whole runs on two threads took 1.05× the time of runs on one (12 alternating
/// pairs, 10 faster on one); W4 float64 (two threads 1.09× faster) and W5 keep two. And the
/// first step on more threads is not timed: it pays for waking a sleeping worker and
/// refilling its caches, which made every trial of two threads after a stretch on one lose,
/// and could keep a run on one thread to its end (seen on W5: over 90 % of a run's steps on
/// one thread, at ~1.7× the time of two). Nor is the first step on fewer threads where
/// steps are short (a block holds `manySteps` or more): it brings the rows the other threads
/// computed into the caller's cache, and with 19 steps a block (W4 float32) that cost alone
/// could make a trial of one thread lose, which kept runs on two (slower) threads for 12–78 %
/// of their steps (7 runs of W4's benchmark config). A long step (W5's, 1 or 2 a block)
/// pays for it easily, and leaving it out would lengthen every trial by a step.
///
/// The first trial comes as soon as the preferred count has its `remembered` blocks to be
/// measured against, not after a whole period: W4 float32's runs spent their first 16 blocks
/// (a tenth of the benchmark's run) on two threads. With both, W4 float32 ran 124–126 of its
/// 2,800 steps on two threads (3 runs), against 345–2,189 before (7 runs); whole runs
/// alternating with the earlier rule: 1.008× and 1.024× the steps a second (11 and 12 of 16
/// pairs faster). W4 float64 and W5 ran as many steps on each count as before (W4 float64 42
/// of 2,800 on one thread, W5 6 and 4 of 468).
@usableFromInline
struct ThreadChooser {
  /// How much faster a trial's steps on more threads must be to be preferred: a 5 % lead,
  /// above the noise.
  @usableFromInline static var margin: Double { 0.95 }
  /// The preferred count's blocks that a trial is measured against: the last four.
  @usableFromInline static var remembered: Int { 4 }
  /// The steps of a block from which the first step on fewer threads is not timed.
  @usableFromInline static var manySteps: Int { 4 }

  /// The most threads the steps may use.
  @usableFromInline let most: Int
  /// The least time of a block of steps timed together.
  @usableFromInline let shortestBlock: Double
  /// Blocks on the preferred count between two trials: at first and after a trial that won;
  /// and at most.
  @usableFromInline let shortestPeriod: Int
  @usableFromInline let longestPeriod: Int

  /// The threads of the steps now.
  @usableFromInline private(set) var threads: Int
  /// The count the steps return to after a trial.
  @usableFromInline private(set) var preferred: Int
  @usableFromInline var trialPeriod: Int
  @usableFromInline var blocksSinceTrial = 0
  /// Seconds per step of the last `remembered` blocks on the preferred count, oldest first.
  @usableFromInline var preferredBlocks: [Double] = []
  /// Whether the next step is the first after a switch that is not timed (see
  /// `switchThreads`).
  @usableFromInline var isWarmingUp = false
  /// The steps of the last block.
  @usableFromInline var lastBlockSteps = 0
  /// The steps of the block under way, and their seconds.
  @usableFromInline var blockSteps = 0
  @usableFromInline var blockSeconds = 0.0

  /// Starts on `most` threads. The defaults: blocks of a millisecond (a few steps of a
  /// network of W4's size, 64-128-128-10, one of W5's, 784-256-256-10), a first trial after 4
  /// blocks (`remembered`), then trials 16 blocks apart, the wait doubling after each trial
  /// that loses (32, 64, … up to 256).
  @usableFromInline
  init(most: Int, shortestBlock: Double = 0.001, shortestPeriod: Int = 16) {
    self.most = most
    self.shortestBlock = shortestBlock
    self.shortestPeriod = max(1, shortestPeriod)
    longestPeriod = 16 * self.shortestPeriod
    trialPeriod = self.shortestPeriod
    threads = most
    preferred = most
    preferredBlocks.reserveCapacity(Self.remembered + 1)
    blocksSinceTrial = self.shortestPeriod - min(self.shortestPeriod, Self.remembered)
  }

  /// Counts a step that took `seconds` on `threads`.
  @inlinable
  mutating func record(seconds: Double) {
    if isWarmingUp {
      isWarmingUp = false
      return
    }
    blockSeconds += seconds
    blockSteps += 1
    if blockSeconds < shortestBlock { return }
    lastBlockSteps = blockSteps
    finishBlock(stepSeconds: blockSeconds / Double(blockSteps))
    (blockSteps, blockSeconds) = (0, 0)
  }

  /// Moves on after a block whose steps took `stepSeconds` each on `threads`.
  @usableFromInline
  mutating func finishBlock(stepSeconds: Double) {
    if threads == preferred {
      preferredBlocks.append(stepSeconds)
      if preferredBlocks.count > Self.remembered { preferredBlocks.removeFirst() }
      blocksSinceTrial += 1
      if blocksSinceTrial >= trialPeriod {
        blocksSinceTrial = 0
        switchThreads(to: preferred == most ? 1 : most)
      }
      return
    }
    if isFaster(stepSeconds, than: typicalPreferredBlock) {
      (preferred, trialPeriod) = (threads, shortestPeriod)
      preferredBlocks.removeAll(keepingCapacity: true)
      preferredBlocks.append(stepSeconds)
    } else {
      trialPeriod = min(2 * trialPeriod, longestPeriod)
      switchThreads(to: preferred)
    }
  }

  /// The preferred count's typical block: the lower median of its last blocks, which one
  /// block slowed by a neighbour (or one lucky block) does not move.
  @usableFromInline
  var typicalPreferredBlock: Double {
    let sorted = preferredBlocks.sorted()
    return sorted.isEmpty ? .infinity : sorted[(sorted.count - 1) / 2]
  }

  /// Whether a trial block of `stepSeconds` on `threads` beats `preferredSeconds`: by
  /// `margin` for more threads than preferred; for fewer, as fast is enough, as a second
  /// thread that does not make the steps faster only costs (power, the other core).
  @usableFromInline
  func isFaster(_ stepSeconds: Double, than preferredSeconds: Double) -> Bool {
    threads > preferred
      ? stepSeconds < preferredSeconds * Self.margin : stepSeconds <= preferredSeconds
  }

  /// Runs the next steps on `count` threads; the first of them untimed when they are more,
  /// or when the last block held `manySteps` or more.
  @usableFromInline
  mutating func switchThreads(to count: Int) {
    isWarmingUp = count > threads || lastBlockSteps >= Self.manySteps
    threads = count
  }
}
