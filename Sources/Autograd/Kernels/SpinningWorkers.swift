import Dispatch
import Foundation
import Synchronization

/// The threads a large kernel hands parts of its work to.
///
/// A training step runs a few large products microseconds apart; waking a sleeping thread
/// for each (as Dispatch does) costs tens of microseconds on this kind of machine, as much as
/// the part itself. These workers instead spin, waiting for the next part, for about a
/// millisecond after their last one, and only then sleep until woken. So handing out a part
/// while work keeps coming costs about a microsecond (see `Kernels.matmulThreads`), and an
/// idle process uses no CPU.
///
/// One set of workers serves the process (like Dispatch's pool). A caller that finds them
/// busy with another caller's parts runs its own parts itself: results never depend on which
/// thread computes a part.
final class SpinningWorkers: @unchecked Sendable {
  /// The workers of the process: one fewer than the processors (the caller is the other).
  static let shared = SpinningWorkers(count: max(0, Kernels.availableThreads - 1))

  /// The number of the current job, bumped (release) each time one is posted; workers watch it.
  private let generation = Atomic<Int>(0)
  /// The current job's ticket: its number (bits 32 and up), its part count (bits 16–31) and
  /// the next part to take (bits 0–15). A part is taken by a compare-and-exchange on it, so a
  /// thread late from an earlier job can never take a part of a later one.
  private let ticket = Atomic<Int>(0)
  /// The parts of the current job not yet finished.
  private let unfinished = Atomic<Int>(0)
  /// Whether a caller owns the workers.
  private let isBusy = Atomic<Bool>(false)
  /// The current job's work; written before its ticket is published, read only by a thread
  /// that took one of its parts (so the caller, which waits for every part, keeps it alive).
  nonisolated(unsafe) private var body: (Int) -> Void = { _ in }
  private let sleepers: [Sleeper]

  /// A worker's bed: whether it sleeps, and the semaphore that wakes it.
  private final class Sleeper: Sendable {
    let isAsleep = Atomic<Bool>(false)
    let wake = DispatchSemaphore(value: 0)
  }

  private init(count: Int) {
    sleepers = (0..<count).map { _ in Sleeper() }
    for sleeper in sleepers {
      let thread = Thread { [unowned self] in self.work(sleeper) }
      thread.name = "nettrain-worker"
      thread.start()
    }
  }

  /// Runs `body(0..<count)`, parts on the workers and on this thread; returns when all are
  /// done. Parts must be independent.
  ///
  /// Part 0 always runs on this thread, which then takes any part still free; the workers
  /// take parts from 1 on. So with one worker, each thread computes the same part of every
  /// job (unless the worker comes late and this thread takes its part too), and a split by
  /// rows leaves each thread the rows it wrote in the products before. When every part was
  /// up for grabs, the polling worker took part 0 in some jobs and not in others (most of
  /// W5's products in a logged `fit`; 52 of 200 jobs in `SpinningWorkersTests`), so a
  /// thread often read the rows the other had written. `fit`, alternating with the earlier
  /// way (paired ratios of steps/s): W4 float32 ×1.008 (17 of 30 pairs faster), float64
  /// ×1.010 (19 of 30), W5 float64 ×1.016 (10 of 16), W3 ×0.995 (8 of 20; one thread
  /// there): within the noise, but no thread reads the other's rows by chance any more.
  func run(count: Int, _ body: (Int) -> Void) {
    guard count > 1, count < 1 << 16, !sleepers.isEmpty,
      isBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else {
      for part in 0..<count { body(part) }
      return
    }
    withoutActuallyEscaping(body) { body in
      self.body = body
      let job = generation.load(ordering: .relaxed) + 1
      unfinished.store(count, ordering: .relaxed)
      ticket.store(job << 32 | count << 16 | 1, ordering: .releasing)  // part 0 is ours
      generation.store(job, ordering: .releasing)
      for sleeper in sleepers where sleeper.isAsleep.exchange(false, ordering: .acquiringAndReleasing) {
        sleeper.wake.signal()
      }
      body(0)
      unfinished.subtract(1, ordering: .releasing)
      takeParts(of: job)
      while unfinished.load(ordering: .acquiring) > 0 {}
      self.body = { _ in }
    }
    isBusy.store(false, ordering: .releasing)
  }

  /// Takes and runs parts of job `job` until none is left (or a later job has replaced it).
  private func takeParts(of job: Int) {
    while true {
      let current = ticket.load(ordering: .acquiring)
      let (count, part) = ((current >> 16) & 0xFFFF, current & 0xFFFF)
      guard current >> 32 == job, part < count else { return }
      guard
        ticket.compareExchange(
          expected: current, desired: current + 1, ordering: .acquiringAndReleasing
        ).exchanged
      else { continue }
      body(part)
      unfinished.subtract(1, ordering: .releasing)
    }
  }

  /// How long a worker polls for the next job before it sleeps. A poll is a load from L1 (a
  /// few hundred thousand a millisecond), so the limit is a time, read every 1,024 polls: a
  /// count of 200,000 polls, meant as a millisecond, lasted 0.1 ms, less than the gap between
  /// two steps of W5 (its batch gather), so the worker slept and was woken at every step.
  static var pollingNanoseconds: UInt64 { 1_000_000 }

  /// A worker's loop: wait for a new job (polling, then sleeping), help with it, repeat.
  private func work(_ sleeper: Sleeper) {
    var seen = generation.load(ordering: .acquiring)
    while true {
      var polls = 0
      var idleSince = DispatchTime.now().uptimeNanoseconds
      while generation.load(ordering: .acquiring) == seen {
        polls &+= 1
        if polls & 1023 != 0
          || DispatchTime.now().uptimeNanoseconds &- idleSince < Self.pollingNanoseconds
        {
          continue
        }
        sleep(sleeper, seen: seen)
        idleSince = DispatchTime.now().uptimeNanoseconds
      }
      seen = generation.load(ordering: .acquiring)
      takeParts(of: seen)
    }
  }

  /// Sleeps until a caller posts a job after `seen`, never missing one posted meanwhile.
  private func sleep(_ sleeper: Sleeper, seen: Int) {
    sleeper.isAsleep.store(true, ordering: .releasing)
    if generation.load(ordering: .acquiring) != seen,
      sleeper.isAsleep.exchange(false, ordering: .acquiringAndReleasing)
    {
      return  // a job came in before we slept, and no caller has claimed our wake-up
    }
    sleeper.wake.wait()  // a caller cleared isAsleep and signals (or already did)
  }
}

extension Kernels {
  /// `body(0..<count)`: the parts on this thread and the spinning workers (at most `count`
  /// threads work; one part runs here alone). Parts must be independent; which thread runs
  /// a part must not matter.
  public static func forEachPart(count: Int, _ body: (Int) -> Void) {
    SpinningWorkers.shared.run(count: count, body)
  }
}
