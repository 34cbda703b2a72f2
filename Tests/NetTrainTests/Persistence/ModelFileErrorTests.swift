import Autograd
import Foundation
import NetTrain
import Testing

/// A damaged or foreign model file is a thrown error of one line:
/// `PATH: key.path: message` (or `PATH:LINE:COLUMN: message` for broken JSON).
@Suite struct ModelFileErrorTests {
  let json = Model<Double>(
    .mlp(hidden: [3], activation: .tanh), inputs: 2, task: .binary,
    featureScaling: Standardizer(means: [0, 1], scales: [1, 2]), seed: 0
  ).json()

  func message(loading json: JSONValue) -> String? {
    do {
      _ = try Model<Double>(json: json, path: "m.json")
      return nil
    } catch {
      #expect(!error.description.contains("\n"))
      return error.description
    }
  }

  func message(loadingText text: String) -> String? {
    do {
      _ = try Model<Double>(json: JSONParser.parse(text, path: "m.json"), path: "m.json")
      return nil
    } catch let error as JSONSyntaxError {
      return ModelFileError(error).description
    } catch {
      return "\(error)"
    }
  }

  @Test func anotherFormatVersion() {
    #expect(
      message(loading: json.replacing([.key("version")], with: 2))
        == "m.json: version: this file has model format version 2; "
        + "this nettrain reads version 1 only")
  }

  @Test func notAModelFile() {
    #expect(
      message(loading: json.replacing([.key("format")], with: "nettrain-config"))
        == "m.json: format: expected \"nettrain-model\", found \"nettrain-config\": "
        + "this is not a nettrain model file")
    #expect(
      message(loading: [1, 2]) == "m.json: expected a model file (a JSON object), found an array")
  }

  @Test func missingKeys() {
    #expect(
      message(loading: json.replacing([.key("layers")], with: nil))
        == "m.json: missing key \"layers\"")
    #expect(
      message(loading: json.replacing([.key("layers"), .index(1), .key("bias")], with: nil))
        == "m.json: layers[1]: missing key \"bias\"")
  }

  @Test func wrongShapes() {
    #expect(
      message(
        loading: json.replacing([.key("layers"), .index(0), .key("weight"), .index(1)], with: nil))
        == "m.json: layers[0].weight: expected 2 rows, found 1")
    #expect(
      message(loading: json.replacing([.key("layers"), .index(1), .key("bias")], with: [0, 0]))
        == "m.json: layers[1].bias: expected 1 elements, found 2")
    #expect(
      message(loading: json.replacing([.key("features")], with: ["a"]))
        == "m.json: features: expected 2 elements, found 1")
    #expect(
      message(loading: json.replacing([.key("model"), .key("hidden")], with: [4]))
        == "m.json: layers[0].weight[0]: expected 4 elements, found 3")
  }

  @Test func nonFiniteOrMistypedWeights() {
    #expect(
      message(
        loading: json.replacing([.key("layers"), .index(1), .key("bias"), .index(0)], with: "NaN"))
        == "m.json: layers[1].bias[0]: expected a finite number, found \"NaN\"")
    #expect(
      message(
        loading: json.replacing(
          [.key("standardization"), .key("features"), .key("scale"), .index(1)], with: 0))
        == "m.json: standardization.features.scale[1]: a scale must be above 0, found 0")
    let huge = JSONWriter().string(for: json)
      .replacingOccurrences(of: "\"bias\": [0]", with: "\"bias\": [1e999]")
    #expect(
      message(loadingText: huge)?.hasSuffix(
        ": number 1e999 is too large for a 64-bit floating-point value") == true)
    let float = Model<Float>(.linear, inputs: 1, task: .regression, seed: 0).json()
      .replacing([.key("layers"), .index(0), .key("bias"), .index(0)], with: 1e300)
    do {
      _ = try Model<Float>(json: float, path: "f.json")
      Issue.record("1e300 loaded as a Float")
    } catch {
      #expect(error.description == "f.json: layers[0].bias[0]: 1e+300 does not fit in float32")
    }
  }

  @Test func inconsistentTaskAndLoss() {
    #expect(
      message(loading: json.replacing([.key("loss")], with: "mse"))
        == "m.json: loss: a binary model is trained with \"bce\", not \"mse\"")
    #expect(
      message(loading: json.replacing([.key("classes")], with: ["a", "b", "c"]))
        == "m.json: classes: a binary model has 2 class labels, found 3")
    #expect(
      message(loading: json.replacing([.key("model"), .key("activation")], with: "swish"))
        == "m.json: model.activation: expected one of \"tanh\", \"relu\", \"sigmoid\", "
        + "\"identity\", found \"swish\"")
    #expect(
      message(loading: json.replacing([.key("extra")], with: 1))?
        .hasPrefix("m.json: unknown key \"extra\"; expected one of \"format\"") == true)
  }

  @Test func corruptedText() {
    let text = JSONWriter().string(for: json)
    let truncated = String(text.prefix(text.count / 2))
    let error = message(loadingText: truncated)
    #expect(error?.hasPrefix("m.json:") == true)
    #expect(error?.split(separator: ":").count ?? 0 >= 4)  // m.json:LINE:COLUMN: message
  }

  @Test func missingFile() {
    do {
      _ = try Model<Double>(contentsOf: URL(fileURLWithPath: "/nonexistent/model.json"))
      Issue.record("loaded a file that does not exist")
    } catch {
      #expect(error.description.hasPrefix("/nonexistent/model.json: cannot read the model file"))
    }
  }
}

extension JSONValue {
  /// This value with the value at `path` replaced (or removed, for `nil`).
  func replacing(_ path: [JSONPathComponent], with newValue: JSONValue?) -> JSONValue {
    guard let first = path.first else { return newValue ?? .null }
    let rest = Array(path.dropFirst())
    switch (self, first) {
    case (.object(var object), .key(let key)):
      object[key] = rest.isEmpty ? newValue : object[key]?.replacing(rest, with: newValue)
      return .object(object)
    case (.array(var elements), .index(let index)):
      if rest.isEmpty, newValue == nil {
        elements.remove(at: index)
      } else {
        elements[index] = elements[index].replacing(rest, with: newValue)
      }
      return .array(elements)
    default:
      return self
    }
  }
}
