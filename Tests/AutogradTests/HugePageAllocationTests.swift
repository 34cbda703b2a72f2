import Autograd
import Testing

/// `Kernels.allocateHugePageBacked` gives memory like `allocate(capacity:)`, starting on a
/// cache line, and on a huge page from one huge page up.
struct HugePageAllocationTests {
  @Test(arguments: [1, 1000, (2 << 20) / 8 - 1, (2 << 20) / 8, (5 << 20) / 8 + 3])
  func memoryHoldsWhatIsWrittenAndLargeBlocksStartOnAHugePage(_ capacity: Int) {
    let memory = Kernels.allocateHugePageBacked(Double.self, capacity: capacity)
    defer { memory.deallocate() }
    let startsOnAHugePage = Int(bitPattern: memory) % Kernels.hugePageBytes == 0
    if capacity * 8 >= Kernels.hugePageBytes { #expect(startsOnAHugePage) }
    #expect(Int(bitPattern: memory) % Kernels.cacheLineBytes == 0)
    for i in 0..<capacity { (memory + i).initialize(to: Double(i) * 0.5) }
    var wrong = 0
    for i in 0..<capacity where memory[i] != Double(i) * 0.5 { wrong += 1 }
    #expect(wrong == 0)
  }

  /// Blocks rounded by `wholeCacheLines` keep the next block on a cache line: 16 floats or 8
  /// doubles a line.
  @Test func wholeCacheLinesRoundsUpToWholeLines() {
    let floats = [0, 1, 16, 17, 33].map { Kernels.wholeCacheLines($0, of: Float.self) }
    let doubles = [0, 1, 8, 9, 10].map { Kernels.wholeCacheLines($0, of: Double.self) }
    #expect(floats == [0, 16, 16, 32, 48])
    #expect(doubles == [0, 8, 8, 16, 16])
  }
}
