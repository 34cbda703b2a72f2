import Autograd

/// Rows as the network sees them: standardised features, what the loss compares the logits
/// with, and the class indices of a classification task (for accuracy).
@usableFromInline
struct PreparedData<Scalar: TensorScalar> {
  /// What the loss compares the logits with.
  @usableFromInline
  enum LossTargets {
    /// [rows, outputs]: standardised values (regression) or 0/1 (binary).
    case values(Tensor<Scalar>)
    /// One-hot rows of `classes` over `classCount` columns (multiclass), written when rows
    /// are asked for, never held whole: for 60,000 rows of 10 classes that would be 2.4 MB.
    case oneHot(classes: [Int], classCount: Int)
  }

  /// [rows, inputs], standardised.
  @usableFromInline let features: Tensor<Scalar>
  /// The loss's targets.
  @usableFromInline let lossTargets: LossTargets
  /// The class of every row; `nil` for regression.
  @usableFromInline let classes: [Int]?

  @usableFromInline
  init(features: Tensor<Scalar>, lossTargets: LossTargets, classes: [Int]?) {
    self.features = features
    self.lossTargets = lossTargets
    self.classes = classes
  }

  /// The number of rows.
  @usableFromInline var count: Int { features.shape.rows }

  /// The loss's targets of the rows at `indices`, in that order: `[indices.count, outputs]`.
  @usableFromInline
  func targets(at indices: [Int]) -> Tensor<Scalar> {
    switch lossTargets {
    case .values(let values): values.rows(at: indices)
    case .oneHot(let classes, let classCount):
      .oneHot(indices.map { classes[$0] }, classCount: classCount)
    }
  }

  /// The loss's targets of every row: `[count, outputs]`.
  @usableFromInline
  func allTargets() -> Tensor<Scalar> {
    switch lossTargets {
    case .values(let values): values
    case .oneHot: targets(at: Array(0..<count))
    }
  }

  /// Copies `rows` of `source` ([rows, width]), in that order, into `batch`.
  ///
  /// From a source larger than the caches, the rows are first touched, a page at a time:
  /// their first misses (page walk and memory) then overlap, where the copy would meet them
  /// one row after another (128 random rows of 784 doubles from 60,000, timed in a scratch
  /// loop that is not part of the repository: medians 180 → 126 µs). Such a gather is also
  /// split into consecutive runs of rows, one for each of up to `threads` threads (at least 8
  /// rows each), so that the threads' misses are under way together: on one thread it took
  /// 100–130 µs of W5's float64 steps of ~2 ms (74–77 µs on two, in another minute).
  /// In-process A/B (alternating fits of one binary, paired ratios): W5 steps float64 1.051
  /// and 1.010 (9 and 7 of 10 pairs faster), float32 1.043 and 1.025 (10 of 10 both times).
  /// Smaller sources (W4's 920 KB) keep one thread.
  @inlinable
  static func gather(
    _ rows: UnsafeBufferPointer<Int>, from source: UnsafeBufferPointer<Scalar>, width: Int,
    into batch: UnsafeMutableBufferPointer<Scalar>, threads: Int = 1
  ) {
    precondition(batch.count == rows.count * width, "\(batch.count) slots for \(rows.count) rows")
    guard let from = source.baseAddress, let to = batch.baseAddress else { return }
    guard source.count * MemoryLayout<Scalar>.stride >= touchMinimumBytes else {
      Kernels.copyRows(rows, of: from, width: width, into: to)
      return
    }
    let parts = max(1, min(threads, rows.count / 8))
    let rowsPerPart = (rows.count + parts - 1) / parts
    Kernels.forEachPart(count: parts) { part in
      let first = min(part * rowsPerPart, rows.count)
      let run = UnsafeBufferPointer(rebasing: rows[first..<min(first + rowsPerPart, rows.count)])
      touch(run, of: from, width: width)
      Kernels.copyRows(run, of: from, width: width, into: to + first * width)
    }
  }

