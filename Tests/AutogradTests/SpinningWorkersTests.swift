import Autograd
import Foundation
import Synchronization
import Testing

/// `Kernels.forEachPart`: the spinning workers' hand-out of a job's parts.
@Suite struct SpinningWorkersTests {
  /// Every part of a job runs once, whatever the count (none, one on the caller alone, more
  /// parts than threads).
  @Test func everyPartRunsOnce() {
    for count in 0...6 {
      let runs = Mutex([Int](repeating: 0, count: count))
      Kernels.forEachPart(count: count) { part in runs.withLock { $0[part] += 1 } }
      #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count), "count \(count)")
    }
  }

  /// Part 0 runs on the calling thread every time, so that a split by rows gives each thread
  /// the same rows from one product to the next (when every part was up for grabs, the
  /// polling worker took part 0 in 52 of these 200 jobs).
  @Test func partZeroRunsOnTheCaller() {
    let caller = pthread_self()
    var onCaller = 0
    for _ in 0..<200 {
      let here = Mutex(false)
      Kernels.forEachPart(count: 2) { part in
        if part == 0 { here.withLock { $0 = pthread_equal(pthread_self(), caller) != 0 } }
      }
      if here.withLock({ $0 }) { onCaller += 1 }
    }
    #expect(onCaller == 200)
  }
}
