/// A seeded random hold-out of some rows for validation.
///
/// The rows are permuted by `SeededGenerator(seed: seed).permutation(rows)`; the last
/// ⌈fraction · rows⌉ entries of the permutation are held out for validation and the rest
/// train (a product within 1e-9 of a whole number counts as that number, so 0.7 of 10 rows
/// is 7 although 0.7 · 10 is 7.000000000000001 in floating point). Both lists are then
/// sorted, so each keeps the rows in their file order.
public struct DatasetSplit: Equatable, Sendable {
  /// The rows that train, ascending.
  public let training: [Int]
  /// The rows held out, ascending.
  public let validation: [Int]

  /// Holds out `validationFraction` of `rows` rows, chosen by `seed`.
  /// - Throws: `DatasetSplitError` when the fraction is not strictly between 0 and 1 or
  ///   leaves either part without rows.
  public init(rows: Int, validationFraction: Double, seed: UInt64) throws {
    guard validationFraction > 0 && validationFraction < 1 else {
      throw DatasetSplitError(
        "a validation fraction must be above 0 and below 1, not \(validationFraction)")
    }
    let heldOut = DatasetSplit.heldOutCount(rows: rows, fraction: validationFraction)
    guard heldOut < rows else {
      throw DatasetSplitError(
        "holding out \(validationFraction) of \(rows) rows leaves no rows to train on")
    }
    var generator = SeededGenerator(seed: seed)
    let permutation = generator.permutation(rows)
    training = permutation[..<(rows - heldOut)].sorted()
    validation = permutation[(rows - heldOut)...].sorted()
  }

  /// ⌈fraction · rows⌉, forgiving the rounding error of the product.
  static func heldOutCount(rows: Int, fraction: Double) -> Int {
    let product = fraction * Double(rows)
    let nearest = product.rounded()
    return Int(abs(product - nearest) < 1e-9 ? nearest : product.rounded(.up))
  }
}
