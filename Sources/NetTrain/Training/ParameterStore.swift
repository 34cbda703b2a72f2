import Autograd

/// A model's parameters in one block of memory that stays put, which the compiled training
/// steps read and the optimizer updates in place during an epoch; the parameter tensors get
/// the values back (`save(into:)`) whenever the rest of the program looks at them.
@usableFromInline
final class ParameterStore<Scalar: TensorScalar> {
  @usableFromInline let memory: UnsafeMutablePointer<Scalar>
  @usableFromInline let offsets: [Int]
  @usableFromInline let counts: [Int]

  /// A store shaped for `parameters`, holding their current values.
  @usableFromInline
  init(_ parameters: [Tensor<Scalar>]) {
    counts = parameters.map(\.shape.count)
    var offsets: [Int] = []
    var total = 0
    for count in counts {
      offsets.append(total)
      total += Kernels.wholeCacheLines(count, of: Scalar.self)  // each on its own cache lines
    }
    self.offsets = offsets
    memory = Kernels.allocateHugePageBacked(Scalar.self, capacity: max(total, 1))
    memory.initialize(repeating: 0, count: max(total, 1))
    load(from: parameters)
  }

  deinit { memory.deallocate() }

  /// The number of parameters.
  @usableFromInline var count: Int { counts.count }

  /// The elements of parameter `index`.
  @inlinable
  func buffer(_ index: Int) -> UnsafeMutableBufferPointer<Scalar> {
    UnsafeMutableBufferPointer(start: memory + offsets[index], count: counts[index])
  }

  /// Copies the tensors' values in.
  @inlinable
  func load(from parameters: [Tensor<Scalar>]) {
    for (index, parameter) in parameters.enumerated() {
      parameter.scalars.withUnsafeBufferPointer { values in
        _ = buffer(index).update(fromContentsOf: values)
      }
    }
  }

  /// Copies the values out into the tensors.
  @inlinable
  func save(into parameters: [Tensor<Scalar>]) {
    for (index, parameter) in parameters.enumerated() {
      parameter.withUnsafeMutableScalars { values in
        _ = values.update(fromContentsOf: UnsafeBufferPointer(buffer(index)))
      }
    }
  }
}
