import Autograd
import Testing

/// A compiled program replays the recorded ops with the same kernels, so on new inputs it
/// must give exactly (to the bit) what the eager ops give there, gradients included.
struct ProgramTests {
  typealias T = Tensor<Double>
  typealias Case = GradientCheckTests.Case

  /// L = Σ w·op(x)² and its gradient with respect to every input of the op.
  static func lossAndGradients(_ op: Case, _ inputs: [T], weights: T, createGraph: Bool) -> [T] {
    let loss = withGrad { () -> T in
      let output = op.function(inputs)
      return (output * output * weights).sum()
    }
    let adjoints = loss.adjoints(createGraph: createGraph)
    return [loss] + inputs.map { adjoints[$0] ?? T.zeros($0.shape) }
  }

  static func point(_ op: Case, seed: UInt64) -> (inputs: [[Double]], weights: [Double]) {
    var random = SeededGenerator(seed: seed)
    let inputs = op.shapes.map { GradientCheckTests.randomValues($0.count, op.domain, &random) }
    let outputShape = op.function(GradientCheckTests.tensors(inputs, op.shapes)).shape
    return (inputs, GradientCheckTests.randomValues(outputShape.count, .any, &random))
  }

  @Test(arguments: GradientCheckTests.cases)
  func replayGivesTheEagerBitsOnNewInputs(_ op: Case) {
    // Record at one point (every input tracked, the sweep recorded)...
    let recorded = Self.point(op, seed: 10)
    let inputs = GradientCheckTests.tensors(recorded.inputs, op.shapes, requiresGrad: true)
    let outputShape = op.function(inputs).shape
    let weights = T(recorded.weights, shape: outputShape, requiresGrad: true)
    let outputs = Self.lossAndGradients(op, inputs, weights: weights, createGraph: true)
    let program = Program(inputs: inputs + [weights], outputs: outputs)
    // ...replay at others, where e.g. relu's and abs's slopes differ from the recorded ones.
    for seed: UInt64 in [11, 12, 13] {
      let (values, weightValues) = Self.point(op, seed: seed)
      for (index, input) in values.enumerated() {
        _ = program.input(index).update(fromContentsOf: input)
      }
      _ = program.input(values.count).update(fromContentsOf: weightValues)
      program.run()
      let eager = Self.lossAndGradients(
        op, GradientCheckTests.tensors(values, op.shapes, requiresGrad: true),
        weights: T(weightValues, shape: outputShape), createGraph: false)
      for (index, expected) in eager.enumerated() {
        #expect(Array(program.output(index)) == expected.scalars, "\(op.name) output \(index)")
      }
    }
  }

  @Test func aTransposeFeedingAProductIsReadInPlaceAndUnusedOpsAreDropped() {
    let a = T(rows: [[1, 2, 3], [4, 5, 6]], requiresGrad: true)
    let b = T(rows: [[1, 0], [2, 1]], requiresGrad: true)
    let product = withGrad { a.transposed().matmul(b) }  // [3, 2]
    let unused = withGrad { a.exp() }
    _ = unused
    let program = Program(inputs: [a, b], outputs: [product])
    #expect(program.instructionCount == 1)
    program.run()
    #expect(Array(program.output(0)) == [9, 4, 12, 5, 15, 6])
  }

  /// Every block of the program's memory starts on a cache line, whatever the sizes before
  /// it (3, 6, 2 and 1 floats here), so that the kernels' registers never straddle two.
  @Test func everyInputAndOutputStartsOnACacheLine() {
    let a = Tensor<Float>(rows: [[1, 2, 3], [4, 5, 6]], requiresGrad: true)
    let b = Tensor<Float>([1, 2, 3], requiresGrad: true)
    let (product, total) = withGrad {
      let product = a.matmul(b.reshaped([3, 1]))
      return (product, product.tanh().sum())
    }
    let program = Program(inputs: [b, a], outputs: [product, total])
    let starts = [program.input(0), program.input(1)].map { Int(bitPattern: $0.baseAddress) }
      + [program.output(0), program.output(1)].map { Int(bitPattern: $0.baseAddress) }
    #expect(starts.allSatisfy { $0 % Kernels.cacheLineBytes == 0 }, "\(starts)")
  }

  @Test func constantsAreCopiedInAndInputsCanBeBoundToOutsideMemory() {
    let x = T([1, 2, 3], requiresGrad: true)
    let offset = T([10, 20, 30])  // a constant leaf
    let y = withGrad { (x * 2 + offset).sum() }
    let program = Program(inputs: [x], outputs: [y])
    let outside = UnsafeMutablePointer<Double>.allocate(capacity: 3)
    defer { outside.deallocate() }
    outside.initialize(from: [0.5, 0.25, 0.125], count: 3)
    program.bind(input: 0, to: outside)
    program.run()
    #expect(program.output(0)[0] == 61.75)
    outside[0] = 1.5
    program.run()
    #expect(program.output(0)[0] == 63.75)
  }

  @Test func anInputBoundAtCompileTimeTakesNoMemory() {
    let x = T((0..<64).map(Double.init), requiresGrad: true)
    let y = withGrad { (x * 2).sum() }
    let outside = UnsafeMutablePointer<Double>.allocate(capacity: 64)
    defer { outside.deallocate() }
    outside.initialize(repeating: 1, count: 64)
    let own = Program(inputs: [x], outputs: [y])
    let bound = Program(inputs: [x], outputs: [y], bindings: [0: outside])
    #expect(bound.memoryCount + 64 == own.memoryCount)
    bound.run()
    #expect(bound.output(0)[0] == 128)
    own.run()
    #expect(own.output(0)[0] == 4032)  // its own copy of the starting values
  }
}

extension ProgramTests {
  /// A chain of 20 element-wise ops on 100 elements: each intermediate is dead once the next
  /// op has read it, so the program needs a few blocks of 100, not 20, and still computes it.
  @Test func intermediatesReuseMemory() {
    let x = T((0..<100).map { Double($0) / 100 }, requiresGrad: true)
    var y = x
    withGrad { for _ in 0..<20 { y = (y * 0.5).tanh() } }
    let program = Program(inputs: [x], outputs: [y])
    program.run()
    #expect(Array(program.output(0)) == y.scalars)
    #expect(program.memoryCount <= 4 * 104, "\(program.memoryCount) elements")
  }
}
