import Autograd
import Testing

/// `SeededGenerator.permutation`: every index once, in the order of a Fisher–Yates shuffle
/// written out here with `nextIndex(below:)`, and the generator left where that shuffle
/// leaves it.
@Suite struct PermutationTests {
  @Test(arguments: [0, 1, 2, 3, 10, 569])
  func isTheFisherYatesShuffle(count: Int) {
    var generator = SeededGenerator(seed: 7)
    var reference = SeededGenerator(seed: 7)
    let permutation = generator.permutation(count)

    var expected = [Int]()
    for i in 0..<count { expected.append(i) }
    var i = count - 1
    while i > 0 {
      expected.swapAt(i, reference.nextIndex(below: i + 1))
      i -= 1
    }
    #expect(permutation == expected)
    #expect(permutation.sorted() == Array(0..<count))
    #expect(generator.next() == reference.next())
  }
}
