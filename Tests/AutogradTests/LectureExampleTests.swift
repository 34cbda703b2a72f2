import Testing
import Autograd
import Foundation

/// The worked examples of the lecture notes, against their exact values.
struct LectureExampleTests {
  @Test func polynomialInOneVariable() {
    let x = Tensor<Double>(scalar: 5, requiresGrad: true)
    let f = 3 * x.pow(2) + 2 * x
    f.backward()
    #expect(f.item == 85)
    #expect(x.grad?.item == 32)
  }

  @Test func polynomialInTwoVariables() {
    let x = Tensor<Double>(scalar: 3, requiresGrad: true)
    let y = Tensor<Double>(scalar: 5, requiresGrad: true)
    let f = 3 * x.pow(2) + 2 * y - 7
    f.backward()
    #expect(f.item == 30)
    #expect(x.grad?.item == 18)
    #expect(y.grad?.item == 2)
  }

  @Test func logProductSine() {
    let x1 = Tensor<Double>(scalar: 2, requiresGrad: true)
    let x2 = Tensor<Double>(scalar: 5, requiresGrad: true)
    let f = x1.log() + x1 * x2 - x2.sin()
    f.backward()
    #expect(abs(f.item - (log(2) + 10 - sin(5))) < 1e-12)
    #expect(abs((x1.grad?.item ?? 0) - 5.5) < 1e-12)
    #expect(abs((x2.grad?.item ?? 0) - (2 - cos(5))) < 1e-12)
    #expect(abs((x2.grad?.item ?? 0) - 1.716338) < 1e-6)
  }

  @Test func logisticLossOfOneWeight() {
    for w in [-2.0, -0.3, 0, 0.7, 4] {
      let weight = Tensor<Double>(scalar: w, requiresGrad: true)
      let f = (1 + (-3.5 * weight).exp()).log()
      f.backward()
      let sigmoid = 1 / (1 + exp(3.5 * w))  // σ(−3.5w)
      #expect(abs((weight.grad?.item ?? 0) - (-3.5 * sigmoid)) < 1e-12)
    }
  }

  @Test func squaredErrorOfTanhUnit() {
    let (a, b) = (0.4, -1.3)
    let w0 = Tensor<Double>(scalar: a, requiresGrad: true)
    let w1 = Tensor<Double>(scalar: b, requiresGrad: true)
    let f = (1 - w1 * (3.5 * w0).tanh()).pow(2)
    f.backward()
    let t = tanh(3.5 * a)
    let residual = 1 - b * t
    #expect(abs(f.item - residual * residual) < 1e-12)
    #expect(abs((w0.grad?.item ?? 0) - 2 * residual * (-b) * (1 - t * t) * 3.5) < 1e-12)
    #expect(abs((w1.grad?.item ?? 0) - 2 * residual * (-t)) < 1e-12)
  }

  @Test func quadraticFormAccumulatesUntilZeroed() {
    let x = Tensor<Double>([0, 1, 2, 3], shape: .matrix(4, 1), requiresGrad: true)
    let f = 2 * x.transposed().matmul(x)
    f.backward()
    #expect(f.item == 28)
    #expect(x.grad?.scalars == [0, 4, 8, 12])
    x.sum().backward()
    #expect(x.grad?.scalars == [1, 5, 9, 13])
    x.zeroGrad()
    x.sum().backward()
    #expect(x.grad?.scalars == [1, 1, 1, 1])
  }

  @Test func houseMeanSquaredError() {
    let features = Tensor<Double>(rows: [[2, 1, 0.5, 0], [4, 2, 2, 1], [3, 1, 1, 0]])
    let rent = Tensor<Double>([1550, 3100, 2200], shape: .matrix(3, 1))
    func loss(_ weights: [Double]) -> (Double, [Double]) {
      let w = Tensor<Double>(weights, shape: .matrix(4, 1), requiresGrad: true)
      let mse = (features.matmul(w) - rent).pow(2).mean()
      mse.backward()
      return (mse.item, w.grad?.scalars ?? [])
    }
    let (value, gradient) = loss([500, 200, -100, 100])
    #expect(abs(value - 386_666.666_666_666_7) < 1e-6)
    let expected = [-3866.666_666_666_7, -1733.333_333_333_3, -1600, -533.333_333_333_3]
    for (found, wanted) in zip(gradient, expected) { #expect(abs(found - wanted) < 1e-9) }
    #expect(loss([700, 200, -100, 100]).0 == 0)
  }
}
