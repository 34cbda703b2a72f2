import Testing

@testable import NetTrain

/// Parses `text` expecting a syntax error and returns it.
private func syntaxError(_ text: String) -> JSONSyntaxError? {
  do {
    _ = try JSONParser.parse(text, path: "x.json")
    return nil
  } catch {
    return error
  }
}

@Test func parsesEveryKindOfValue() throws {
  let text = """
    {"a": [1, -2.5, 3e2, 0, -0], "b": {"c": true, "d": false, "e": null}, "f": "hi", "g": [], \
    "h": {}}
    """
  let value = try JSONParser.parse(text, path: "x.json")
  let expected: JSONValue = [
    "a": [1, -2.5, 300, 0, .number(-0.0)], "b": ["c": true, "d": false, "e": nil], "f": "hi",
    "g": [], "h": .object(JSONObject()),
  ]
  #expect(value == expected)
  #expect(value.objectValue?.keys == ["a", "b", "f", "g", "h"])
  #expect(value.objectValue?["a"]?.arrayValue?[4].numberValue?.sign == .minus)
}

@Test func keepsKeyOrderAsInTheFile() throws {
  let value = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3}"#, path: "x.json")
  #expect(value.objectValue?.keys == ["z", "a", "m"])
}

@Test func decodesEscapesAndSurrogatePairs() throws {
  let text = #""q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 \u0000 é😀""#
  let value = try JSONParser.parse(text, path: "x.json")
  #expect(value == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t é € 😀 \u{0} é😀"))
}

@Test func skipsAByteOrderMarkAndSurroundingWhitespace() throws {
  let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(" \r\n\t[1]\n".utf8)
  #expect(try JSONParser.parse(bytes, path: "x.json") == [1])
}

@Test func numbersAreCorrectlyRounded() throws {
  let cases: [(String, Double)] = [
    ("0.1", 0.1), ("5e-324", .leastNonzeroMagnitude),
    ("1.7976931348623157e308", .greatestFiniteMagnitude),
    ("2.2250738585072011e-308", Double.leastNormalMagnitude.nextDown), ("1E+2", 100),
    ("-0.0", -0.0),
    ("9007199254740993", 9007199254740992), ("1e-400", 0),
  ]
  for (text, expected) in cases {
    let value = try JSONParser.parse(text, path: "x.json").numberValue
    #expect(value?.bitPattern == expected.bitPattern, "\(text)")
  }
}

@Test(arguments: [
  // (text, line, column, words in the message)
  ("", 1, 1, "empty file"),
  ("  \n ", 2, 2, "empty file"),
  ("{\"a\": 1,}", 1, 8, "trailing comma"),
  ("[1, 2,]", 1, 6, "trailing comma"),
  ("[1 2]", 1, 4, "expected \",\" or \"]\""),
  ("{\"a\" 1}", 1, 6, "expected \":\""),
  ("{\"a\": 1 \"b\": 2}", 1, 9, "expected \",\" or \"}\""),
  ("{a: 1}", 1, 2, "double quotes as key"),
  ("{'a': 1}", 1, 2, "double quotes"),
  ("[1]\n  x", 2, 3, "after the end"),
  ("[1] [2]", 1, 5, "after the end"),
  ("[\n  NaN]", 2, 3, "NaN is not a JSON number"),
  ("[Infinity]", 1, 2, "Infinity is not a JSON number"),
  ("[-Infinity]", 1, 2, "-Infinity is not a JSON number"),
  ("[tru]", 1, 2, "unexpected word \"tru\""),
  ("[01]", 1, 2, "leading zeros"),
  ("[-]", 1, 3, "expected a digit after \"-\""),
  ("[+1]", 1, 2, "expected a JSON value"),
  ("[.5]", 1, 2, "expected a JSON value"),
  ("[1.]", 1, 4, "after the decimal point"),
  ("[1e]", 1, 4, "in the exponent"),
  ("[1e400]", 1, 2, "too large"),
  ("[1, // note\n 2]", 1, 5, "comments are not allowed"),
  ("{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate key \"a\""),
  ("[\"abc", 1, 2, "string is not closed"),
  ("[\"ab\nc\"]", 1, 2, "before the end of the line"),
  ("[\"a\u{01}\"]", 1, 4, "control character U+0001"),
  ("[\"\\x\"]", 1, 3, "invalid escape"),
  ("[\"\\u12G4\"]", 1, 3, "4 hex digits"),
  ("[\"\\u+123\"]", 1, 3, "4 hex digits"),
  ("[\"\\ud83d\"]", 1, 3, "unpaired surrogate \\uD83D"),
  ("[\"\\ud83d\\u0041\"]", 1, 3, "unpaired surrogate"),
  ("[\"\\ude00\"]", 1, 3, "unpaired surrogate \\uDE00"),
  ("[1,\n", 2, 1, "end of file"),
  ("{", 1, 2, "end of file"),
  ("é", 1, 1, "\"é\""),
  ("[\"é\", x]", 1, 7, "unexpected word"),
])
func reportsSyntaxErrorsWithLineAndColumn(
  text: String, line: Int, column: Int, words: String
) throws {
  let error = try #require(syntaxError(text))
  #expect(error.location == JSONLocation(line: line, column: column), "\(error)")
  #expect(error.message.contains(words), "\(error)")
  #expect(error.description.hasPrefix("x.json:\(line):\(column): "))
}

