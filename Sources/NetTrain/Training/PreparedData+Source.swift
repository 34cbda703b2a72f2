import Autograd

extension PreparedData {
  /// The rows' memory, read through pointers for as long as `withSource` runs: what a step
  /// copies its batch from. Taking the arrays' buffers once for an epoch, not once for
  /// each batch, spares every step the reference counting and exclusivity checks of
  /// reaching them through their tensors. W2, a logistic regression whose steps take under
  /// 2 µs, spent 13 % of its samples in `swift_retain`, `swift_release` and the runtime's
  /// access checks: per step 6.9 retains, 7.4 releases and 7.2 checks (counted by uprobes),
  /// 3.0, 5.5 and 4.3 with this and the trainer keeping its step from batch to batch; none
  /// at all since the batches' rows, too, are read through a pointer for the epoch
  /// (`Trainer.runBatches`), the program's instructions are no longer an array, and the
  /// `var`s a step reads are exempt from the checks (see `Program.threadCount`).
  /// Epochs alternating with the old way in one process: W2 1.06–1.07× faster (4 runs), W1
  /// 1.08–1.13× (3 runs), W3 level.
  @usableFromInline
  struct Source {
    /// `[rows, width]`, standardised.
    @usableFromInline let features: UnsafeBufferPointer<Scalar>
    @usableFromInline let width: Int
    /// The loss's targets, as `LossTargets` holds them.
    @usableFromInline let targets: Targets
    /// The class of every row; `nil` for regression.
    @usableFromInline let classes: UnsafeBufferPointer<Int>?

    @usableFromInline
    enum Targets {
      case values(UnsafeBufferPointer<Scalar>, width: Int)
      case oneHot(classes: UnsafeBufferPointer<Int>, classCount: Int)
    }

    @usableFromInline
    init(
      features: UnsafeBufferPointer<Scalar>, width: Int, targets: Targets,
      classes: UnsafeBufferPointer<Int>?
    ) {
      self.features = features
      self.width = width
      self.targets = targets
      self.classes = classes
    }

    /// Copies the features of `rows`, in that order, into `batch` (see `gather`).
    @inlinable
    func gather(
      _ rows: UnsafeBufferPointer<Int>, into batch: UnsafeMutableBufferPointer<Scalar>,
      threads: Int
    ) {
      PreparedData.gather(rows, from: features, width: width, into: batch, threads: threads)
    }

    /// Writes the loss's targets of `rows`, in that order, into `batch`, row-major
    /// `[rows.count, outputs]`: the same values `targets(at:)` gives.
    @inlinable
    func writeTargets(
      of rows: UnsafeBufferPointer<Int>, into batch: UnsafeMutableBufferPointer<Scalar>
    ) {
      switch targets {
      case .values(let values, let width):
        PreparedData.gather(rows, from: values, width: width, into: batch)
      case .oneHot(let classes, let classCount):
        precondition(batch.count == rows.count * classCount, "\(batch.count) slots for one-hot")
        batch.update(repeating: 0)
        for (position, row) in rows.enumerated() {
          let index = classes[row]
          precondition(index >= 0 && index < classCount, "class \(index) of \(classCount)")
          batch[position * classCount + index] = 1
        }
      }
    }
  }

  /// `body` with the rows' memory (see `Source`), valid only while it runs.
  @inlinable
  func withSource<Result>(_ body: (Source) -> Result) -> Result {
    let width = features.shape.columns
    return features.scalars.withUnsafeBufferPointer { features in
      withClasses { classes in
        switch lossTargets {
        case .values(let values):
          let valuesWidth = values.shape.columns
          return values.scalars.withUnsafeBufferPointer {
            body(
              Source(
                features: features, width: width, targets: .values($0, width: valuesWidth),
                classes: classes))
          }
        case .oneHot(let all, let classCount):
          return all.withUnsafeBufferPointer {
            body(
              Source(
                features: features, width: width,
                targets: .oneHot(classes: $0, classCount: classCount), classes: classes))
          }
        }
      }
    }
  }

  /// `body` with the buffer of `classes`, or nil for regression.
  @inlinable
  func withClasses<Result>(_ body: (UnsafeBufferPointer<Int>?) -> Result) -> Result {
    guard let classes else { return body(nil) }
    return classes.withUnsafeBufferPointer { body($0) }
  }
}
