/// The baseline model of the seed paper (eq. 16): the exact quantised layer on W ⊙ Err,
/// Err ~ N(1 + m, σ) (m = 0: `baseline`, the paper's unbiased reading; m = the multiplier's mean
/// relative error: `baseline-mean`), drawn every forward (`fresh`) or once per layer. The weights are never
/// replaced: the forward computes with W ⊙ Err, and backward uses the same W ⊙ Err, giving
/// ∂L/∂W = ∂L/∂(W ⊙ Err) ⊙ Err (`WeightErr`).
public struct BaselineLayer: TrainingModelLayer {
    public var base: ApproxLayer
    /// The mean error m of Err ~ N(1 + m, σ).
    public var mean: Float
    public var sigma: Float
    public var fresh: Bool
    /// The fixed Err of this layer when not `fresh` (drawn on first use).
    public var fixedErr: [Float]?
    /// The Err of the last forward, nil when it did not run the model.
    private var active: WeightErr?

    public init(_ base: ApproxLayer, mean: Float = 0, sigma: Float, fresh: Bool) {
        self.base = base
        self.mean = mean
        self.sigma = sigma
        self.fresh = fresh
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        guard models(context) else {
            active = nil
            return base.forward(x, context: &context)
        }
        let w = base.weight.data
        let err = (fresh ? nil : fixedErr) ?? NoiseModels.baselineErr(count: w.count, mean: mean, sigma: sigma,
                                                                                 rng: &context.rng)
        if !fresh { fixedErr = err }
        let e = WeightErr(err: err)
        active = e
        return base.exactFloatForward(x, weight: e.perturb(w), context: &context)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        guard let e = active else { return base.backward(dy) }
        let w = e.perturb(base.weight.data)
        return e.backward(&base) { $0.backward(dy, weight: w) }
    }
}
