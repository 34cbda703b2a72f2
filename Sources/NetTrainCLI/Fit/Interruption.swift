import Dispatch
import Foundation
import Synchronization

/// Ctrl-C during training: the first SIGINT sets a flag that the trainer checks before each
/// step, so the current step finishes and the files are written; the run then exits 130.
final class Interruption {
  /// Set from the signal handler's queue, read from the training loop.
  private final class Flag: Sendable {
    let isSet = Atomic<Bool>(false)
  }

  private let requested = Flag()
  private let source: DispatchSourceSignal

  init() {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { [requested] in requested.isSet.store(true, ordering: .relaxed) }
    source.resume()
  }

  /// Whether Ctrl-C was pressed.
  func check() -> Bool { requested.isSet.load(ordering: .relaxed) }

  /// Gives SIGINT back its default meaning (end the process).
  func stopListening() {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
