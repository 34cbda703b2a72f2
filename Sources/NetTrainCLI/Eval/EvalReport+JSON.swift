import NetTrain

extension EvalReport {
  /// The report as one line of JSON:
  /// `{"model", "data", ["split": "validation",] "rows", "task", "target", "loss", "metrics"}`
  /// where `metrics` is `{"mse", "rmse", "mae", "r2"}` for regression and `{"accuracy",
  /// "log_loss", ["roc_auc",] "classes": [{"label", "precision", "recall", "f1", "support"}],
  /// "confusion_matrix": [[...]]}` for classification. A number that is not finite (or a ROC
  /// AUC that does not exist) is `null`.
  var json: String {
    var root: JSONObject = ["model": .string(modelPath), "data": .string(dataPath)]
    if isValidationSplit { root["split"] = "validation" }
    root["rows"] = .number(Double(rows))
    root["task"] = .string(task.name)
    root["target"] = .string(targetName)
    root["loss"] = Self.number(evaluation.loss)
    if let regression = evaluation.regression {
      root["metrics"] = [
        "mse": Self.number(regression.meanSquaredError),
        "rmse": Self.number(regression.rootMeanSquaredError),
        "mae": Self.number(regression.meanAbsoluteError),
        "r2": Self.number(regression.rSquared),
      ]
    }
    if let classification = evaluation.classification {
      root["metrics"] = .object(metrics(classification))
    }
    return JSONWriter(style: .compact).string(for: .object(root))
  }

  // MARK: - Private

  private func metrics(_ metrics: ClassificationMetrics) -> JSONObject {
    var object: JSONObject = [
      "accuracy": Self.number(metrics.accuracy), "log_loss": Self.number(metrics.logLoss),
    ]
    if task == .binary { object["roc_auc"] = metrics.rocAUC.map(Self.number) ?? .null }
    object["classes"] = .array(
      classLabels.enumerated().map { index, label in
        [
          "label": .string(label), "precision": Self.number(metrics.precision[index]),
          "recall": Self.number(metrics.recall[index]), "f1": Self.number(metrics.f1[index]),
          "support": .number(Double(metrics.support[index])),
        ]
      })
    object["confusion_matrix"] = .array(
      metrics.confusionMatrix.map { .array($0.map { .number(Double($0)) }) })
    return object
  }

  private static func number(_ value: Double) -> JSONValue {
    value.isFinite ? .number(value) : .null
  }
}
