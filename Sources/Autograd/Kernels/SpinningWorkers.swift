import Dispatch
import Foundation
import Synchronization

/// The threads a large kernel hands parts of its work to.
///
/// A training step runs a few large products microseconds apart; waking a sleeping thread
/// for each (as Dispatch does) costs tens of microseconds on this kind of machine, as much as
/// the part itself. These workers instead spin, waiting for the next part, for about a
/// millisecond after their last one, and only then sleep until woken. So handing out a part
/// while work keeps coming costs well under a microsecond, and an idle process uses no CPU.
///
/// One set of workers serves the process (like Dispatch's pool). A caller that finds them
/// busy with another caller's parts runs its own parts itself: results never depend on which
/// thread computes a part.
final class SpinningWorkers: @unchecked Sendable {
  /// The workers of the process: one fewer than the processors (the caller is the other).
  static let shared = SpinningWorkers(count: max(0, Kernels.availableThreads - 1))

  /// Bumped (release) each time a job is posted; workers watch it.
  private let generation = Atomic<Int>(0)
  /// The next part to take, and the parts not yet finished, of the current job.
  private let nextPart = Atomic<Int>(0)
  private let unfinished = Atomic<Int>(0)
  /// Whether a caller owns the workers.
  private let isBusy = Atomic<Bool>(false)
  /// The current job; written before `generation` is bumped, read after it is seen.
  nonisolated(unsafe) private var body: (Int) -> Void = { _ in }
  nonisolated(unsafe) private var partCount = 0
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
  func run(count: Int, _ body: (Int) -> Void) {
    guard count > 1, !sleepers.isEmpty,
      isBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else {
      for part in 0..<count { body(part) }
      return
    }
    withoutActuallyEscaping(body) { body in
      self.body = body
      partCount = count
      nextPart.store(0, ordering: .relaxed)
      unfinished.store(count, ordering: .relaxed)
      generation.add(1, ordering: .releasing)
      for sleeper in sleepers where sleeper.isAsleep.exchange(false, ordering: .acquiringAndReleasing) {
        sleeper.wake.signal()
      }
      takeParts()
      while unfinished.load(ordering: .acquiring) > 0 {}
      self.body = { _ in }
    }
    isBusy.store(false, ordering: .releasing)
  }

  /// Takes and runs parts of the current job until none is left.
  private func takeParts() {
    while true {
      let part = nextPart.add(1, ordering: .relaxed).oldValue
      guard part < partCount else { return }
      body(part)
      unfinished.subtract(1, ordering: .releasing)
    }
  }

  /// A worker's loop: wait for a new job (spinning, then sleeping), help with it, repeat.
  private func work(_ sleeper: Sleeper) {
    var seen = generation.load(ordering: .acquiring)
    while true {
      var spins = 0
      while generation.load(ordering: .acquiring) == seen {
        spins += 1
        if spins < 200_000 { continue }  // about a millisecond of polling
        sleep(sleeper, seen: seen)
        spins = 0
      }
      seen = generation.load(ordering: .acquiring)
      takeParts()
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
