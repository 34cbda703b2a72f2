/// What happened in one epoch of training.
public struct EpochReport: Equatable, Sendable {
  /// The epoch, counting from 1.
  public var epoch: Int
  /// The mean of the per-batch mean losses over the epoch (standardised units for a
  /// standardised regression target).
  public var trainingLoss: Double
  /// The loss over the whole validation set after the epoch; `nil` without validation.
  public var validationLoss: Double?
  /// For classification: the fraction of training rows the minibatch forward passes
  /// classified correctly during the epoch (as Keras reports it).
  public var trainingAccuracy: Double?
  /// For classification with validation: the accuracy on the validation set after the epoch.
  public var validationAccuracy: Double?
  /// Wall-clock seconds since training started, at the end of this epoch.
  public var seconds: Double

  /// A report with the given values.
  public init(
    epoch: Int, trainingLoss: Double, validationLoss: Double? = nil,
    trainingAccuracy: Double? = nil, validationAccuracy: Double? = nil, seconds: Double
  ) {
    self.epoch = epoch
    self.trainingLoss = trainingLoss
    self.validationLoss = validationLoss
    self.trainingAccuracy = trainingAccuracy
    self.validationAccuracy = validationAccuracy
    self.seconds = seconds
  }
}
