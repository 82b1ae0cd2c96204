/// The seed paper's neuron-wise error model in training (eqs. 12 and 15): the exact quantised
/// output Y plus Ξ = σ_ε(ρ S1 + S2 √(1−ρ²)) + μ_ε, S1 = (Y − μ_y)/σ_y, S2 ~ N(0, 1) drawn every
/// forward from the pass's generator. Backward: ∂Ỹ/∂Y = 1 + σ_ε ρ / σ_y, then the exact layer's.
public struct ErrorModelLayer: TrainingModelLayer {
    public var base: ApproxLayer
    public var coefficients: ErrorInjection.Coefficients
    /// Whether the last forward ran the model.
    private var modelled = false

    public init(_ base: ApproxLayer, coefficients: ErrorInjection.Coefficients) {
        self.base = base
        self.coefficients = coefficients
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        modelled = models(context)
        guard modelled else { return base.forward(x, context: &context) }
        var y = base.exactForward(x, context: context)
        precondition(y.itemSize == coefficients.a1.count,
                     "\(name): error model has \(coefficients.a1.count) neurons, output \(y.itemSize)")
        PhaseClock.measure(.errorModel) { ErrorInjection.apply(&y.data, coefficients, rng: &context.rng) }
        return y
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { base.backward(modelGradient(dy)) }

    public mutating func backwardParameters(_ dy: Tensor) { base.backwardParameters(modelGradient(dy)) }

    /// ∂L/∂Y from ∂L/∂Ỹ (eq. 15) when the last forward ran the model.
    private func modelGradient(_ dy: Tensor) -> Tensor {
        var g = dy
        if modelled { PhaseClock.measure(.errorModel) { ErrorInjection.backward(&g.data, coefficients) } }
        return g
    }
}
