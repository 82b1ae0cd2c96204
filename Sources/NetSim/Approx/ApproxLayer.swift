import CKernels

/// A Dense or Conv2D layer quantised to 8 bits and computed through a multiplier table.
///
/// Forward: fake-quantise the input (eq. 1, calibrated Δx), quantise weights (per tensor or per
/// channel) inside `QuantisedEngine`, LUT-GEMM, rescale, bias; in training mode the configured
/// `TrainingModel` replaces the table by a model of it. Backward: straight-through gradient of the
/// exact quantised layer (eq. 13), with the error model's extra σ_ε ρ / σ_y term (eq. 15).
public struct ApproxLayer: Layer {
    public var inner: any QuantisableLayer
    public var compute: ApproxCompute = .float
    public var training: TrainingModel = .behavioural
    /// The multiplier of this layer, and the exact one (built once).
    public var plan: KernelPlan
    public var exactPlan: KernelPlan
    /// Δ of the layer input; set by calibration.
    public var inputDelta: Float = 1
    public var calibrator: Calibrator
    public var perChannelWeights: Bool
    public var path: QuantisedEngine.Path = .fast
    /// When set, evaluation-mode forwards record exact-vs-approximate statistics.
    public var collector: ErrorStatsAccumulator?
    /// A fixed Err tensor for the baseline model (drawn on first use when not fresh).
    public var fixedErr: [Float]?
    /// 1 where the layer input was inside the quantiser's range (the STE mask), else 0.
    private var inputMask: [UInt8] = []
    private var activeErr: [Float]?
    private var savedWeight: Tensor?
    private var injected: ErrorInjection.Coefficients?

    public init(_ inner: any QuantisableLayer, plan: KernelPlan, perChannelWeights: Bool = false,
                calibration: Calibrator.Method = .maxAbs) {
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
    public func outputShape(for input: [Int]) throws -> [Int] { try inner.outputShape(for: input) }
    public func macs(for input: [Int]) -> Int { inner.macs(for: input) }

    /// The engine for `plan` with the current weight step(s).
    func engine(_ plan: KernelPlan) -> QuantisedEngine {
        let w = inner.parameters[0].value.data
        let wd: Float? = perChannelWeights ? nil : Quantiser.delta(forRange: maxAbs(w[...]))
        return QuantisedEngine(plan: plan, activationOperand: inner.activationOperand,
                               activationDelta: inputDelta, weightDelta: wd, path: path)
    }

    mutating func run(_ x: Tensor, _ plan: KernelPlan?, _ context: inout ForwardContext) -> Tensor {
        inner.engine = plan.map { engine($0) } ?? BLASEngine()
        return inner.forward(x, context: &context)
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        switch compute {
        case .float:
            inputMask = []
            return run(x, nil, &context)
        case .calibrating:
            inputMask = []
            calibrator.observe(x.data)
            return run(x, nil, &context)
        case .exact, .approximate:
            break
        }
        let xq = PhaseClock.measure(.quantisation) { () -> Tensor in
            let (q, mask) = FakeQuant.forwardAndMask(x.data, delta: inputDelta)
            inputMask = mask
            return Tensor(shape: x.shape, data: q)
        }
        let table = compute == .approximate ? plan : exactPlan
        if context.mode == .train && compute == .approximate { return trainingForward(xq, &context) }
        if var acc = collector {
            let exact = run(xq, exactPlan, &context)
            let approx = run(xq, plan, &context)
            acc.add(exact: exact.data, approx: approx.data)
            collector = acc
            return approx
        }
        return run(xq, table, &context)
    }

    /// The exact quantised layer on the fast float path: weights replaced by their eq.-1 values for
    /// this forward only, input already fake-quantised, BLAS product (equal to the integer path up
    /// to Float rounding of the sums). Backward then sees the float weights (STE).
    mutating func runFakeQuant(_ xq: Tensor, _ context: inout ForwardContext) -> Tensor {
        let w = inner.parameters[0].value
        let scale = QuantScale.forWeights(w.data, channels: inner.outputChannels, perChannel: perChannelWeights)
        inner.parameters[0].value = Tensor(shape: w.shape, data: scale.quantise(w.data))
        let y = run(xq, nil, &context)
        inner.parameters[0].value = w
        return y
    }

    /// Training-mode forward of the configured model of the multiplier.
    mutating func trainingForward(_ xq: Tensor, _ context: inout ForwardContext) -> Tensor {
        injected = nil
        switch training {
        case .behavioural:
            return run(xq, plan, &context)
        case .exact:
            return runFakeQuant(xq, &context)
        case .errorModel(let c):
            var y = runFakeQuant(xq, &context)
            precondition(y.itemSize == c.a1.count, "\(name): error model has \(c.a1.count) neurons, output \(y.itemSize)")
            ErrorInjection.apply(&y.data, c, rng: &context.rng)
            injected = c
            return y
        case .baseline(let sigma, let fresh):
            let w = inner.parameters[0].value
            let err = fresh ? nil : fixedErr
            let e = err ?? NoiseModels.baselineErr(count: w.count, sigma: sigma, rng: &context.rng)
            if !fresh { fixedErr = e }
            savedWeight = w
            activeErr = e
            inner.parameters[0].value = Tensor(shape: w.shape, data: NoiseModels.perturb(w.data, err: e))
            return runFakeQuant(xq, &context)
        case .awgn(let snr):
            var y = runFakeQuant(xq, &context)
            NoiseModels.addAWGN(&y.data, snrDB: snr, rng: &context.rng)
            return y
        }
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        var g = dy
        if let c = injected { ErrorInjection.backward(&g.data, c) }
        var dx: Tensor
        if let w = savedWeight, let e = activeErr {
            let before = inner.parameters[0].grad
            dx = inner.backward(g)
            var grad = inner.parameters[0].grad
            for i in 0..<grad.count { grad.data[i] = before.data[i] + (grad.data[i] - before.data[i]) * e[i] }
            inner.parameters[0].grad = grad
            inner.parameters[0].value = w
            savedWeight = nil
            activeErr = nil
        } else {
            dx = inner.backward(g)
        }
        if inputMask.count == dx.count {
            PhaseClock.measure(.quantisation) {
                dx.data.withUnsafeMutableBufferPointer { d in
                    inputMask.withUnsafeBufferPointer { m in
                        if let db = d.baseAddress, let mb = m.baseAddress { ck_mask_zero(db, d.count, mb) }
                    }
                }
            }
        }
        return dx
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "quantised approximate layers have no R-operator")
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "quantised approximate layers have no R-operator")
    }
}
