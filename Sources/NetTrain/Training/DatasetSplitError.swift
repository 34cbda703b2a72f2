/// Why a validation split cannot be made.
public struct DatasetSplitError: Error, CustomStringConvertible, Equatable {
  /// What is wrong, in words a user can act on.
  public let description: String

  init(_ description: String) { self.description = description }
}
