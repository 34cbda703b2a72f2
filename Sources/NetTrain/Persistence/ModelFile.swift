import Autograd

/// The model file format: versioned JSON holding everything `eval` and `predict` need.
///
/// ```
/// {
///   "format": "nettrain-model",
///   "version": 1,
///   "precision": "float64",                  // or "float32": the scalar type of the weights
///   "model": {"type": "mlp", "inputs": 2, "hidden": [8], "activation": "tanh", "outputs": 1},
///   "task": "binary",                        // "regression", "binary" or "multiclass"
///   "loss": "bce",                           // the task's loss: "mse", "bce", "cross_entropy"
///   "features": ["x1", "x2"],
///   "target": "y",
///   "classes": ["0", "1"],                   // class labels in index order; [] for regression
///   "standardization": {
///     "features": {"mean": [...], "scale": [...]},   // or null
///     "target": null                                 // {"mean": [m], "scale": [s]} or null
///   },
///   "layers": [{"weight": [[...], ...], "bias": [...]}, ...],   // weight is [inputs, outputs]
///   "config": {...}                          // optional: the resolved run config
/// }
/// ```
///
/// `hidden` and `activation` appear for an MLP only. Every number is written as the shortest
/// text that reads back to the same bits, so a model reads back bit for bit.
public enum ModelFile {
  /// The value of `"format"`.
  public static let format = "nettrain-model"
  /// The version this library writes and reads.
  public static let version = 1

  /// The keys of the top-level object, in the order they are written.
  static let keys = [
    "format", "version", "precision", "model", "task", "loss", "features", "target", "classes",
    "standardization", "layers", "config",
  ]

  /// The scalar type a model file's weights were saved in, so that a caller can choose
  /// `Model<Double>` or `Model<Float>` before loading it.
  /// - Throws: `ModelFileError` when `json` is not a model file of this version.
  public static func precision(
    of json: JSONValue, path: String
  ) throws(ModelFileError) -> RunConfig.Precision {
    let root = try ModelFileDecoder<Double>(file: path).header(
      ModelFileValue(root: json, file: path))
    return try root.member("precision").oneOf(RunConfig.Precision.self)
  }

  /// `float32` for `Float`, `float64` for `Double`.
  static func precision<Scalar: TensorScalar>(of scalar: Scalar.Type) -> RunConfig.Precision {
    Scalar.significandBitCount == Float.significandBitCount ? .float32 : .float64
  }
}
