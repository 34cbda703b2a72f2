import Testing

@testable import NetTrainCLI

@Suite struct SuggestionTests {
  @Test(
    arguments: [
      ("gard", ["fit", "eval", "predict", "grad"], "grad"),
      ("--jsn", ["--at", "--json", "--trace"], "--json"),
      ("--hesian", ["--json", "--hessian"], "--hessian"),
      ("pred", ["fit", "predict"], "predict"),
      ("Sin", ["sin", "cos"], "sin"),
      ("sinus", ["sin", "cos"], "sin"),
      ("tanhx", ["tan", "tanh"], "tanh"),
      ("xyz", ["fit", "grad"], nil),
      ("--x", ["--at", "--json"], nil),
    ] as [(String, [String], String?)])
  func closest(input: String, candidates: [String], expected: String?) {
    #expect(Suggestion.closest(to: input, among: candidates) == expected)
  }

  @Test func editDistanceCountsATranspositionOnce() {
    #expect(Suggestion.editDistance("gard", "grad") == 1)
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    #expect(Suggestion.editDistance("", "abc") == 3)
  }
}
