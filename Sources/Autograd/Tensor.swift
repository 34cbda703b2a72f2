/// A rank 0–2 array of numbers that can record the operations applied to it, so that
/// gradients can be computed by a reverse sweep over the recorded graph.
///
/// A tensor is a node of the graph, so it is a class: identity matters. A *leaf* is a tensor
/// no op produced (data or a parameter); set `requiresGrad` on a leaf to have `backward()`
/// accumulate its gradient in `grad`. A tensor produced by an op while recording is on, from
/// at least one tracked input, remembers its inputs and its pullback.
public final class Tensor<Scalar: TensorScalar> {
  /// The pullback of an op: given the gradient of the loss with respect to the op's output,
  /// the output itself and the index of one input, the gradient with respect to that input.
  /// Written with tensor ops, so that it records itself when the sweep is asked to
  /// (`createGraph`), which is how second derivatives come about.
  public typealias Pullback = (_ gradient: Tensor, _ output: Tensor, _ input: Int) -> Tensor

  /// How an op's output was made: which primitive, from which inputs, and the pullback.
  @usableFromInline
  struct Origin {
    @usableFromInline let primitive: Primitive<Scalar>
    @usableFromInline let inputs: [Tensor]
    @usableFromInline let pullback: Pullback

    @inlinable
    init(primitive: Primitive<Scalar>, inputs: [Tensor], pullback: @escaping Pullback) {
      self.primitive = primitive
      self.inputs = inputs
      self.pullback = pullback
    }
  }

  /// Row-major elements.
  @usableFromInline var storage: [Scalar]
  /// The tensor's shape.
  public let shape: Shape
  /// On a leaf: whether `backward()` accumulates a gradient for it.
  public var requiresGrad: Bool
  /// The accumulated gradient of a leaf that requires one; `nil` until a sweep reaches it.
  public var grad: Tensor?
  @usableFromInline var origin: Origin?

  /// A tensor holding `scalars` in row-major order.
  @inlinable
  public init(_ scalars: [Scalar], shape: Shape, requiresGrad: Bool = false) {
    precondition(
      scalars.count == shape.count,
      "\(scalars.count) elements do not fill the shape \(shape)")
    self.storage = scalars
    self.shape = shape
    self.requiresGrad = requiresGrad
  }

  /// A vector.
  public convenience init(_ scalars: [Scalar], requiresGrad: Bool = false) {
    self.init(scalars, shape: .vector(scalars.count), requiresGrad: requiresGrad)
  }

