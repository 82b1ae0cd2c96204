/// Additive white Gaussian noise in training (the seed paper's section 5): the exact quantised
/// output plus noise at `snrDB` relative to the batch's output power E[y²]. Backward: the noise
/// is a constant of the forward, so the gradient is the exact layer's.
public struct AWGNLayer: TrainingModelLayer {
    public var base: ApproxLayer
    public var snrDB: Double

    public init(_ base: ApproxLayer, snrDB: Double) {
        self.base = base
        self.snrDB = snrDB
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        guard models(context) else { return base.forward(x, context: &context) }
        var y = base.exactForward(x, context: context)
        NoiseModels.addAWGN(&y.data, snrDB: snrDB, rng: &context.rng)
        return y
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { base.backward(dy) }

    public mutating func backwardParameters(_ dy: Tensor) { base.backwardParameters(dy) }
}
