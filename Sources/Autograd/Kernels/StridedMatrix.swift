/// A matrix read through two strides: element `(row, column)` sits at
/// `base[row * rowStride + column * columnStride]`. Both layouts of a matmul operand, and
/// any block of one, are such views.
struct StridedMatrix<S> {
  /// The address of element `(0, 0)`.
  var base: UnsafePointer<S>
  /// The distance between consecutive rows, in elements.
  var rowStride: Int
  /// The distance between consecutive columns, in elements.
  var columnStride: Int

  /// The `rows × columns` matrix stored at `base` in `layout`.
  init(_ base: UnsafePointer<S>, _ layout: MatrixLayout, rows: Int, columns: Int) {
    self.base = base
    switch layout {
    case .normal: (rowStride, columnStride) = (columns, 1)
    case .transposed: (rowStride, columnStride) = (1, rows)
    }
  }

  /// Element `(row, column)`.
  @inline(__always)
  subscript(row: Int, column: Int) -> S {
    base[row * rowStride + column * columnStride]
  }

  /// The block whose element `(0, 0)` is this matrix's `(row, column)`.
  @inline(__always)
  func block(row: Int, column: Int) -> StridedMatrix {
    var block = self
    block.base += row * rowStride + column * columnStride
    return block
  }
}
