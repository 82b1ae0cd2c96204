/// A weight used as W ⊙ Err (the baseline model's eq. 16; Hammad & El-Sankary's simulated
/// multiplier error). The output depends on W only through W' = W ⊙ Err, so
/// ∂L/∂W = ∂L/∂W' ⊙ Err. The one home of that rule, for `BaselineLayer` and `WeightErrorLayer`.
public struct WeightErr: Sendable {
    /// One factor per weight element.
    public var err: [Float]

    public init(err: [Float]) { self.err = err }

    /// W ⊙ Err.
    public func perturb(_ w: [Float]) -> [Float] { NoiseModels.perturb(w, err: err) }

    /// Runs `body` (a backward through W', accumulating ∂L/∂W' into the weight's gradient) and
    /// turns this step's contribution into ∂L/∂W: grad = before + ∂L/∂W' ⊙ Err.
    public func backward<L: WeightedLayer>(_ layer: inout L, _ body: (inout L) -> Tensor) -> Tensor {
        let before = layer.parameters[0].grad
        var params = layer.parameters
        params[0].grad = before.zerosLike()
        layer.parameters = params
        let dx = body(&layer)
        params = layer.parameters
        for i in 0..<params[0].grad.count { params[0].grad.data[i] = before.data[i] + params[0].grad.data[i] * err[i] }
        layer.parameters = params
        return dx
    }
}
