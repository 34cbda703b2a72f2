import Autograd

/// A trainable model: a stack of dense layers that outputs logits, the task that fixes its
/// loss and output link, the standardisation of its inputs (and regression targets), and
/// the names a model file keeps.
///
/// A model is a class: training updates its parameters in place and every holder sees the
/// trained weights. Every public entry point takes features and targets in their own units;
/// the model applies its standardisation itself.
public final class Model<Scalar: TensorScalar> {
  /// Linear, logistic or MLP.
  public let kind: ModelKind
  /// What the model predicts; it fixes the loss (`task.loss`) and the output link.
  public let task: TaskKind
  /// The layers, from standardised features to logits.
  public let network: Sequential<Scalar>
  /// The z-scoring of the features, fitted on training rows; `nil` to use them as they are.
  public var featureScaling: Standardizer<Scalar>?
  /// The z-scoring of a regression target; `nil` to use it as it is.
  public var targetScaling: Standardizer<Scalar>?
  /// The names of the input columns, in order.
  public var featureNames: [String]
  /// The name of the target column.
  public var targetName: String
  /// The class labels of a classification task in index order; empty for regression.
  public var classLabels: [String]

  /// A fresh model whose weights are drawn from `generator` (see `Sequential.init(widths:)`
  /// for the draw order) and whose biases are zero.
  ///
  /// - Parameters:
  ///   - kind: must support `task` (`kind.supports(task)`).
  ///   - inputs: the number of features.
  ///   - featureScaling: z-scoring of the features, usually `Standardizer(fittedTo:)` on the
  ///     training features.
  ///   - targetScaling: z-scoring of a regression target; ignored for classification.
  public convenience init(
    _ kind: ModelKind, inputs: Int, task: TaskKind,
    featureScaling: Standardizer<Scalar>? = nil, targetScaling: Standardizer<Scalar>? = nil,
    generator: inout SeededGenerator
  ) {
    precondition(kind.supports(task), "a \(kind.name) model cannot do \(task.name)")
    let widths = [inputs] + kind.hidden + [task.outputs]
    let network = Sequential<Scalar>(
      widths: widths, hidden: kind.activation, generator: &generator)
    self.init(
      kind, task: task, network: network, featureScaling: featureScaling,
      targetScaling: targetScaling)
  }

  /// A fresh model with weights drawn from `SeededGenerator(seed: seed)`.
  public convenience init(
    _ kind: ModelKind, inputs: Int, task: TaskKind,
    featureScaling: Standardizer<Scalar>? = nil, targetScaling: Standardizer<Scalar>? = nil,
    seed: UInt64
  ) {
    var generator = SeededGenerator(seed: seed)
    self.init(
      kind, inputs: inputs, task: task, featureScaling: featureScaling,
      targetScaling: targetScaling, generator: &generator)
  }

  /// A model around an existing network (as a model file rebuilds it).
  public init(
    _ kind: ModelKind, task: TaskKind, network: Sequential<Scalar>,
    featureScaling: Standardizer<Scalar>? = nil, targetScaling: Standardizer<Scalar>? = nil
  ) {
    let inputs = network.layers.first?.inputs ?? 0
    precondition(network.layers.last?.outputs == task.outputs, "network outputs for \(task)")
    precondition(featureScaling.map { $0.columns == inputs } ?? true, "feature scaling width")
    precondition(targetScaling.map { $0.columns == 1 } ?? true, "target scaling width")
    self.kind = kind
    self.task = task
    self.network = network
    self.featureScaling = featureScaling
    self.targetScaling = task == .regression ? targetScaling : nil
    self.featureNames = (0..<inputs).map { "x\($0 + 1)" }
    self.targetName = "y"
    self.classLabels = (0..<(task.classCount ?? 0)).map(String.init)
  }

  /// The number of input features.
  public var inputs: Int { network.layers.first?.inputs ?? 0 }

  /// The loss the model is trained with.
  public var loss: Loss { task.loss }

  /// Every trainable tensor: each layer's weight then bias, layer by layer.
  @inlinable public var parameters: [Tensor<Scalar>] { network.parameters }
}
