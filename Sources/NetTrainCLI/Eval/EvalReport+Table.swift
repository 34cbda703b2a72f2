import Foundation
import NetTrain

extension EvalReport {
  /// The readable report: the headline, the scores, and for classification the per-class
  /// table and the confusion matrix. Numbers have 6 significant digits (`--json` has all).
  var table: String {
    var lines = [headline, ""]
    var scores = [["loss (\(lossName))", Self.format(evaluation.loss)]]
    if let regression = evaluation.regression {
      scores += [
        ["MSE", Self.format(regression.meanSquaredError)],
        ["RMSE", Self.format(regression.rootMeanSquaredError)],
        ["MAE", Self.format(regression.meanAbsoluteError)],
        ["R²", Self.format(regression.rSquared)],
      ]
    }
    if let classification = evaluation.classification {
      scores += [
        ["accuracy", Self.format(classification.accuracy)],
        ["log loss", Self.format(classification.logLoss)],
      ]
      if task == .binary {
        let auc = classification.rocAUC.map(Self.format) ?? "n/a (the rows hold one class only)"
        scores.append(["ROC AUC", auc])
      }
    }
    lines += TextTable(scores).lines()
    if let classification = evaluation.classification {
      lines += [""] + classTable(classification)
      lines += [""] + confusionMatrix(classification)
    }
    return lines.map { $0 + "\n" }.joined()
  }

  // MARK: - Private

  private func classTable(_ metrics: ClassificationMetrics) -> [String] {
    var rows = [["class", "precision", "recall", "F1", "support"]]
    for (index, label) in classLabels.enumerated() {
      rows.append([
        label, Self.format(metrics.precision[index]), Self.format(metrics.recall[index]),
        Self.format(metrics.f1[index]), String(metrics.support[index]),
      ])
    }
    return TextTable(rows, rightAligned: [1, 2, 3, 4]).lines()
  }

  private func confusionMatrix(_ metrics: ClassificationMetrics) -> [String] {
    var rows = [["true \\ predicted"] + classLabels]
    for (label, counts) in zip(classLabels, metrics.confusionMatrix) {
      rows.append([label] + counts.map(String.init))
    }
    let title = "  confusion matrix (rows: true label, columns: predicted label)"
    return [title] + TextTable(rows, rightAligned: Set(1...classLabels.count)).lines()
  }

  /// Six significant digits: `0.998312`, `2512.35`, `1.2345e-05`; `inf` and `nan` as such.
  static func format(_ value: Double) -> String {
    String(format: "%.6g", value)
  }
}
