import Testing
import Autograd
import Foundation

/// The reverse sweep itself: pathways, detaching, no-grad, depth, seeds, functional forms.
struct EngineTests {
  @Test func diamondSumsBothPathways() {
    let x = Tensor<Double>(scalar: 3, requiresGrad: true)
    let f = x.sin() * x.exp()  // x feeds two ops
    f.backward()
    #expect(abs((x.grad?.item ?? 0) - (cos(3) * exp(3) + sin(3) * exp(3))) < 1e-12)
  }

  @Test func sameTensorOnBothSides() {
    let x = Tensor<Double>(scalar: 4, requiresGrad: true)
    (x * x + x).backward()
    #expect(x.grad?.item == 9)
  }

  @Test func detachStopsTheFlow() {
    let x = Tensor<Double>(scalar: 2, requiresGrad: true)
    let f = x * x.detached()
    f.backward()
    #expect(x.grad?.item == 2)
    #expect(x.detached().isTracked == false)
  }

  @Test func noGradRecordsNothing() {
    let x = Tensor<Double>(scalar: 2, requiresGrad: true)
    let y = withoutGrad { (x * x).exp() }
    #expect(y.isTracked == false)
    #expect(y.isLeaf)
    let z = withoutGrad { withGrad { x * 3 } }
    #expect(z.isTracked)
  }

  @Test func untrackedInputsRecordNothing() {
    let a = Tensor<Double>([1, 2])
    #expect((a * 2 + a).isLeaf)
  }

  @Test func longChainDoesNotOverflowTheStack() {
    let x = Tensor<Double>(scalar: 1, requiresGrad: true)
    var y = x
    for _ in 0..<100_000 { y = y * 1.000_001 }
    y.backward()
    #expect(abs((x.grad?.item ?? 0) - pow(1.000_001, 100_000)) < 1e-9)
  }

  @Test func seedGivesVectorJacobianProduct() {
    let x = Tensor<Double>([1, 2, 3], requiresGrad: true)
    let y = x * x  // Jacobian diag(2x)
    y.backward(seed: Tensor([1, 10, 100]))
    #expect(x.grad?.scalars == [2, 40, 600])
  }

  @Test func adjointsLeaveGradAlone() {
    let x = Tensor<Double>(scalar: 2, requiresGrad: true)
    let y = x.pow(3)
    let adjoints = y.adjoints()
    #expect(adjoints[x]?.item == 12)
    #expect(adjoints[y]?.item == 1)
    #expect(x.grad == nil)
  }

  @Test func functionalGradient() {
    let point = Tensor<Double>([1, 2, 3])
    let (value, gradient) = valueAndGradient(at: point) { x in (x * x).sum() }
    #expect(value == 14)
    #expect(gradient.scalars == [2, 4, 6])
    #expect(Autograd.gradient(at: point) { x in x.sum() * 0 + 5 }.scalars == [0, 0, 0])
  }

  @Test func secondDerivativeByReverseOverReverse() {
    let x = Tensor<Double>(scalar: 2, requiresGrad: true)
    let y = x.pow(3)
    let dydx = y.adjoints(createGraph: true)[x]
    #expect(dydx?.item == 12)
    #expect(dydx?.isTracked == true)
    #expect(dydx?.adjoints()[x]?.item == 12)  // 6x at 2
  }

  @Test func hessianVectorProductOfAQuadratic() {
    // f(x) = ½ xᵀ A x with symmetric A has Hessian A.
    let a = Tensor<Double>(rows: [[2, 1, 0], [1, 3, -1], [0, -1, 4]])
    let x = Tensor<Double>([0.5, -1, 2], shape: .matrix(3, 1), requiresGrad: true)
    let f = 0.5 * x.transposed().matmul(a.matmul(x)).sum()
    guard let gradient = f.adjoints(createGraph: true)[x] else {
      Issue.record("no gradient")
      return
    }
    for row in 0..<3 {
      var unit = [0.0, 0, 0]
      unit[row] = 1
      let hessianRow = gradient.adjoints(seed: Tensor(unit, shape: .matrix(3, 1)))[x]
      #expect(hessianRow?.scalars == (0..<3).map { a[row, $0] })
    }
  }

  @Test func stableFormsAtLargeInputs() {
    let z = Tensor<Double>([-1000, 0, 1000], requiresGrad: true)
    let softplus = z.softplus()
    #expect(softplus.scalars == [0, log(2), 1000])
    softplus.sum().backward()
    #expect(z.grad?.scalars == [0, 0.5, 1])
    let logits = Tensor<Double>(rows: [[1000, -1000, 0]], requiresGrad: true)
    let logSoftmax = logits.logSoftmax()
    #expect(logSoftmax.scalars.allSatisfy { $0.isFinite })
    #expect(logSoftmax.scalars[0] == 0)
    logSoftmax.sum().backward()
    #expect(logits.grad?.scalars.allSatisfy { $0.isFinite } == true)
    let sigmoid = Tensor<Double>([-1000, 1000]).sigmoid()
    #expect(sigmoid.scalars == [0, 1])
  }

  @Test func floatTensorsWork() {
    let x = Tensor<Float>(scalar: 5, requiresGrad: true)
    (3 * x.pow(2) + 2 * x).backward()
    #expect(x.grad?.item == 32)
  }
}

extension EngineTests {
  @Test func powerZeroAndOneHaveFiniteDerivativesAtZero() {
    let x = Tensor<Double>(scalar: 0, requiresGrad: true)
    let gradient = x.pow(0).adjoints(createGraph: true)[x]
    #expect(gradient?.item == 0)
    let linear = x.pow(1).adjoints(createGraph: true)[x]
    #expect(linear?.item == 1)
    #expect(linear?.adjoints()[x]?.item == 0)
  }
}

extension EngineTests {
  /// The engine example of the README, as written there.
  @Test func readmeEngineExample() throws {
    let x = Tensor<Double>(scalar: 5, requiresGrad: true)
    let f = 3 * x.pow(2) + 2 * x
    f.backward()
    let dfdx = try #require(f.adjoints(createGraph: true)[x])
    let d2fdx2 = try #require(dfdx.adjoints()[x])
    #expect(x.grad?.item == 32)
    #expect(dfdx.item == 32)
    #expect(d2fdx2.item == 6)  // f″ = 6
  }
}
