/// AxTrain-pas's hardware numerical model around one Dense/Conv2D (possibly an `ApproxLayer`
/// running the approximate multiplier): input activations in their own dynamic fixed-point
/// format, weights read through NTV storage (fresh bit flips every forward), and the clipped
/// straight-through estimator (eq. 12) on the gradient of the layer's output.
///
/// The optimiser keeps updating the clean float weights; the noisy copy is only passed to the
/// inner layer's forward (never stored), and backward uses the clean weights for ∂L/∂x
/// (straight-through).
public struct PassiveLayer: WeightedLayerWrapper {
    public var inner: any WeightedLayer
    /// nil = exact weight storage.
    public var storage: NTVStorage?
    /// Activation word width (dynamic fixed point per batch); nil = float activations.
    public var activationBits: Int?
    public var clipGradients = true
    /// Seeded per layer; advanced by every forward.
    public var rng: SplitMix64
    /// Flip statistics accumulated over all reads.
    public var tally = NTVStorage.Tally()

    public init(_ inner: any WeightedLayer, storage: NTVStorage?, activationBits: Int?, seed: UInt64) {
        self.inner = inner
        self.storage = storage
        self.activationBits = activationBits
        self.rng = SplitMix64(seed: seed)
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        var input = x
        if let b = activationBits {
            let f = FixedPointFormat.dynamic(for: x.data, bits: b)
            input.data = x.data.map(f.round)
        }
        guard let storage else { return inner.forward(input, context: &context) }
        let noisy = storage.read(inner.weight.data, rng: &rng, tally: &tally)
        return inner.forward(input, weight: noisy, context: &context)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        inner.backward(clipGradients ? ClippedSTE.mask(dy) : dy)
    }

    public mutating func backwardParameters(_ dy: Tensor) {
        inner.backwardParameters(clipGradients ? ClippedSTE.mask(dy) : dy)
    }

    /// R-passes see the clean layer (sensitivity is an AxTrain-act quantity).
    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        try inner.forwardR(x, rx, context: &context)
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        try inner.backwardR(dy, rdy)
    }
}
