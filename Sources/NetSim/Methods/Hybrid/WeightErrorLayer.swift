/// One layer of Hammad & El-Sankary's simulated multiplier error: in training-mode passes the
/// wrapped layer computes with W ⊙ Err (fixed Err per layer), forward and backward, and the
/// weight gradient becomes ∂L/∂W = ∂L/∂(W ⊙ Err) ⊙ Err (`WeightErr`). Evaluation-mode passes
/// are the error-free layer. The stored weights are never replaced.
public struct WeightErrorLayer: WeightedLayerWrapper {
    public var inner: any WeightedLayer
    public var err: WeightErr
    /// Whether the last forward used W ⊙ Err.
    private var active = false

    public init(_ inner: any WeightedLayer, err: [Float]) {
        precondition(err.count == inner.weight.count, "\(inner.name): \(err.count) error factors for \(inner.weight.count) weights")
        self.inner = inner
        self.err = WeightErr(err: err)
    }

    /// The weight the training-mode passes compute with: W ⊙ Err.
    public var effectiveWeight: [Float] { err.perturb(inner.weight.data) }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        active = context.mode == .train
        guard active else { return inner.forward(x, context: &context) }
        return inner.forward(x, weight: effectiveWeight, context: &context)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        guard active else { return inner.backward(dy) }
        return Self.backward(&inner, dy, weight: effectiveWeight, err: err)
    }

    /// Backward through W' = W ⊙ Err on the opened inner layer.
    private static func backward<L: WeightedLayer>(_ layer: inout L, _ dy: Tensor, weight: [Float], err: WeightErr) -> Tensor {
        err.backward(&layer) { $0.backward(dy, weight: weight) }
    }

    /// R-passes see the error-free layer.
    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        try inner.forwardR(x, rx, context: &context)
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        try inner.backwardR(dy, rdy)
    }
}