  /// A matrix from its rows, which must all have the same length.
  public convenience init(rows: [[Scalar]], requiresGrad: Bool = false) {
    let columns = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == columns }, "rows of different lengths")
    self.init(
      rows.flatMap { $0 }, shape: .matrix(rows.count, columns), requiresGrad: requiresGrad)
  }

  /// A rank-0 tensor.
  public convenience init(scalar: Scalar, requiresGrad: Bool = false) {
    self.init([scalar], shape: .scalar, requiresGrad: requiresGrad)
  }

  /// A tensor of the given shape with every element `value`.
  @inlinable
  public convenience init(repeating value: Scalar, shape: Shape) {
    self.init([Scalar](repeating: value, count: shape.count), shape: shape)
  }

  /// Zeros of the given shape.
  @inlinable
  public static func zeros(_ shape: Shape) -> Tensor { Tensor(repeating: 0, shape: shape) }

  /// Ones of the given shape.
  @inlinable
  public static func ones(_ shape: Shape) -> Tensor { Tensor(repeating: 1, shape: shape) }

  /// Releases the graph behind this tensor one node at a time: the default release would
  /// recurse once per op and overflow the stack on a long chain.
  deinit {
    var pending = origin?.inputs ?? []
    origin = nil  // no copy of the origin may outlive this line, or inputs stay shared
    while var tensor = pending.popLast() {
      guard isKnownUniquelyReferenced(&tensor) else { continue }
      pending.append(contentsOf: tensor.origin?.inputs ?? [])
      tensor.origin = nil
    }
  }

  // MARK: - Values

  /// The elements in row-major order. Setting them changes the tensor in place (as an
  /// optimizer does to a parameter); the count must not change.
  @inlinable
  public var scalars: [Scalar] {
    get { storage }
    set {
      precondition(newValue.count == storage.count, "\(newValue.count) elements for \(shape)")
      storage = newValue
    }
  }

  /// The only element of a one-element tensor.
  public var item: Scalar {
    precondition(shape.count == 1, "item of a tensor of shape \(shape)")
    return storage[0]
  }

  /// The element at `row`, `column` of a matrix.
  public subscript(row: Int, column: Int) -> Scalar {
    storage[row * shape.columns + column]
  }

  /// Changes elements in place through a mutable buffer, outside the graph.
  @inlinable
  public func withUnsafeMutableScalars<R>(
    _ body: (inout UnsafeMutableBufferPointer<Scalar>) throws -> R
  ) rethrows -> R {
    try storage.withUnsafeMutableBufferPointer(body)
  }

  // MARK: - The graph

  /// Whether gradients flow through this tensor: a leaf that requires a gradient, or the
  /// output of a recorded op.
  @inlinable
  public var isTracked: Bool { requiresGrad || origin != nil }

  /// Whether no op produced this tensor.
  @inlinable public var isLeaf: Bool { origin == nil }

  /// The label of the op that produced this tensor, `nil` for a leaf.
  public var operation: String? { origin?.primitive.label }

  /// The primitive op that produced this tensor, `nil` for a leaf.
  public var primitive: Primitive<Scalar>? { origin?.primitive }

  /// The tensors the op that produced this one took, empty for a leaf.
  public var inputs: [Tensor] { origin?.inputs ?? [] }

  /// A new leaf with the same values that no gradient flows through.
  public func detached() -> Tensor { Tensor(storage, shape: shape) }

  /// The output of `primitive` applied to `inputs` (one or two), of `shape`, recorded in the
  /// graph when recording is on and some input is tracked.
  ///
  /// This is the only way an op enters the graph: the op names its primitive (whose kernel
  /// computes the values, the same kernel a compiled `Program` replays) and hands its inputs
  /// and its pullback here, in the same place.
  @inlinable
  public static func apply(
    _ primitive: Primitive<Scalar>, to inputs: [Tensor], shape: Shape,
    pullback: @escaping Pullback
  ) -> Tensor {
    precondition(inputs.count == 1 || inputs.count == 2, "\(primitive.label) of \(inputs.count)")
    let values = [Scalar](unsafeUninitializedCapacity: shape.count) { out, initialized in
      evaluate(primitive, on: inputs, into: out, shape)
      initialized = shape.count
    }
    let output = Tensor(values, shape: shape)
    if GradMode.isRecording && inputs.contains(where: { $0.isTracked }) {
      output.origin = Origin(primitive: primitive, inputs: inputs, pullback: pullback)
    }
    return output
  }

  @inlinable
  static func evaluate(
    _ primitive: Primitive<Scalar>, on inputs: [Tensor],
    into out: UnsafeMutableBufferPointer<Scalar>, _ shape: Shape
  ) {
    let x = inputs[0]
    let y = inputs.count == 2 ? inputs[1] : inputs[0]
    let yShape = inputs.count == 2 ? y.shape : Shape.scalar
    x.storage.withUnsafeBufferPointer { xs in
      y.storage.withUnsafeBufferPointer { ys in
        let second = inputs.count == 2 ? ys : UnsafeBufferPointer(start: nil, count: 0)
        primitive.evaluate(
          xs, x.shape, second, yShape, into: out, shape, threads: Kernels.availableThreads)
      }
    }
  }

  /// Sets `grad` back to `nil`, as PyTorch's `zero_grad(set_to_none=True)`.
  public func zeroGrad() { grad = nil }
}

extension Tensor: CustomStringConvertible {
  public var description: String {
    let values: String
    switch shape.rank {
    case 0: values = "\(storage[0])"
    case 1: values = "[" + storage.map { "\($0)" }.joined(separator: ", ") + "]"
    default:
      values = "[" + (0..<shape.rows).map { row in
        "[" + storage[row * shape.columns..<(row + 1) * shape.columns].map { "\($0)" }
          .joined(separator: ", ") + "]"
      }.joined(separator: ", ") + "]"
    }
    return "Tensor(\(values), shape: \(shape))"
  }
}
