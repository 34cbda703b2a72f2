import Autograd
import Testing

/// A program fuses chains of element-wise ops into one pass; the fused instructions must give
/// the bits of the ops they replace, for every broadcast form, and leave nothing unfused that
/// the pattern covers.
struct ProgramFusionTests {
  typealias T = Tensor<Double>

  static func random(_ shape: Shape, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<shape.count).map { _ in generator.nextUniform(in: -2, 2) }
  }

  /// Records `function` on tracked inputs of `shapes`, compiles it, and checks that on new
  /// values its outputs equal the eager ops' to the bit; returns the program's listing.
  static func replayedListing(
    _ shapes: [Shape], threads: Int = 1, _ function: ([T]) -> [T],
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    let inputs = shapes.enumerated().map { index, shape in
      T(random(shape, seed: UInt64(index)), shape: shape, requiresGrad: true)
    }
    let program = Program(
      inputs: inputs, outputs: withGrad { function(inputs) }, threads: threads)
    let values = shapes.enumerated().map { random($1, seed: UInt64(100 + $0)) }
    for (index, value) in values.enumerated() {
      _ = program.input(index).update(fromContentsOf: value)
    }
    program.run()
    let eager = withGrad { function(zip(values, shapes).map { T($0, shape: $1, requiresGrad: true) }) }
    for (index, expected) in eager.enumerated() {
      #expect(Array(program.output(index)) == expected.scalars, sourceLocation: sourceLocation)
    }
    return program.description
  }

  @Test func anOperandThatIsBroadcastIsReadInPlace() {
    let listing = Self.replayedListing(
      [.matrix(5, 3), .vector(3), .matrix(1, 3), .matrix(5, 1), .vector(1)]
    ) { x in
      let (a, row, rowMatrix, column, one) = (x[0], x[1], x[2], x[3], x[4])
      return [a + row, row + a, a - rowMatrix, a * column, column * a, a / column, a - one]
    }
    #expect(!listing.contains("broadcast"), "\(listing)")
    #expect(listing.contains("add_bcast") && listing.contains("sub_bcast"))
    #expect(listing.contains("mul_bcast") && listing.contains("div_bcast"))
  }

  @Test func aBroadcastFirstOperandOfASubtractionIsNotFused() {
    let listing = Self.replayedListing([.matrix(4, 2), .vector(2)]) { x in [x[1] - x[0]] }
    #expect(listing.contains("broadcast(") && listing.contains("sub("), "\(listing)")
  }

  @Test func tanhsBackwardPassIsOneInstruction() {
    let listing = Self.replayedListing([.matrix(6, 5), .matrix(6, 5)]) { x in
      let y = x[0].tanh()
      let gradient = (y * x[1]).sum().adjoints(createGraph: true)[x[0]] ?? T.zeros(x[0].shape)
      return [gradient, x[1] * (1 - y * y), (1 - y * y) * x[1]]
    }
    #expect(!listing.contains("1.0 sub"), "\(listing)")
    #expect(listing.components(separatedBy: "mul_1-y²").count - 1 == 3, "\(listing)")
  }

  @Test func aSquareOfTwoDifferentTensorsIsNotFused() {
    let listing = Self.replayedListing([.matrix(3, 3), .matrix(3, 3)]) { x in
      [x[0] * (1 - x[0] * x[1])]
    }
    #expect(!listing.contains("mul_1-y²"), "\(listing)")
  }

  /// A dense layer, tanh(x·W + b), is one instruction, also when the product is split
  /// between threads (by rows; by columns when there are fewer than 16 rows) and deeper than
  /// one block of the product's loop.
  @Test(arguments: [1, 2, 3], [70, 9])
  func aDenseLayerIsOneInstruction(threads: Int, rows: Int) {
    let listing = Self.replayedListing(
      [.matrix(rows, 300), .matrix(300, 90), .vector(90), .matrix(90, 300), .matrix(1, 90)],
      threads: threads
    ) { x in
      let (input, weight, bias, transposedWeight, biasRow) = (x[0], x[1], x[2], x[3], x[4])
      return [
        (input.matmul(weight) + bias).tanh(),
        input.matmul(transposedWeight.transposed()) + biasRow,
      ]
    }
    #expect(listing.contains("tanh_matmul_add_row(in0, in1, in2)"), "\(listing)")
    #expect(listing.contains("matmul_add_row(in0, in3ᵀ, in4)"), "\(listing)")
    #expect(Self.instructions(listing) == 2, "\(listing)")
  }

  /// A gradient carried back through a tanh layer, G·Wᵀ · (1 − y·y), is one instruction, on
  /// every thread count (split by rows; by columns when there are fewer than 16 rows), W read
  /// transposed or as it is.
  @Test(arguments: [1, 2, 3], [70, 9])
  func aProductTimesTanhsSlopeIsOneInstruction(threads: Int, rows: Int) {
    let listing = Self.replayedListing(
      [.matrix(rows, 90), .matrix(300, 90), .matrix(rows, 300), .matrix(90, 300)],
      threads: threads
    ) { x in
      let (gradient, weight, hidden, weightColumns) = (x[0], x[1], x[2].tanh(), x[3])
      return [
        gradient.matmul(weight.transposed()) * (1 - hidden * hidden),
        (1 - hidden * hidden) * gradient.matmul(weightColumns),
      ]
    }
    #expect(listing.contains("matmul_mul_1-y²(in0, in1ᵀ, "), "\(listing)")
    #expect(listing.contains("matmul_mul_1-y²(in0, in3, "), "\(listing)")
    #expect(Self.instructions(listing) == 3, "\(listing)")  // and the tanh
  }

  /// A product or a sum that something else reads too stays as it is.
  @Test func aProductReadTwiceKeepsItsOwnInstruction() {
    let listing = Self.replayedListing([.matrix(4, 3), .matrix(3, 5), .vector(5)]) { x in
      let product = x[0].matmul(x[1])
      let affine = product + x[2]
      return [affine.tanh(), product, affine.exp()]
    }
    #expect(listing.contains("matmul(in0, in1)"), "\(listing)")
    #expect(listing.contains("add_bcast") && listing.contains("tanh("), "\(listing)")
    #expect(!listing.contains("matmul_add_row"), "\(listing)")
  }

  static func instructions(_ listing: String) -> Int {
    listing.split(separator: "\n").count
  }

  /// `subtract(_:timesOutput:fromInput:)` takes `w -= rate · g` inside the product that
  /// computes g (which is then not kept): the same bits as the loop after the run, on every
  /// thread count; it refuses when something after the product reads w, when something reads
  /// g, or when g is not a product.
  @Test(arguments: [1, 2])
  func aDescentStepIsTakenInsideTheProduct(threads: Int) {
    let a = T(Self.random(.matrix(300, 80), seed: 1), shape: .matrix(300, 80), requiresGrad: true)
    let b = T(Self.random(.matrix(300, 90), seed: 2), shape: .matrix(300, 90), requiresGrad: true)
    let start = Self.random(.matrix(80, 90), seed: 3)
    let w = T(start, shape: .matrix(80, 90), requiresGrad: true)
    let (gradient, readsW) = withGrad { (a.transposed().matmul(b), (w * 2).sum()) }
    let program = Program(inputs: [a, b, w], outputs: [gradient, readsW], threads: threads)
    #expect(program.subtract(0.25, timesOutput: 0, fromInput: 2) == false)  // w is read later
    #expect(program.subtract(0.25, timesOutput: 1, fromInput: 2) == false)  // not a product
    let readsG = withGrad { gradient.sum() }
    let gIsRead = Program(inputs: [a, b, w], outputs: [gradient, readsG], threads: threads)
    #expect(gIsRead.subtract(0.25, timesOutput: 0, fromInput: 2) == false)
    let alone = Program(inputs: [a, b, w], outputs: [gradient], threads: threads)
    #expect(alone.subtract(0.25, timesOutput: 0, fromInput: 2))
    #expect(alone.description.contains("matmul_descent 0.25(in0ᵀ, in1, in2)"), "\(alone)")
    alone.run()
    alone.run()
    var expected = start
    let g = gradient.scalars
    for _ in 0..<2 {
      for index in expected.indices { expected[index] -= 0.25 * g[index] }
    }
    #expect(Array(alone.input(2)) == expected)
  }
}
