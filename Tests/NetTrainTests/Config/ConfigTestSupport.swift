import Foundation

@testable import NetTrain

/// The folder test configs pretend to live in.
let configFolder = URL(fileURLWithPath: "/projects/house/configs", isDirectory: true)

/// Decodes `text` as if it were the file `configs/house.json` in `configFolder`.
func decodeConfig(_ text: String, file: String = "configs/house.json") throws -> RunConfig {
  try RunConfig.decode(Array(text.utf8), file: file, folder: configFolder)
}

/// The error decoding `text` throws, or nil if it decodes.
func configError(_ text: String) -> ConfigError? {
  do {
    _ = try RunConfig.decode(Array(text.utf8), file: "configs/x.json", folder: configFolder)
    return nil
  } catch {
    return error
  }
}

/// A minimal valid config with `members` added at the top level (JSON text without braces).
func minimalConfig(model: String = #"{"type": "linear"}"#, _ members: String = "") -> String {
  let extra = members.isEmpty ? "" : ", " + members
  return #"{"data": {"train": "train.csv", "target": "y"}, "model": \#(model)\#(extra)}"#
}

/// A fresh empty folder under the temporary directory.
func makeTemporaryFolder() throws -> URL {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("nettrain-config-tests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}
