/// One step of a compiled program: a primitive, the slots of its operands and of its output,
/// and their shapes.
@usableFromInline
struct ProgramInstruction<Scalar: TensorScalar> {
  @usableFromInline var primitive: Primitive<Scalar>
  /// The slot of the first operand.
  @usableFromInline var x: Int
  @usableFromInline var xShape: Shape
  /// The slot of the second operand; equal to `x` (and unread) for a unary primitive.
  @usableFromInline var y: Int
  @usableFromInline var yShape: Shape
  /// The slot of the third operand (the bias row of `matmulAddRow`, the matrix
  /// `matmulDescent` updates, the tanh output of `matmulTanhSlope`); equal to `x` (and
  /// unread) for every other primitive.
  @usableFromInline var z: Int
  @usableFromInline var zShape: Shape
  /// Whether the primitive takes a third operand.
  @usableFromInline var isTernary: Bool
  /// The slot the output is written to.
  @usableFromInline var output: Int
  @usableFromInline var shape: Shape
  /// Whether the primitive takes two operands.
  @usableFromInline var isBinary: Bool

  @usableFromInline
  init(
    primitive: Primitive<Scalar>, x: Int, xShape: Shape, y: Int?, yShape: Shape?,
    output: Int, shape: Shape
  ) {
    self.primitive = primitive
    self.x = x
    self.xShape = xShape
    self.y = y ?? x
    self.yShape = yShape ?? .scalar
    self.output = output
    self.shape = shape
    self.isBinary = y != nil
    self.z = x
    self.zShape = .scalar
    self.isTernary = false
  }

  /// The threads the instruction works on when it may use `threads`: more than one only for
  /// a large enough matrix product (see `Kernels.matmulThreads`).
  func threadsUsed(of threads: Int) -> Int {
    guard let (aLayout, _) = primitive.productLayouts else { return 1 }
    let k = aLayout == .normal ? xShape.columns : xShape.rows
    return Kernels.matmulThreads(
      Scalar.self, m: shape.rows, k: k, n: shape.columns, threads: threads)
  }

  /// The slots the instruction reads.
  @usableFromInline var operands: [Int] {
    isTernary ? [x, y, z] : isBinary ? [x, y] : [x]
  }
}
