/// What a training method adds to the one training loop (`Trainer.runEpoch(train:test:hooks:progress:)`).
///
/// The loop is fixed: shuffle, and per mini-batch zero the gradients, forward (guarded), loss,
/// backward, gradient guard, clipping (`maxGradNorm`), optimiser step, weight guard; after the
/// epoch, evaluate. A method changes what happens around the forward and backward passes and how
/// the epoch is evaluated, nothing else, so every method gets the NaN/Inf guard and clipping.
/// Every hook has a default that does nothing (or evaluates the trained network on `test`).
public protocol TrainingHooks {
    /// After the gradients are zeroed, before the forward pass of mini-batch `x`: e.g. perturb the
    /// weights (hybrid), or compute a regulariser on the batch (AxTrain-act).
    mutating func beforeForward(_ network: inout Network, batch x: Tensor) throws
    /// After the backward pass, before the gradient guard, clipping and the optimiser step: e.g.
    /// restore perturbed weights, or add a regulariser's gradient.
    mutating func afterBackward(_ network: inout Network) throws
    /// The end-of-epoch evaluation of the trained network on `test`.
    mutating func evaluate(_ network: Network, on test: LabeledData, batchSize: Int) -> Evaluation
}

public extension TrainingHooks {
    mutating func beforeForward(_ network: inout Network, batch x: Tensor) throws {}
    mutating func afterBackward(_ network: inout Network) throws {}
    mutating func evaluate(_ network: Network, on test: LabeledData, batchSize: Int) -> Evaluation {
        Trainer.evaluate(network, on: test, batchSize: batchSize)
    }
}

/// Plain supervised training: no hooks.
public struct PlainTraining: TrainingHooks {
    public init() {}
}
