/// What an op computes, as data: the instruction that both the eager op and a compiled
/// `Program` evaluate (with the same kernel, so both give the same bits), and the label a
/// trace shows.
///
/// The operand shapes come with the evaluation, so a case carries only what the shapes do
/// not say: a scalar constant, or the layout of a matrix product's operands.
public enum Primitive<Scalar: TensorScalar> {
  /// Element-wise `a + b`, `a − b`, `a · b`, `a / b` of two tensors of one shape.
  case add, subtract, multiply, divide
  /// −x.
  case negate
  /// x + c.
  case addScalar(Scalar)
  /// c − x.
  case subtractFromScalar(Scalar)
  /// x · c.
  case multiplyByScalar(Scalar)
  /// x / c.
  case divideByScalar(Scalar)
  /// c / x.
  case divideScalar(Scalar)
  /// A one-element tensor, a row or a column repeated to the output's shape.
  case broadcast
  /// The sum of x down to the output's shape (the reverse of `broadcast`).
  case sumToShape
  /// The same elements in another shape.
  case reshape
  /// The matrix product op(a) · op(b), each operand read as stored or transposed.
  case matmul(MatrixLayout, MatrixLayout)
  /// The transpose of a matrix.
  case transpose
  /// Element-wise functions.
  case exp, log, sqrt, sin, cos, tanh, sigmoid, relu, abs, softplus
  /// x raised to a constant power.
  case pow(Scalar)
  /// Log-softmax of every row.
  case logSoftmax
  /// 1 where x > 0, else 0: the slope of relu (its own gradient is zero).
  case heaviside
  /// The sign of x: 1, −1 or 0 (its own gradient is zero).
  case sign

  // Fused primitives: a compiled `Program` puts them in place of chains of the ops above
  // (the same arithmetic in one pass, so the same bits); no op records them.

  /// `x ∘ y` (add, subtract, multiply, divide) with y, one element, a row or a column,
  /// repeated over x's shape: an element-wise op that reads a broadcast's input in place.
  case addBroadcast, subtractBroadcast, multiplyBroadcast, divideBroadcast
  /// x · (1 − y · y): a gradient times the slope of tanh at its output y, in one pass
  /// instead of three (`mul`, `1 sub`, `mul`).
  case multiplyByOneMinusSquare
  /// op(a) · op(b) + bias (a row, the third operand, added to every row), then tanh of every
  /// element when `tanh` is set: a dense layer in one instruction, finished block by block
  /// by the threads of the product (see `MatmulEpilogue`).
  case matmulAddRow(MatrixLayout, MatrixLayout, tanh: Bool)
  /// op(a) · op(b), and `rate` times it subtracted in place from the third operand, a
  /// matrix of the same shape: a gradient and the plain gradient descent step it makes, block
  /// by block (see `Program.subtract(_:timesOutput:fromInput:)`).
  case matmulDescent(MatrixLayout, MatrixLayout, rate: Scalar)
  /// op(a) · op(b) · (1 − y · y), y the third operand (a tanh's output, of the product's
  /// shape): a gradient carried back through a tanh layer, finished block by block by the
  /// threads of the product, as `multiplyByOneMinusSquare` would after it.
  case matmulTanhSlope(MatrixLayout, MatrixLayout)

  /// How a matrix product reads its two operands (as stored or transposed); nil for any
  /// primitive that is not a product.
  public var productLayouts: (a: MatrixLayout, b: MatrixLayout)? {
    switch self {
    case .matmul(let a, let b), .matmulAddRow(let a, let b, _), .matmulDescent(let a, let b, _),
      .matmulTanhSlope(let a, let b):
      (a, b)
    default: nil
    }
  }

  /// The op's name in traces: `add`, `mul 2.0`, `3.0 sub`, `matmul`, `tanh`, ….
  public var label: String {
    switch self {
    case .add: "add"
    case .subtract: "sub"
    case .multiply: "mul"
    case .divide: "div"
    case .negate: "neg"
    case .addScalar(let c): "add \(c)"
    case .subtractFromScalar(let c): "\(c) sub"
    case .multiplyByScalar(let c): "mul \(c)"
    case .divideByScalar(let c): "div \(c)"
    case .divideScalar(let c): "\(c) div"
    case .broadcast: "broadcast"
    case .sumToShape: "sum"
    case .reshape: "reshape"
    case .matmul: "matmul"
    case .transpose: "transpose"
    case .exp: "exp"
    case .log: "log"
    case .sqrt: "sqrt"
    case .sin: "sin"
    case .cos: "cos"
    case .tanh: "tanh"
    case .sigmoid: "sigmoid"
    case .relu: "relu"
    case .abs: "abs"
    case .softplus: "softplus"
    case .pow(let c): "pow \(c)"
    case .logSoftmax: "logSoftmax"
    case .heaviside: "heaviside"
    case .sign: "sign"
    case .addBroadcast: "add_bcast"
    case .subtractBroadcast: "sub_bcast"
    case .multiplyBroadcast: "mul_bcast"
    case .divideBroadcast: "div_bcast"
    case .multiplyByOneMinusSquare: "mul_1-y²"
    case .matmulAddRow(_, _, let tanh): tanh ? "tanh_matmul_add_row" : "matmul_add_row"
    case .matmulDescent(_, _, let rate): "matmul_descent \(rate)"
    case .matmulTanhSlope: "matmul_mul_1-y²"
    }
  }
}
