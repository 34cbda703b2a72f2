import Foundation
import Testing

@testable import NetTrain

@Test func loadsAConfigFileAndResolvesItsPaths() throws {
  let root = try makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(at: root) }
  let configs = root.appendingPathComponent("configs", isDirectory: true)
  try FileManager.default.createDirectory(at: configs, withIntermediateDirectories: true)
  let file = configs.appendingPathComponent("moons.json")
  let text =
    #"{"data": {"train": "../data/moons.csv", "target": "label"}, "model": {"type": "logistic"}}"#
  try Data(text.utf8).write(to: file)
  let config = try RunConfig.load(from: file)
  #expect(config.name == "moons")
  #expect(config.file == file.path)
  let expected = root.appendingPathComponent("data/moons.csv").standardizedFileURL
  #expect(config.data.train.url.path == expected.path)
}

@Test func aMissingFileOrADirectoryIsAClearError() throws {
  let root = try makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(at: root) }
  let missing = root.appendingPathComponent("nope.json")
  let missingError = #expect(throws: ConfigError.self) { try RunConfig.load(from: missing) }
  #expect(missingError?.description == "\(missing.path): no such config file")
  let directoryError = #expect(throws: ConfigError.self) { try RunConfig.load(from: root) }
  #expect(directoryError?.message.contains("is a directory") == true)
  #expect(directoryError?.location == nil)
}

@Test func invalidJSONInAFileIsLocated() throws {
  let root = try makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(at: root) }
  let file = root.appendingPathComponent("bad.json")
  try Data("{\n  \"data\": {\"train\": \"t.csv\",}\n}".utf8).write(to: file)
  let error = #expect(throws: ConfigError.self) { try RunConfig.load(from: file) }
  #expect(error?.description.hasPrefix("\(file.path):2:28: trailing comma") == true)
}

@Test func errorsNameTheFileAsTheUserWroteIt() throws {
  let error = #expect(throws: ConfigError.self) {
    try RunConfig.load(from: URL(fileURLWithPath: "no/such/dir/x.json"))
  }
  #expect(error?.description == "no/such/dir/x.json: no such config file")
}
