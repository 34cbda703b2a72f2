import Autograd
import NetTrain
import Testing

@Suite struct StandardizerTests {
  /// Column 1: 1, 2, 3, 6 → mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5.
  /// Column 2: all 5 → mean 5, no spread, scale 1.
  @Test func populationStatisticsAndZeroSpread() {
    let data = Tensor<Double>(rows: [[1, 5], [2, 5], [3, 5], [6, 5]])
    let scaler = Standardizer(fittedTo: data)
    #expect(scaler.means == [3, 5])
    #expect(scaler.scales == [(3.5).squareRoot(), 1])
    let z = scaler.transform(data)
    #expect(z[0, 0] == -2 / (3.5).squareRoot() && z[3, 1] == 0)
    let back = scaler.inverseTransform(z)
    for (a, b) in zip(back.scalars, data.scalars) { #expect(Swift.abs(a - b) < 1e-15) }
  }

  /// 0.1 three times has a computed mean that is not exactly 0.1; it is still no spread.
  @Test func equalValuesCountAsNoSpreadDespiteRounding() {
    let scaler = Standardizer(fittedTo: Tensor<Double>(rows: [[0.1], [0.1], [0.1]]))
    #expect(scaler.scales == [1])
  }

  @Test func regressionPredictionsComeBackInTheTargetsUnits() {
    let x = Tensor<Double>(rows: [[1], [2], [3]])
    let y = Tensor<Double>(rows: [[100], [200], [300]])
    let model = Model<Double>(
      .linear, inputs: 1, task: .regression, featureScaling: Standardizer(fittedTo: x),
      targetScaling: Standardizer(fittedTo: y), seed: 0)
    // Standardised, y = x exactly: set the one weight to 1 and the bias to 0.
    model.network.layers[0].weight.scalars = [1]
    let predictions = model.predict(Tensor(rows: [[4]]))
    #expect(Swift.abs(predictions.item - 400) < 1e-12)
  }

  /// The row-by-row pass gives the statistics of the column-by-column definition bit for bit
  /// (each column's sums add its values in row order), in both precisions.
  @Test func fittedStatisticsAreThoseOfTheColumnByColumnDefinition() {
    var generator = SeededGenerator(seed: 11)
    let (rows, columns) = (257, 9)
    let values = (0..<(rows * columns)).map { index in
      index % columns == 3 ? 0.25 : generator.nextNormal() * 3 + Double(index % columns)
    }
    func reference(_ column: Int) -> (mean: Double, scale: Double) {
      let x = (0..<rows).map { Double(Float(values[$0 * columns + column])) }
      let mean = x.reduce(0, +) / Double(rows)
      let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
      return (mean, x.min() != x.max() && variance > 0 ? variance.squareRoot() : 1)
    }
    let data = Tensor<Float>(values.map { Float($0) }, shape: .matrix(rows, columns))
    let scaler = Standardizer(fittedTo: data)
    for column in 0..<columns {
      let (mean, scale) = reference(column)
      #expect(scaler.means[column].bitPattern == Float(mean).bitPattern)
      #expect(scaler.scales[column].bitPattern == Float(scale).bitPattern)
    }
    #expect(scaler.scales[3] == 1)
    let copy = scaler.transform(data)
    scaler.transform(inPlace: data)
    #expect(copy.scalars == data.scalars)
    #expect(data[5, 2] == (Float(values[5 * columns + 2]) - scaler.means[2]) / scaler.scales[2])
  }
}
