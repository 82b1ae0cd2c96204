/// Measures one layer's neuron-wise error statistics (seed paper, Fig. 2): while its
/// `base.compute` is `.approximate`, every forward quantises the input once, computes the exact
/// and the approximate 8-bit output on it, records both in `accumulator`, and returns the
/// approximate one. Used by `ErrorModelBuilder` on a copy of the network.
public struct ErrorStatsLayer: TrainingModelLayer {
    public var base: ApproxLayer
    public var accumulator: ErrorStatsAccumulator

    public init(_ base: ApproxLayer, neurons: Int) {
        self.base = base
        accumulator = ErrorStatsAccumulator(neurons: neurons)
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        guard base.compute == .approximate else { return base.forward(x, context: &context) }
        let q = base.quantise(x), w = base.weight.data
        let exact = base.product(q, weight: w, plan: base.exactPlan)
        let approx = base.product(q, weight: w, plan: base.plan)
        accumulator.add(exact: exact.data, approx: approx.data)
        return approx
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { base.backward(dy) }
}
