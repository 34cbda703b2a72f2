import Foundation
import NetTrain

/// What `fit` prints when training ends: the outcome, the final losses, validation metrics,
/// for linear and logistic models the learned coefficients in the features' own units, and
/// where the files are.
struct FitSummary<Scalar: TensorScalar> {
  let result: FitResult<Scalar>
  let data: RunData
  let folder: RunFolder
  let loadSeconds: Double

  var lines: [String] {
    let config = data.config
    let epochs = result.training.history.count
    var lines = [
      "",
      "\(config.name): \(config.model.kind.rawValue) \(data.task.name), \(epochs) epochs, "
        + "\(result.steps) steps in \(Self.seconds(result.trainSeconds)) "
        + "(compiled in \(Self.seconds(result.compileSeconds)), "
        + "data loaded in \(Self.seconds(loadSeconds)))",
    ]
    if let last = result.training.history.last {
      var losses = "  final train_loss \(FitProgress.format(last.trainingLoss))"
      if let loss = last.validationLoss { losses += ", val_loss \(FitProgress.format(loss))" }
      lines.append(losses)
    }
    lines += validationLines + coefficientLines
    lines.append("  wrote \(folder.url.displayPath)/{loss.csv, model.json, config.json, summary.json}")
    return lines
  }

  func divergenceMessage(epoch: Int) -> String {
    "training diverged in epoch \(epoch): the loss became NaN or infinite; try a smaller "
      + "optimizer.learning_rate (the curve so far and the last finite model are in "
      + "\(folder.url.displayPath))"
  }

  // MARK: - Parts

  private var validationLines: [String] {
    guard let validation = data.validation, let evaluation = result.validation,
      !result.training.history.isEmpty
    else { return [] }
    if let metrics = evaluation.regression {
      return [
        "  validation (\(validation.count) rows): R² \(Self.number(metrics.rSquared)), "
          + "RMSE \(Self.number(metrics.rootMeanSquaredError)), "
          + "MAE \(Self.number(metrics.meanAbsoluteError))"
      ]
    }
    guard let metrics = evaluation.classification else { return [] }
    var line = "  validation (\(validation.count) rows): accuracy "
      + FitProgress.percent(metrics.accuracy) + ", log loss \(Self.number(metrics.logLoss))"
    if let auc = metrics.rocAUC { line += ", ROC AUC \(Self.number(auc))" }
    return [line]
  }

  private var coefficientLines: [String] {
    guard let coefficients = result.model.coefficientsInOriginalUnits(),
      coefficients.weights.count == 1
    else { return [] }
    let names = data.training.source.featureNames
    var terms = ""
    for (weight, name) in zip(coefficients.weights[0], names) {
      terms += (terms.isEmpty ? (weight < 0 ? "−" : "") : (weight < 0 ? " − " : " + "))
        + "\(Self.number(abs(weight)))·\(name)"
    }
    let intercept = coefficients.intercepts[0]
    terms += (intercept < 0 ? " − " : " + ") + Self.number(abs(intercept))
    let target = data.config.data.target
    let left =
      data.task == .regression
      ? target : "log-odds(\(target) = \(data.labels?.labels.last ?? "1"))"
    return ["  \(left) ≈ \(terms)"]
  }

  // MARK: - Formatting

  static func number(_ value: Double) -> String { String(format: "%.4g", value) }

  static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

}
