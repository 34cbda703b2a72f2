/// A problem with the expression given to `nettrain grad`: a syntax error, an unknown name,
/// or a value outside a function's domain. Its description names the place:
/// `expression:1:7: expected ")" to close the "(" at column 4, found end of input`.
struct ExpressionError: Error, Equatable, CustomStringConvertible {
  /// Where the problem is, or `nil` when it is about the expression as a whole.
  let location: SourceLocation?
  /// What is wrong, in words a user can act on.
  let message: String

  init(at location: SourceLocation?, _ message: String) {
    self.location = location
    self.message = message
  }

  var description: String {
    "\(location?.description ?? "expression"): \(message)"
  }
}
