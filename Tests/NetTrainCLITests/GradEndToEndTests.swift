import Foundation
import Testing

/// `nettrain grad` run as a subprocess, against values derived by hand.
@Suite struct GradEndToEndTests {
  @Test func polynomialInOneVariable() throws {
    let run = try NetTrainBinary.run(["grad", "3*x^2 + 2*x", "--at", "x=5"])
    run.expectSuccess()
    #expect(run.standardOutput == "f = 85\ndf/dx = 32\n")
  }

  @Test func polynomialInTwoVariablesInTheOrderOfAt() throws {
    let run = try NetTrainBinary.run(["grad", "3*x^2 + 2*y - 7", "--at", "y=5,x=3"])
    run.expectSuccess()
    #expect(run.standardOutput == "f = 30\ndf/dy = 2\ndf/dx = 18\n")
  }

  /// The worked example of Baydin et al.: f = ln x1 + x1·x2 − sin x2 at (2, 5).
  @Test func lectureExample() throws {
    let run = try NetTrainBinary.run(["grad", "ln(x1) + x1*x2 - sin(x2)", "--at", "x1=2,x2=5"])
    run.expectSuccess()
    #expect(isClose(try run.value("f"), log(2) + 10 - sin(5)))
    #expect(try run.value("df/dx1") == 5.5)
    #expect(isClose(try run.value("df/dx2"), 2 - cos(5)))
    #expect(
      run.outputLines.map { $0.components(separatedBy: " = ")[0] } == ["f", "df/dx1", "df/dx2"])
  }

  /// Logistic loss of one example: d/dw log(1 + e^(−3.5w)) = −3.5·σ(−3.5w).
  @Test(arguments: [0.7, -2.0, 0.0])
  func logisticLoss(w: Double) throws {
    let run = try NetTrainBinary.run(["grad", "log(1 + exp(-3.5*w))", "--at", "w=\(w)"])
    run.expectSuccess()
    let sigmoid = 1 / (1 + exp(3.5 * w))  // σ(−3.5w)
    #expect(isClose(try run.value("f"), log(1 + exp(-3.5 * w))))
    #expect(isClose(try run.value("df/dw"), -3.5 * sigmoid))
  }

  /// A squared error through a tanh unit: f = (1 − w1·tanh(3.5·w0))².
  @Test func squaredErrorThroughTanh() throws {
    let (w0, w1) = (0.3, -0.8)
    let run = try NetTrainBinary.run(
      ["grad", "(1 - w1*tanh(3.5*w0))^2", "--at", "w0=\(w0),w1=\(w1)"])
    run.expectSuccess()
    let t = tanh(3.5 * w0)
    let residual = 1 - w1 * t
    #expect(isClose(try run.value("f"), residual * residual))
    #expect(isClose(try run.value("df/dw0"), 2 * residual * -w1 * 3.5 * (1 - t * t)))
    #expect(isClose(try run.value("df/dw1"), 2 * residual * -t))
  }

  @Test func everyFunctionAgainstItsDerivative() throws {
    let x = 0.4
    let cases: [(String, Double, Double)] = [
      ("exp(x)", exp(x), exp(x)),
      ("sqrt(x)", sqrt(x), 0.5 / sqrt(x)),
      ("tan(x)", tan(x), 1 / (cos(x) * cos(x))),
      ("sigmoid(x)", 1 / (1 + exp(-x)), exp(-x) / ((1 + exp(-x)) * (1 + exp(-x)))),
      ("softplus(x)", log(1 + exp(x)), 1 / (1 + exp(-x))),
      ("relu(x - 1)", 0, 0),
      ("abs(-x)", x, 1),
      ("x^x", pow(x, x), pow(x, x) * (log(x) + 1)),
      ("e^x * pi", exp(x) * Double.pi, exp(x) * Double.pi),
      ("cos(x)/x", cos(x) / x, (-sin(x) * x - cos(x)) / (x * x)),
    ]
    for (expression, value, derivative) in cases {
      let run = try NetTrainBinary.run(["grad", expression, "--at", "x=\(x)"])
      run.expectSuccess()
      #expect(isClose(try run.value("f"), value), "\(expression)")
      #expect(isClose(try run.value("df/dx"), derivative), "\(expression)")
    }
  }

  @Test(arguments: [
    ("-x^2", 3.0, -9.0, -6.0),
    ("x*2^3^2", 1.0, 512.0, 512.0),
    ("2^-x", 1.0, 0.5, -0.5 * log(2)),
    ("x - -x", 2.0, 4.0, 2.0),
    ("8/x/2", 2.0, 2.0, -1.0),
    ("1e-3*x + .5", 2.0, 0.502, 0.001),
  ])
  func precedenceAndAssociativity(
    expression: String, x: Double, value: Double, derivative: Double
  ) throws {
    let run = try NetTrainBinary.run(["grad", expression, "--at", "x=\(x)"])
    run.expectSuccess()
    #expect(isClose(try run.value("f"), value))
    #expect(isClose(try run.value("df/dx"), derivative))
  }

  @Test func jsonOutput() throws {
    let run = try NetTrainBinary.run(
      ["grad", "ln(x1) + x1*x2 - sin(x2)", "--at", "x2=5,x1=2", "--json"])
    run.expectSuccess()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let gradient = try #require(object["gradient"] as? [String: Double])
    #expect(isClose(try #require(object["value"] as? Double), log(2) + 10 - sin(5)))
    #expect(gradient["x1"] == 5.5)
    #expect(isClose(try #require(gradient["x2"]), 2 - cos(5)))
    #expect(object["hessian"] == nil)
    // Keys in the order of --at.
    #expect(run.standardOutput.contains("\"gradient\": {\"x2\": "))
  }

  @Test func hessianOfACubic() throws {
    let text = try NetTrainBinary.run(["grad", "x^3", "--at", "x=2", "--hessian"])
    text.expectSuccess()
    #expect(text.standardOutput == "f = 8\ndf/dx = 12\nd2f/dxdx = 12\n")
    let json = try NetTrainBinary.run(["grad", "x^3", "--at", "x=2", "--hessian", "--json"])
    json.expectSuccess()
    #expect(
      json.standardOutput
        == "{\"value\": 8, \"gradient\": {\"x\": 12}, \"hessian\": {\"x\": {\"x\": 12}}}\n")
  }

  /// f = x²y + sin(xy): f_xx = 2y − y² sin(xy), f_xy = 2x + cos(xy) − xy sin(xy),
  /// f_yy = −x² sin(xy).
  @Test func mixedHessian() throws {
    let (x, y) = (1.5, -0.5)
    let run = try NetTrainBinary.run(
      ["grad", "x^2*y + sin(x*y)", "--at", "x=\(x),y=\(y)", "--hessian", "--json"])
    run.expectSuccess()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let hessian = try #require(object["hessian"] as? [String: [String: Double]])
    let xy = x * y
    let expected = [
      "x": ["x": 2 * y - y * y * sin(xy), "y": 2 * x + cos(xy) - xy * sin(xy)],
      "y": ["x": 2 * x + cos(xy) - xy * sin(xy), "y": -x * x * sin(xy)],
    ]
    for (row, columns) in expected {
      for (column, value) in columns {
        #expect(isClose(try #require(hessian[row]?[column]), value), "d2f/d\(row)d\(column)")
      }
    }
  }

  @Test func hessianInTextIsEveryPairRowByRow() throws {
    let run = try NetTrainBinary.run(["grad", "exp(x*y)", "--at", "x=1,y=2", "--hessian"])
    run.expectSuccess()
    let e2 = exp(2.0)
    #expect(
      run.outputLines.map { $0.components(separatedBy: " = ")[0] } == [
        "f", "df/dx", "df/dy", "d2f/dxdx", "d2f/dxdy", "d2f/dydx", "d2f/dydy",
      ])
    #expect(isClose(try run.value("d2f/dxdx"), 4 * e2))  // y² e^{xy}
    #expect(isClose(try run.value("d2f/dxdy"), 3 * e2))  // (1 + xy) e^{xy}
    #expect(isClose(try run.value("d2f/dydy"), e2))  // x² e^{xy}
  }
}
