// `import NetTrain` is enough to train a model: the engine's `Tensor`, `TensorScalar`,
// `Shape` and `withoutGrad` come with it.
@_exported import Autograd
