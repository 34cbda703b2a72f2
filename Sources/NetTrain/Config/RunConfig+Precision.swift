extension RunConfig {
  /// The floating-point type a run trains in: the config's `precision`.
  public enum Precision: String, CaseIterable, Sendable {
    /// `Double`, the default.
    case float64
    /// `Float`.
    case float32
  }
}
