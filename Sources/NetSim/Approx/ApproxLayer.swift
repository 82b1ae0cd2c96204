/// A Dense or Conv2D layer quantised to 8 bits and computed through a multiplier table: the
/// paper's approximate layer and nothing else.
///
/// Forward (`compute` .exact or .approximate): quantise the input once (eq. 1, calibrated Δx),
/// quantise the weights (per tensor or per channel), LUT-GEMM with exact Int32 sums, rescale by
/// Δx·Δw, add the bias. Backward: the straight-through gradient of the exact quantised layer
/// (eq. 13): the float layer's backward on Zq, zeroed where the input was out of range.
/// Training-time models of the multiplier (error model, baseline, AWGN) are separate wrapper
/// layers around this one (`TrainingModelLayer`); statistics collection is `ErrorStatsLayer`.
public struct ApproxLayer: WeightedLayer {
    public var inner: any QuantisableLayer
    public var compute: ApproxCompute = .float
    /// The multiplier of this layer, and the exact one (built once).
    public var plan: KernelPlan
    public var exactPlan: KernelPlan
    /// Δ of the layer input; set by calibration.
    public var inputDelta: Float = 1
    public var calibrator: Calibrator
    public var perChannelWeights: Bool
    public var path: QuantisedEngine.Path = .fast
    /// The last forward's quantised input (its STE mask), nil after a float forward.
    private var input: QuantisedInput?
    /// The last forward's quantised input (read by weight tuning for the activation histogram).
    public var lastInput: QuantisedInput? { input }
    /// Int8 scratch of the 8-bit product (a conv's code columns), reused from step to step.
    private var scratch: [Int8] = []

    public init(_ inner: any QuantisableLayer, plan: KernelPlan,
                perChannelWeights: Bool = ApproxNetwork.QuantOptions().perChannelWeights,
                calibration: Calibrator.Method = ApproxNetwork.QuantOptions().calibration) {
        self.inner = inner
        self.plan = plan
        self.exactPlan = KernelPlan.analyse(.exact)
        self.perChannelWeights = perChannelWeights
        self.calibrator = Calibrator(method: calibration)
    }

    public var name: String {
        get { inner.name }
        set { inner.name = newValue }
    }
    public var kind: String { inner.kind }
    public var parameters: [Parameter] {
        get { inner.parameters }
        set { inner.parameters = newValue }
    }
    public var buffers: [(name: String, value: Tensor)] {
        get { inner.buffers }
        set { inner.buffers = newValue }
    }
    public var outputChannels: Int { inner.outputChannels }
    public func outputShape(for input: [Int]) throws -> [Int] { try inner.outputShape(for: input) }
    public func macs(for input: [Int]) -> Int { inner.macs(for: input) }

    /// The weight step(s) of `weight`: max-abs per tensor, or per output channel.
    public func weightScale(_ weight: [Float]) -> QuantScale {
        QuantScale.forWeights(weight, channels: inner.outputChannels, perChannel: perChannelWeights)
    }

    /// Eq. (1) on the layer input, once per forward; the result carries the STE mask for backward.
    public mutating func quantise(_ x: Tensor) -> QuantisedInput {
        let q = PhaseClock.measure(.quantisation) { QuantisedInput(x, delta: inputDelta) }
        input = q
        return q
    }

    /// The 8-bit layer through `plan` on an input quantised by `quantise`: LUT-GEMM, rescale, bias.
    /// `keepInput: false` when no backward follows (inference only).
    public mutating func product(_ q: QuantisedInput, weight: [Float], plan: KernelPlan, keepInput: Bool = true) -> Tensor {
        inner.forward(q, weight: weight, scale: weightScale(weight), engine: QuantisedEngine(plan: plan, path: path),
                      scratch: &scratch, keepInput: keepInput)
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        forward(x, weight: inner.weight.data, context: &context)
    }

    public mutating func forward(_ x: Tensor, weight: [Float], context: inout ForwardContext) -> Tensor {
        switch compute {
        case .float:
            input = nil
            return inner.forward(x, weight: weight, context: &context)
        case .calibrating:
            input = nil
            calibrator.observe(x.data)
            return inner.forward(x, weight: weight, context: &context)
        case .exact:
            return product(quantise(x), weight: weight, plan: exactPlan, keepInput: !context.inferenceOnly)
        case .approximate:
            return product(quantise(x), weight: weight, plan: plan, keepInput: !context.inferenceOnly)
        }
    }

    /// The exact quantised layer on the integer path (`exactPlan`: exact Int32 sums; on AVX2 the
    /// byte-block kernel for post-ReLU inputs, faster than float BLAS): the base of the error and
    /// AWGN training models. Backward is this layer's `backward`.
    public mutating func exactForward(_ x: Tensor, context: ForwardContext) -> Tensor {
        product(quantise(x), weight: inner.weight.data, plan: exactPlan, keepInput: !context.inferenceOnly)
    }

    /// The exact quantised layer as float BLAS on the eq.-1 values of the input and of `weight`
    /// (equal to the Int32 path up to Float rounding of the sums): the base of the training
    /// models with perturbed weights (baseline). Backward is this layer's `backward`.
    public mutating func exactFloatForward(_ x: Tensor, weight: [Float], context: inout ForwardContext) -> Tensor {
        let q = quantise(x)
        let xq = PhaseClock.measure(.quantisation) { q.values }
        let wq = PhaseClock.measure(.quantisation) { weightScale(weight).quantise(weight) }
        return inner.forward(xq, weight: wq, context: &context)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        backward(dy, weight: inner.weight.data)
    }

    public mutating func backward(_ dy: Tensor, weight: [Float]) -> Tensor {
        var dx = inner.backward(dy, weight: weight)
        input?.maskGradient(&dx)
        return dx
    }

    /// Parameter gradients only (the first layer: nobody needs ∂L/∂x, so Conv2D skips col2im).
    public mutating func backwardParameters(_ dy: Tensor) {
        inner.backwardParameters(dy)
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "quantised approximate layers have no R-operator")
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "quantised approximate layers have no R-operator")
    }
}
