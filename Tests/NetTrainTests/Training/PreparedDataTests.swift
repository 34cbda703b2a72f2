import Autograd
import Testing

@testable import NetTrain

/// Multiclass targets are kept as class indices and written as one-hot rows per batch: the
/// rows must be the ones the whole one-hot matrix held, bit for bit.
@Suite struct PreparedDataTests {
  @Test func oneHotBatchesEqualTheRowsOfTheWholeMatrix() {
    let data = Fixtures.blobs(perClass: 9, seed: 5)
    guard case .classes(let classes) = data.targets else {
      Issue.record("blobs without classes")
      return
    }
    let model = Model<Float>(
      .logistic, inputs: data.features.shape.columns, task: .multiclass(classes: 3), seed: 1)
    let prepared = model.prepared(
      LabeledData(features: Tensor<Float>(data.features.scalars.map(Float.init),
        shape: data.features.shape), targets: .classes(classes)))
    let whole = Tensor<Float>.oneHot(classes, classCount: 3)
    #expect(prepared.allTargets().scalars == whole.scalars)
    for rows in [[4, 0, 26, 4, 13], [26], Array((0..<27).reversed())] {
      var batch = [Float](repeating: 7, count: rows.count * 3)  // stale values, overwritten
      batch.withUnsafeMutableBufferPointer { batch in
        rows.withUnsafeBufferPointer { rows in
          prepared.withSource { $0.writeTargets(of: rows, into: batch) }
        }
      }
      #expect(batch == whole.rows(at: rows).scalars)
      #expect(prepared.targets(at: rows).scalars == batch)
    }
  }

  @Test func valueTargetsAreGathered() {
    let data = Fixtures.houses(rows: 6, noise: 1, seed: 2)
    guard case .values(let values) = data.targets else {
      Issue.record("houses without values")
      return
    }
    let model = Model<Double>(
      .linear, inputs: 4, task: .regression, targetScaling: Standardizer(fittedTo: values),
      seed: 1)
    let prepared = model.prepared(data)
    let scaled = model.targetScaling?.transform(values) ?? values
    let rows = [5, 1, 1, 0]
    var batch = [Double](repeating: .nan, count: rows.count)
    batch.withUnsafeMutableBufferPointer { batch in
      rows.withUnsafeBufferPointer { rows in
        prepared.withSource { $0.writeTargets(of: rows, into: batch) }
      }
    }
    #expect(batch == scaled.rows(at: rows).scalars)
    #expect(prepared.allTargets().scalars == scaled.scalars)
  }

  /// A source large enough to be touched page by page before the copy (rows wider than a
  /// page and narrower; the first, last and repeated rows) gives the rows themselves, on any
  /// number of threads (batches too small to split, split evenly and unevenly).
  @Test(arguments: [1_000, 300])
  func rowsOfALargeSourceAreGathered(width: Int) {
    let minimum = PreparedData<Double>.touchMinimumBytes / MemoryLayout<Double>.stride
    let count = (minimum + width - 1) / width
    let source = Tensor<Double>(
      (0..<(count * width)).map { Double($0) }, shape: .matrix(count, width))
    var generator = SeededGenerator(seed: 3)
    let random = (0..<37).map { _ in generator.nextIndex(below: count) }
    for rows in [[count - 1, 0, count / 2, count - 1], random, Array(random.prefix(32))] {
      let expected = rows.flatMap { row in (0..<width).map { Double(row * width + $0) } }
      for threads in 1...3 {
        let order = [1, 2] + rows  // rows that start past 0, as an epoch's batches do
        var batch = [Double](repeating: .nan, count: rows.count * width)
        batch.withUnsafeMutableBufferPointer { batch in
          source.scalars.withUnsafeBufferPointer { source in
            order.withUnsafeBufferPointer { order in
              PreparedData<Double>.gather(
                UnsafeBufferPointer(rebasing: order[2...]), from: source, width: width,
                into: batch, threads: threads)
            }
          }
        }
        #expect(batch == expected, "\(rows.count) rows on \(threads) threads")
      }
    }
  }
}
