import NetTrain
import Testing

@Suite struct DatasetSplitTests {
  @Test func holdsOutTheEndOfTheSeededPermutation() throws {
    let split = try DatasetSplit(rows: 10, validationFraction: 0.2, seed: 5)
    var generator = SeededGenerator(seed: 5)
    let permutation = generator.permutation(10)
    #expect(split.validation == permutation[8...].sorted())
    #expect(split.training == permutation[..<8].sorted())
    #expect(Set(split.training + split.validation) == Set(0..<10))
  }

  @Test func roundsTheHeldOutCountUp() throws {
    #expect(try DatasetSplit(rows: 10, validationFraction: 0.25, seed: 0).validation.count == 3)
    #expect(try DatasetSplit(rows: 10, validationFraction: 0.7, seed: 0).validation.count == 7)
    #expect(try DatasetSplit(rows: 3, validationFraction: 0.1, seed: 0).validation.count == 1)
  }

  @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
    let a = try DatasetSplit(rows: 100, validationFraction: 0.2, seed: 1)
    #expect(a == (try DatasetSplit(rows: 100, validationFraction: 0.2, seed: 1)))
    #expect(a != (try DatasetSplit(rows: 100, validationFraction: 0.2, seed: 2)))
  }

  @Test func impossibleSplitsAreErrors() {
    #expect(throws: DatasetSplitError.self) {
      try DatasetSplit(rows: 10, validationFraction: 1, seed: 0)
    }
    #expect(throws: DatasetSplitError.self) {
      try DatasetSplit(rows: 10, validationFraction: 0, seed: 0)
    }
    do {
      _ = try DatasetSplit(rows: 1, validationFraction: 0.5, seed: 0)
      Issue.record("a split of one row")
    } catch {
      #expect("\(error)" == "holding out 0.5 of 1 rows leaves no rows to train on")
    }
  }
}
