/// The per-epoch record `fit` writes to `loss.csv`, and the comparison `fit --expect` makes.
///
/// Header `epoch,train_loss,val_loss` (+ `train_accuracy,val_accuracy` for classification),
/// then `seconds`. Numbers are written in Swift's shortest round-trip form, so they read back
/// to the same `Double`; a value that does not exist (no validation set) is an empty field.
public struct LossCurve: Equatable, Sendable {
  /// Whether the accuracy columns are present.
  public var isClassification: Bool
  /// One report per epoch, in order.
  public var rows: [EpochReport]

  public init(isClassification: Bool, rows: [EpochReport] = []) {
    self.isClassification = isClassification
    self.rows = rows
  }

  /// The column names, in file order.
  public var header: [String] {
    isClassification
      ? ["epoch", "train_loss", "val_loss", "train_accuracy", "val_accuracy", "seconds"]
      : ["epoch", "train_loss", "val_loss", "seconds"]
  }

  /// The whole file, header first, `\n` line ends.
  public var csvText: String {
    var lines = [header.joined(separator: ",")]
    for row in rows {
      var fields = [
        String(row.epoch), Self.format(row.trainingLoss), Self.format(row.validationLoss),
      ]
      if isClassification {
        fields += [Self.format(row.trainingAccuracy), Self.format(row.validationAccuracy)]
      }
      fields.append(Self.format(row.seconds))
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func format(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}