  /// Sources from this size on are touched before a gather, and gathered on more than one
  /// thread: beyond this machine's L3 cache.
  @inlinable
  static var touchMinimumBytes: Int { 64 << 20 }

  /// Reads one element of every 4 KiB page of `rows` (and each row's last), so that their
  /// cache and page-table misses are all under way at once.
  @inlinable
  static func touch(
    _ rows: UnsafeBufferPointer<Int>, of source: UnsafePointer<Scalar>, width: Int
  ) {
    let pageElements = max(1, 4096 / MemoryLayout<Scalar>.stride)
    var sum = Scalar.zero
    for row in rows {
      let start = source + row * width
      for offset in stride(from: 0, to: width, by: pageElements) { sum += start[offset] }
      sum += start[width - 1]
    }
    keep(sum)
  }

  /// Uses `value`, so that the loads behind it are not optimised away.
  @inline(never) @usableFromInline
  static func keep(_ value: Scalar) {
    // A test the compiler cannot answer without `value`; what it does when true is nothing.
    if value == .greatestFiniteMagnitude { Swift.print(terminator: "") }
  }
}

extension Model {
  /// `data` standardised and encoded for the loss.
  @usableFromInline
  func prepared(_ data: LabeledData<Scalar>) -> PreparedData<Scalar> {
    PreparedData(
      features: scaledFeatures(data.features), lossTargets: lossTargets(data.targets),
      classes: classIndices(data.targets))
  }

  /// The features standardised with `featureScaling`.
  /// - Parameter features: [rows, inputs] in their own units.
  public func scaledFeatures(_ features: Tensor<Scalar>) -> Tensor<Scalar> {
    precondition(
      features.shape.rank == 2 && features.shape.columns == inputs,
      "features of shape \(features.shape) for a model of \(inputs) inputs")
    return featureScaling?.transform(features) ?? features
  }

  /// What the loss compares the logits with: standardised values (regression), 0/1
  /// (binary) or one-hot rows (multiclass).
  func lossTargets(_ targets: Targets<Scalar>) -> PreparedData<Scalar>.LossTargets {
    switch (task, targets) {
    case (.regression, .values(let values)):
      precondition(values.shape == .matrix(values.shape.rows, 1), "targets \(values.shape)")
      return .values(targetScaling?.transform(values) ?? values)
    case (.binary, .values(let values)):
      precondition(
        values.shape == .matrix(values.shape.rows, 1)
          && values.scalars.allSatisfy { $0 == 0 || $0 == 1 },
        "binary targets must be a [rows, 1] column of 0 and 1; got shape \(values.shape)")
      return .values(values)
    case (.binary, .classes(let classes)):
      precondition(classes.allSatisfy { $0 == 0 || $0 == 1 }, "binary classes must be 0 or 1")
      return .values(Tensor(classes.map { Scalar($0) }, shape: .matrix(classes.count, 1)))
    case (.multiclass(let count), .classes(let classes)):
      precondition(
        classes.allSatisfy { $0 >= 0 && $0 < count }, "classes must be in 0..<\(count)")
      return .oneHot(classes: classes, classCount: count)
    default:
      preconditionFailure("\(task.name) task with targets \(targets)")
    }
  }

  /// The class of every row, `nil` for regression.
  func classIndices(_ targets: Targets<Scalar>) -> [Int]? {
    switch (task, targets) {
    case (.regression, _): nil
    case (_, .classes(let classes)): classes
    case (_, .values(let values)): values.scalars.map { $0 == 1 ? 1 : 0 }
    }
  }

  /// The predicted class of every row of `logits`: logit above 0 (binary), or the first
  /// largest logit (multiclass).
  /// - Parameter logits: [rows, outputs]
  @usableFromInline
  func classes(fromLogits logits: Tensor<Scalar>) -> [Int] {
    let (rows, columns) = (logits.shape.rows, logits.shape.columns)
    return logits.scalars.withUnsafeBufferPointer { values in
      (0..<rows).map { Model.predictedClass(values, row: $0, columns: columns) }
    }
  }
}
