import Autograd
import NetTrain

/// Small data sets for the training tests, drawn from the project's generator.
enum Fixtures {
  /// Rows of `[a, b, c, d]` on different scales and y = 700a + 200b − 100c + 100d + noise.
  static func houses(rows: Int, noise: Double, seed: UInt64) -> LabeledData<Double> {
    var generator = SeededGenerator(seed: seed)
    var features: [Double] = []
    var targets: [Double] = []
    for _ in 0..<rows {
      let a = generator.nextUniform(in: 1, 5)
      let b = generator.nextUniform(in: 1, 3)
      let c = generator.nextUniform(in: 0, 20)
      let d = generator.nextUniform(in: 0, 2)
      features += [a, b, c, d]
      targets.append(700 * a + 200 * b - 100 * c + 100 * d + noise * generator.nextNormal())
    }
    return LabeledData(
      features: Tensor(features, shape: .matrix(rows, 4)),
      targets: .values(Tensor(targets, shape: .matrix(rows, 1))))
  }

  /// Points in the square [-3, 3]² labelled by the side of x₁ + 2x₂ = 1 they fall on, with
  /// a margin of 0.2 left empty.
  static func separable<Scalar: TensorScalar>(
    rows: Int, seed: UInt64, as: Scalar.Type = Double.self
  ) -> LabeledData<Scalar> {
    var generator = SeededGenerator(seed: seed)
    var features: [Scalar] = []
    var classes: [Int] = []
    while classes.count < rows {
      let (x1, x2) = (generator.nextUniform(in: -3, 3), generator.nextUniform(in: -3, 3))
      let side = x1 + 2 * x2 - 1
      if Swift.abs(side) < 0.2 { continue }
      features += [Scalar(x1), Scalar(x2)]
      classes.append(side > 0 ? 1 : 0)
    }
    return LabeledData(
      features: Tensor(features, shape: .matrix(rows, 2)), targets: .classes(classes))
  }

  /// Three Gaussian blobs (σ = 0.5) around (0, 0), (4, 0) and (0, 4), `perClass` rows each.
  static func blobs(perClass: Int, seed: UInt64) -> LabeledData<Double> {
    var generator = SeededGenerator(seed: seed)
    let centres: [(Double, Double)] = [(0, 0), (4, 0), (0, 4)]
    var features: [Double] = []
    var classes: [Int] = []
    for _ in 0..<perClass {
      for (label, centre) in centres.enumerated() {
        features += [
          centre.0 + 0.5 * generator.nextNormal(), centre.1 + 0.5 * generator.nextNormal(),
        ]
        classes.append(label)
      }
    }
    return LabeledData(
      features: Tensor(features, shape: .matrix(3 * perClass, 2)), targets: .classes(classes))
  }

  /// The four XOR rows with 0/1 targets.
  static var xor: LabeledData<Double> {
    LabeledData(
      features: Tensor(rows: [[0, 0], [0, 1], [1, 0], [1, 1]]),
      targets: .values(Tensor(rows: [[0], [1], [1], [0]])))
  }

  /// The parameters' values, for comparing models bit for bit.
  static func values<Scalar>(of model: Model<Scalar>) -> [[Scalar]] {
    model.parameters.map(\.scalars)
  }
}
