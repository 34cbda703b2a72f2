/// How a matrix operand of `Kernels.matmul` is stored in its row-major buffer.
///
/// The product always uses the operand as a mathematical `rows × columns` matrix; the layout
/// says whether the buffer holds that matrix (`normal`) or its transpose (`transposed`), so
/// that `Aᵀ·G` and `G·Bᵀ` need no transposed copy.
public enum MatrixLayout: Sendable {
  /// The buffer holds the matrix itself, row-major: `[rows, columns]`.
  case normal
  /// The buffer holds the matrix's transpose, row-major: `[columns, rows]`.
  case transposed
}
