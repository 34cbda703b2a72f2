import Autograd

extension Model {
  /// The coefficients of a linear or logistic model mapped back through the standardisation
  /// to the features' (and the target's) own units; `nil` for a model with hidden layers.
  ///
  /// With feature means μⱼ and scales σⱼ, target mean μ_y and scale σ_y (1 and 0 when the
  /// target is not standardised, as for classification), a standardised weight wⱼ and bias b:
  ///
  ///     wⱼ' = wⱼ · σ_y / σⱼ        b' = μ_y + σ_y · (b − Σⱼ wⱼ μⱼ / σⱼ)
  public func coefficientsInOriginalUnits() -> LinearCoefficients? {
    guard network.layers.count == 1, let layer = network.layers.first else { return nil }
    let (inputs, outputs) = (layer.inputs, layer.outputs)
    let weight = layer.weight.scalars.map(Double.init)
    let bias = layer.bias.scalars.map(Double.init)
    let featureMeans = featureScaling?.means.map(Double.init) ?? Array(repeating: 0, count: inputs)
    let featureScales =
      featureScaling?.scales.map(Double.init) ?? Array(repeating: 1, count: inputs)
    let targetMean = targetScaling.map { Double($0.means[0]) } ?? 0
    let targetScale = targetScaling.map { Double($0.scales[0]) } ?? 1
    var weights: [[Double]] = []
    var intercepts: [Double] = []
    for output in 0..<outputs {
      let standardised = (0..<inputs).map { weight[$0 * outputs + output] }
      let perUnit = (0..<inputs).map { standardised[$0] / featureScales[$0] }
      let shift = (0..<inputs).reduce(0) { $0 + perUnit[$1] * featureMeans[$1] }
      weights.append(perUnit.map { $0 * targetScale })
      intercepts.append(targetMean + targetScale * (bias[output] - shift))
    }
    return LinearCoefficients(weights: weights, intercepts: intercepts)
  }
}
