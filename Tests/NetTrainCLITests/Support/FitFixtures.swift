import Foundation

/// Tiny data sets and configs for the `fit` end-to-end tests: small enough that the debug
/// binary trains them in a fraction of a second.
enum FitFixtures {
  /// `a,b,y` with y = 3a − 2b + 1 plus a small deterministic noise (|noise| ≤ 0.06).
  static func regressionCSV(rows: Int = 40) -> String {
    var text = "a,b,y\n"
    for row in 0..<rows {
      let a = Double(row % 7) * 0.5 - 1
      let b = Double((row * 3) % 11) * 0.3 - 1.5
      let noise = Double((row * 37) % 13 - 6) * 0.01
      text += "\(a),\(b),\(format(3 * a - 2 * b + 1 + noise))\n"
    }
    return text
  }

  /// `x1,x2,label` with the label "yes" when x1 + x2 > 0.1, else "no".
  static func classificationCSV(rows: Int = 40) -> String {
    var text = "x1,x2,label\n"
    for row in 0..<rows {
      let x1 = Double((row * 7) % 10) * 0.2 - 1
      let x2 = Double((row * 3) % 9) * 0.25 - 1
      text += "\(format(x1)),\(format(x2)),\(x1 + x2 > 0.1 ? "yes" : "no")\n"
    }
    return text
  }

  /// `a,b,y` in the thousands (y = 3a − 2b + 1): without standardisation a large learning
  /// rate makes plain SGD blow up within a few steps.
  static func largeValuedCSV(rows: Int = 30) -> String {
    var text = "a,b,y\n"
    for row in 0..<rows {
      let a = 1000 + Double(row) * 37
      let b = 5000 - Double(row) * 11
      text += "\(a),\(b),\(3 * a - 2 * b + 1)\n"
    }
    return text
  }

  /// A config as JSON text. `data` and `top` are extra members (each starting with a comma)
  /// of the `data` object and of the top-level object.
  static func config(
    name: String = "tiny", train: String = "data.csv", target: String = "y",
    data: String = "", model: String = #"{"type": "linear"}"#,
    optimizer: String = #"{"name": "sgd", "learning_rate": 0.1}"#,
    training: String = #"{"epochs": 5, "batch_size": 8, "seed": 0}"#, top: String = ""
  ) -> String {
    """
    {
      "name": "\(name)",
      "data": {"train": "\(train)", "target": "\(target)"\(data)},
      "model": \(model),
      "optimizer": \(optimizer),
      "training": \(training)\(top)
    }

    """
  }

  /// A classifier (logistic regression unless `model` says otherwise) on `classificationCSV`
  /// with a quarter held out for validation; `task` is written only when given.
  static func classificationConfig(
    name: String = "labels", model: String = #"{"type": "logistic"}"#, task: String? = nil,
    epochs: Int = 6
  ) -> String {
    config(
      name: name, target: "label", data: #", "validation": 0.25"#, model: model,
      optimizer: #"{"name": "sgd", "learning_rate": 0.5}"#,
      training: #"{"epochs": \#(epochs), "batch_size": 8, "seed": 0}"#,
      top: task.map { #", "task": "\#($0)""# } ?? "")
  }

  private static func format(_ value: Double) -> String { String(format: "%.6f", value) }
}
