import Autograd
import Testing

/// `Kernels.allocateHugePageBacked` gives memory like `allocate(capacity:)`, starting on a
/// huge page from one huge page up.
struct HugePageAllocationTests {
  @Test(arguments: [1, 1000, (2 << 20) / 8 - 1, (2 << 20) / 8, (5 << 20) / 8 + 3])
  func memoryHoldsWhatIsWrittenAndLargeBlocksStartOnAHugePage(_ capacity: Int) {
    let memory = Kernels.allocateHugePageBacked(Double.self, capacity: capacity)
    defer { memory.deallocate() }
    let startsOnAHugePage = Int(bitPattern: memory) % Kernels.hugePageBytes == 0
    if capacity * 8 >= Kernels.hugePageBytes { #expect(startsOnAHugePage) }
    #expect(Int(bitPattern: memory) % MemoryLayout<Double>.alignment == 0)
    for i in 0..<capacity { (memory + i).initialize(to: Double(i) * 0.5) }
    var wrong = 0
    for i in 0..<capacity where memory[i] != Double(i) * 0.5 { wrong += 1 }
    #expect(wrong == 0)
  }
}
