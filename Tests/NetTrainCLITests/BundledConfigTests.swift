import Foundation
import NetTrain
import Testing

/// The bundled configs, trained in full by a release build exactly as a user runs them: their
/// loss curves must equal the committed ones (`configs/expected/NAME.csv`, compared by
/// `fit --expect`), and the trained models must be good. See the README for regenerating the
/// curves after a change that is meant to move them.
@Suite(.serialized)
struct BundledConfigTests {
  static let root = NetTrainBinary.packageRoot()

  /// Trains `configs/NAME.json` into a temporary folder with `--expect`; returns the folder.
  static func fit(_ name: String) throws -> (run: NetTrainBinary.Run, folder: URL) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-bundled-\(name)-\(UUID().uuidString)")
    let run = try NetTrainBinary.run(
      [
        "fit", root.appendingPathComponent("configs/\(name).json").path, "--quiet",
        "--out", folder.path,
        "--expect", root.appendingPathComponent("configs/expected/\(name).csv").path,
      ], executable: try ReleaseBuild.nettrain())
    return (run, folder)
  }

  /// `configs/NAME.json` with `"precision": "float32"`, written to a temporary file (its
  /// paths made absolute).
  static func float32Config(_ name: String) throws -> URL {
    let url = root.appendingPathComponent("configs/\(name).json")
    guard var config = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
      as? [String: Any], var data = config["data"] as? [String: Any]
    else { throw CocoaError(.fileReadCorruptFile) }
    for key in ["train", "test", "validation"] {
      if let path = data[key] as? String {
        data[key] = root.appendingPathComponent("configs").appendingPathComponent(path).path
      }
    }
    config["data"] = data
    config["precision"] = "float32"
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-\(name)-float32-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: config).write(to: copy)
    return copy
  }

  static func finalValidationAccuracy(_ folder: URL) throws -> Double {
    let text = try String(contentsOf: folder.appendingPathComponent("loss.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n")
    let header = lines[0].split(separator: ",")
    let last = lines[lines.count - 1].split(separator: ",", omittingEmptySubsequences: false)
    let column = try #require(header.firstIndex(of: "val_accuracy"))
    return try #require(Double(last[column]))
  }

  @Test func houseRecoversTheTrueWeights() throws {
    let (run, folder) = try Self.fit("house")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(run.status == 0, "\(run.standardError)")
    let model = try Model<Double>(contentsOf: folder.appendingPathComponent("model.json"))
    let coefficients = try #require(model.coefficientsInOriginalUnits())
    for (found, truth) in zip(coefficients.weights[0], [700.0, 200, -100, 100]) {
      #expect(abs(found - truth) <= 0.02 * abs(truth), "coefficient \(found), truth \(truth)")
    }
    let test = try CSVReader.read(
      contentsOf: Self.root.appendingPathComponent("data/house_test.csv"),
      features: model.featureNames, target: model.targetName)
    let evaluation = model.evaluate(try Dataset.regression(test).labeled(as: Double.self))
    #expect(try #require(evaluation.regression).rSquared > 0.99)
  }

  @Test(arguments: [("cancer", 0.95), ("moons", 0.99), ("digits", 0.95)])
  func classifierReachesItsAccuracy(name: String, accuracy: Double) throws {
    let (run, folder) = try Self.fit(name)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(run.status == 0, "\(run.standardError)")
    #expect(try Self.finalValidationAccuracy(folder) > accuracy)
  }

  /// float32 training follows the float64 curve: every epoch's losses within 1e-4 relative
  /// (the tolerance the README documents; measured differences are about 1e-6).
  @Test(arguments: ["house", "cancer", "moons", "digits"])
  func float32FollowsTheFloat64Curve(name: String) throws {
    let config = try Self.float32Config(name)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nettrain-bundled-\(name)-f32-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: config)
      try? FileManager.default.removeItem(at: folder)
    }
    let run = try NetTrainBinary.run(
      [
        "fit", config.path, "--quiet", "--out", folder.path, "--tolerance", "1e-4",
        "--expect", Self.root.appendingPathComponent("configs/expected/\(name).csv").path,
      ], executable: try ReleaseBuild.nettrain())
    #expect(run.status == 0, "\(run.standardError)")
    let model = try String(contentsOf: folder.appendingPathComponent("model.json"), encoding: .utf8)
    #expect(model.contains("\"precision\": \"float32\""))
  }
}
