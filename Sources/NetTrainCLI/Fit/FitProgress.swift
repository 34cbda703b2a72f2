import NetTrain

/// Progress lines during training: every epoch of a short run, about ten lines of a long one
/// (always the first and the last).
struct FitProgress {
  let epochs: Int
  let terminal: Terminal
  let quiet: Bool

  func report(_ epoch: EpochReport) {
    let every = max(1, (epochs + 9) / 10)
    guard !quiet, epoch.epoch == 1 || epoch.epoch % every == 0 || epoch.epoch == epochs else {
      return
    }
    let width = String(epochs).count
    var fields = [
      "epoch \(String(epoch.epoch).leftPadded(to: width))/\(epochs)",
      "train_loss \(Self.format(epoch.trainingLoss))",
    ]
    if let loss = epoch.validationLoss { fields.append("val_loss \(Self.format(loss))") }
    if let accuracy = epoch.trainingAccuracy { fields.append("train_acc \(Self.percent(accuracy))") }
    if let accuracy = epoch.validationAccuracy { fields.append("val_acc \(Self.percent(accuracy))") }
    fields.append(String(format: "%.2f s", epoch.seconds))
    terminal.print(fields.joined(separator: "  "))
  }

  /// Six significant digits, enough to follow training.
  static func format(_ value: Double) -> String { String(format: "%.6g", value) }

  static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }
}

extension String {
  /// The string with spaces in front up to `width` characters.
  func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