@Test func rejectsInvalidUTF8AndBinaryGarbage() throws {
  let cases: [[UInt8]] = [
    [0x22, 0xFF, 0x22],  // not a UTF-8 byte
    [0x22, 0xC0, 0xAF, 0x22],  // overlong "/"
    [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
    [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
    [0x22, 0xE2, 0x82, 0x22],  // truncated sequence
    [0x00, 0x01, 0x02],
    [0x89, 0x50, 0x4E, 0x47],  // a PNG header
  ]
  for bytes in cases {
    #expect(throws: JSONSyntaxError.self, "\(bytes)") {
      _ = try JSONParser.parse(bytes, path: "x.json")
    }
  }
  let error = try #require(syntaxError("[\"\u{1}\"]"))
  #expect(error.message.contains("U+0001"))
  do {
    _ = try JSONParser.parse([0x5B, 0xFF], path: "x.json")
  } catch {
    #expect(error.message.contains("0xFF"))
  }
}

@Test func limitsNestingDepth() throws {
  let depth = JSONParser.maximumDepth
  let fine = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  #expect(throws: Never.self) { _ = try JSONParser.parse(fine, path: "x.json") }
  let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
  let error = try #require(syntaxError(tooDeep))
  #expect(error.location == JSONLocation(line: 1, column: depth + 1))
  #expect(error.message.contains("nested deeper"))
  // Garbage that would recurse a million levels fails fast instead of overflowing the stack.
  #expect(syntaxError(String(repeating: "{\"a\":[", count: 1_000_000)) != nil)
}

@Test func columnsCountCharactersNotBytes() throws {
  let error = try #require(syntaxError("[\"éé😀\", ?]"))
  #expect(error.location == JSONLocation(line: 1, column: 9))
}

@Test func documentsLocateValuesAndKeys() throws {
  let text = """
    {
      "model": {"type": "mlp", "hidden": [16, 8]},
      "loss": "mse"
    }
    """
  let document = try JSONParser.parseDocument(Array(text.utf8), path: "c.json")
  #expect(document.location(ofValueAt: []) == JSONLocation(line: 1, column: 1))
  #expect(document.location(ofKeyAt: [.key("model")]) == JSONLocation(line: 2, column: 3))
  #expect(document.location(ofValueAt: [.key("model")]) == JSONLocation(line: 2, column: 12))
  #expect(
    document.location(ofValueAt: [.key("model"), .key("hidden"), .index(1)])
      == JSONLocation(line: 2, column: 43))
  #expect(document.location(ofKeyAt: [.key("loss")]) == JSONLocation(line: 3, column: 3))
  #expect(document.location(ofValueAt: [.key("nope")]) == nil)
  let hidden: [JSONPathComponent] = [.key("model"), .key("hidden"), .index(1)]
  #expect(JSONPathComponent.text(of: hidden) == "model.hidden[1]")
}
