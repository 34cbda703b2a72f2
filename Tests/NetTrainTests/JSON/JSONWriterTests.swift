import Testing

@testable import NetTrain

@Test func writesPrettyJSONWithScalarArraysOnOneLine() {
  let value: JSONValue = [
    "name": "house", "features": ["a", "b"], "weights": [[0.5, -1.25], [2, 1e-05]],
    "empty": [], "nothing": .object(JSONObject()), "flag": true, "none": nil,
    "nested": ["k": [["x": 1]]],
  ]
  let expected = """
    {
      "name": "house",
      "features": ["a", "b"],
      "weights": [
        [0.5, -1.25],
        [2, 1e-05]
      ],
      "empty": [],
      "nothing": {},
      "flag": true,
      "none": null,
      "nested": {
        "k": [
          {
            "x": 1
          }
        ]
      }
    }

    """
  #expect(JSONWriter().string(for: value) == expected)
  #expect(JSONWriter(style: .compact).string(for: ["a": [1, 2], "b": ["c": nil]])
    == "{\"a\":[1,2],\"b\":{\"c\":null}}\n")
}

@Test func keepsInsertionOrder() {
  var object = JSONObject()
  object["z"] = 1
  object["a"] = 2
  object["z"] = 3
  object["m"] = 4
  object["a"] = nil
  #expect(object.keys == ["z", "m"])
  #expect(JSONWriter(style: .compact).string(for: .object(object)) == "{\"z\":3,\"m\":4}\n")
}

@Test func escapesStrings() throws {
  let text = "q\" b\\ \n\r\t\u{08}\u{0C}\u{01}\u{7F} é😀 /"
  #expect(JSONWriter.quoted(text) == #""q\" b\\ \n\r\t\b\f\u0001\u007F é😀 /""#)
  let back = try JSONParser.parse(JSONWriter.quoted(text), path: "x.json")
  #expect(back == .string(text))
}

@Test func writesNumbersAsShortRoundTripText() {
  let cases: [(Double, String)] = [
    (5, "5"), (-0.0, "-0"), (0, "0"), (0.1, "0.1"), (1e-05, "1e-05"), (-2.25, "-2.25"),
    (.leastNonzeroMagnitude, "5e-324"), (1e308, "1e+308"), (0x1p53, "9007199254740992.0"),
    (9007199254740991, "9007199254740991"), (1e20, "1e+20"),
  ]
  for (number, text) in cases {
    #expect(JSONWriter.text(for: number) == text)
  }
}

@Test func numbersReadBackBitForBit() throws {
  var generator = SeededGenerator(seed: 7)
  var numbers: [Double] = [
    0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e308, -1e308,
    .greatestFiniteMagnitude, .leastNormalMagnitude,
    .leastNormalMagnitude.nextDown, 0.1, 1.0 / 3, 0x1p53, 0x1p53 + 2, 0x1p53 - 1, 123456789,
    -1e-7, 1e16, 1e15 + 0.5,
  ]
  while numbers.count < 20_000 {
    let bits = Double(bitPattern: generator.next())  // every exponent, subnormals included
    if bits.isFinite { numbers.append(bits) }
    numbers.append(generator.nextUniform(in: -100, 100))
    numbers.append(Double(generator.nextIndex(below: 1_000_000)) - 500_000)
  }
  let value = JSONValue.array(numbers.map(JSONValue.number))
  for style in [JSONWriter.Style.pretty, .compact] {
    let text = JSONWriter(style: style).string(for: value)
    let back = try JSONParser.parse(text, path: "x.json").arrayValue ?? []
    #expect(back.count == numbers.count)
    let mismatches = zip(numbers, back).filter { $0.bitPattern != $1.numberValue?.bitPattern }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
  }
}

@Test func valuesRoundTripThroughText() throws {
  let value: JSONValue = [
    "s": "tab\there \"quoted\" \u{0} é", "n": [1.5, -0.0, 3e-300], "o": ["x": ["y": [true, nil]]],
    "deep": [[[[]]]], "e": .object(JSONObject()),
  ]
  let text = JSONWriter().string(for: value)
  #expect(try JSONParser.parse(text, path: "x.json") == value)
  #expect(JSONWriter().string(for: try JSONParser.parse(text, path: "x.json")) == text)
}

@Test func describesValuesBriefly() {
  #expect(JSONValue.string("32").briefDescription == "\"32\"")
  #expect(JSONValue.number(2.5).briefDescription == "2.5")
  #expect(JSONValue.array([1]).briefDescription == "an array")
  #expect(JSONValue.object(["a": 1]).briefDescription == "an object")
  #expect(JSONValue.null.briefDescription == "null")
}

@Test func anOutlineWritesTheTextOfItsValue() {
  let weights: [Float] = [0.5, -1.25, 1e-05, 3, 0.1, -0]
  let outline = JSONOutline.object([
    ("name", .value("wide")),
    ("weight", .array([.numbers(count: 3) { Double(weights[$0]) }, .numbers(count: 3) {
      Double(weights[3 + $0])
    }])),
    ("bias", .numbers([Float(2.5), 7])),
    ("empty", .numbers([Float]())),
    ("scaling", .object([("mean", .value([1, 2])), ("scale", .value(nil))])),
    ("mixed", .array([.value(1), .numbers([0.25])])),
    ("flat", .array([.value(1), .value("x")])),
    ("nothing", .object([])),
  ])
  for style in [JSONWriter.Style.pretty, .compact] {
    var streamed = ""
    JSONWriter(style: style).write(outline, to: &streamed)
    #expect(streamed == JSONWriter(style: style).string(for: outline.value))
  }
  #expect(
    outline.value.objectValue?["weight"]
      == [[0.5, -1.25, .number(Double(Float(1e-05)))], [3, .number(Double(Float(0.1))), -0.0]])
}
