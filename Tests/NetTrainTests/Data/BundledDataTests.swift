import Foundation
import Testing

@testable import NetTrain

/// The example files in `data/` read through the reader and hold what data/README.md says.
@Suite struct BundledDataTests {
  /// The package's `data/` folder, found from this file's place in `Tests/NetTrainTests/Data/`.
  static let dataFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data", isDirectory: true)

  private func read(_ name: String, target: String) throws -> CSVData {
    try CSVReader.read(
      contentsOf: Self.dataFolder.appendingPathComponent(name), displayPath: "data/\(name)",
      target: target)
  }

  @Test(arguments: [("house.csv", 10_000), ("house_test.csv", 2_000)])
  func house(_ name: String, _ rows: Int) throws {
    let data = try read(name, target: "rent")
    #expect(data.rowCount == rows)
    #expect(data.header == ["bedrooms", "bathrooms", "distance", "parking", "rent"])
    #expect(data.featureNames == ["bedrooms", "bathrooms", "distance", "parking"])
    let rent = try data.numericTarget()
    let meanRent = rent.reduce(0, +) / Double(rent.count)
    // E[rent] = 700·3 + 200·2 − 100·2.55 + 100·0.5 = 2295; rent's standard deviation is
    // about 1,000, so the mean's standard error is 10 (10,000 rows) or 23 (2,000 rows).
    #expect(abs(meanRent - 2_295) < 100, "mean rent \(meanRent)")
    for row in 0..<data.rowCount {
      let x = data.featureRow(row)
      let base = x.startIndex
      guard (1...5).contains(x[base]), (1...3).contains(x[base + 1]),
        (0.1...5.0).contains(x[base + 2]), x[base + 3] == 0 || x[base + 3] == 1
      else {
        Issue.record("row \(row) out of range: \(Array(x))")
        return
      }
    }
  }

  /// Ordinary least squares on house.csv recovers the generator's coefficients.
  @Test func houseLeastSquaresRecoversTheCoefficients() throws {
    let data = try read("house.csv", target: "rent")
    let rent = try data.numericTarget()
    // Normal equations (XᵀX) β = Xᵀy with X = [1, bedrooms, bathrooms, distance, parking].
    var gram = [[Double]](repeating: [Double](repeating: 0, count: 5), count: 5)
    var moment = [Double](repeating: 0, count: 5)
    for row in 0..<data.rowCount {
      let x = [1.0] + data.featureRow(row)
      for i in 0..<5 {
        moment[i] += x[i] * rent[row]
        for j in 0..<5 { gram[i][j] += x[i] * x[j] }
      }
    }
    let beta = try #require(Self.solve(gram, moment))
    let expected = [700.0, 200, -100, 100]
    for (name, (estimate, truth)) in zip(data.featureNames, zip(beta.dropFirst(), expected)) {
      #expect(abs(estimate - truth) <= 0.02 * abs(truth), "\(name): \(estimate) vs \(truth)")
    }
    #expect(abs(beta[0]) < 25, "intercept \(beta[0]) (true 0)")
  }

  @Test func moons() throws {
    let data = try read("moons.csv", target: "label")
    #expect(data.rowCount == 2_000)
    #expect(data.header == ["x1", "x2", "label"])
    #expect(data.targetFields?.filter { $0 == "0" }.count == 1_000)
    #expect(data.targetFields?.filter { $0 == "1" }.count == 1_000)
    let x1 = (0..<data.rowCount).map { data.features[2 * $0] }
    let x2 = (0..<data.rowCount).map { data.features[2 * $0 + 1] }
    // Half circles over [-1, 2] × [-0.5, 1], widened by the noise.
    #expect(x1.allSatisfy { (-1.6)...(2.6) ~= $0 })
    #expect(x2.allSatisfy { (-1.1)...(1.6) ~= $0 })
  }

  @Test func cancer() throws {
    let data = try read("cancer.csv", target: "malignant")
    #expect(data.rowCount == 569)
    #expect(data.featureNames.count == 30)
    #expect(data.featureNames.first == "mean_radius")
    #expect(data.featureNames.last == "worst_fractal_dimension")
    #expect(Set(data.targetFields ?? []) == ["0", "1"])
  }

  @Test func digits() throws {
    let data = try read("digits.csv", target: "digit")
    #expect(data.rowCount == 1_797)
    #expect(data.featureNames == (0..<64).map { "p\($0)" })
    #expect(Set(data.targetFields ?? []) == Set((0...9).map(String.init)))
    #expect(data.features.allSatisfy { (0...16).contains($0) && $0 == $0.rounded() })
  }

  /// Gaussian elimination with partial pivoting; nil for a singular system.
  static func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
    var a = matrix
    var b = rhs
    let n = b.count
    for column in 0..<n {
      guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
        abs(a[pivot][column]) > 1e-12
      else { return nil }
      a.swapAt(column, pivot)
      b.swapAt(column, pivot)
      for row in (column + 1)..<n {
        let factor = a[row][column] / a[column][column]
        for k in column..<n { a[row][k] -= factor * a[column][k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      let tail = ((row + 1)..<n).reduce(0) { $0 + a[row][$1] * x[$1] }
      x[row] = (b[row] - tail) / a[row][row]
    }
    return x
  }
}
