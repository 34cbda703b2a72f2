import NetTrain
import Testing

@Suite struct ClassLabelsTests {
  @Test func numericLabelsSortAsNumbers() {
    let (labels, indices) = ClassLabels.encoding(["10", "2", "1", "2", "10"])
    #expect(labels.labels == ["1", "2", "10"])
    #expect(indices == [2, 1, 0, 1, 2])
  }

  @Test func otherLabelsSortByCodePoints() {
    let (labels, indices) = ClassLabels.encoding(["setosa", "Virginica", "versicolor", "2"])
    #expect(labels.labels == ["2", "Virginica", "setosa", "versicolor"])
    #expect(indices == [2, 1, 3, 0])
    #expect(labels.index(of: "setosa") == 2 && labels.index(of: "rose") == nil)
    #expect(labels.count == 4)
  }

  @Test func negativeAndDecimalNumbers() {
    #expect(ClassLabels(sorting: ["0.5", "-1", "0"]).labels == ["-1", "0", "0.5"])
  }
}
