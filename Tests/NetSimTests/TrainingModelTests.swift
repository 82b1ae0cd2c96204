import Testing
@testable import NetSim

/// The training-time models of a multiplier as wrapper layers: each one's backward against central
/// finite differences in Double of the model's own definition, written out here (quantisation
/// enters as its straight-through surrogate x̃ = clamp(x, −128Δ, 127Δ); the noise a forward draws
/// is a constant of that forward), and the check that two forwards before a backward leave the
/// weights unchanged.
@Suite struct TrainingModelTests {
    static let delta: Float = 1.0 / 64
    /// Batch 2 × 3 features on the Δ = 1/64 grid; x[0, 2] = 2.5 lies above 127Δ (its gradient is cut).
    static let x = Tensor(shape: [2, 3], data: [0.5, -0.3125, 2.5, 0.25, -1, 0.078125])
    /// Upstream gradient; two entries have |c| ≥ 1 (the clipped STE of AxTrain-pas cuts them).
    static let c = Tensor(shape: [2, 2], data: [0.7, -1.5, 0.25, 1.2])

    static func dense() -> Dense {
        var rng = SplitMix64(seed: 3)
        var d = Dense("fc", inFeatures: 3, outFeatures: 2, rng: &rng)
        d.parameters[1].value.data = [0.2, -0.4]
        return d
    }

    /// The 8-bit layer around `dense()`, calibrated to Δ = 1/64, computing approximately.
    static func approx() -> ApproxLayer {
        var a = ApproxLayer(dense(), plan: KernelPlan.analyse(.exact))
        a.inputDelta = delta
        a.compute = .approximate
        return a
    }

    /// Forward and backward in training mode: (dx, dW, db).
    static func gradients(_ layer: inout some Layer, seed: UInt64 = 5) -> (dx: [Float], dw: [Float], db: [Float]) {
        var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: seed))
        _ = layer.forward(x, context: &ctx)
        let dx = layer.backward(c)
        return (dx.data, layer.parameters[0].grad.data, layer.parameters[1].grad.data)
    }

    /// Central differences (h = 1e-4, Double) of `f(x, W, b)` at the test point, against the
    /// analytic gradients; returns the worst tolerance ratio (≤ 1 passes).
    static func check(_ g: (dx: [Float], dw: [Float], db: [Float]), w: [Float], b: [Float],
                      _ f: ([Double], [Double], [Double]) -> Double) -> Double {
        let x0 = x.data.map(Double.init), w0 = w.map(Double.init), b0 = b.map(Double.init), h = 1e-4
        var fd: [Double] = [], an: [Double] = []
        for i in x0.indices {
            var p = x0, m = x0
            p[i] += h; m[i] -= h
            fd.append((f(p, w0, b0) - f(m, w0, b0)) / (2 * h)); an.append(Double(g.dx[i]))
        }
        for i in w0.indices {
            var p = w0, m = w0
            p[i] += h; m[i] -= h
            fd.append((f(x0, p, b0) - f(x0, m, b0)) / (2 * h)); an.append(Double(g.dw[i]))
        }
        for i in b0.indices {
            var p = b0, m = b0
            p[i] += h; m[i] -= h
            fd.append((f(x0, w0, p) - f(x0, w0, m)) / (2 * h)); an.append(Double(g.db[i]))
        }
        return FD.worst(fd, an, atol: 1e-5, rtol: 1e-4)
    }

    /// y[n, o] = Σ_i w[o, i]·q(x[n, i]) + b[o], in Double.
    static func affine(_ x: [Double], _ w: [Double], _ b: [Double], q: (Double) -> Double) -> [Double] {
        var y: [Double] = []
        for n in 0..<2 {
            for o in 0..<2 {
                var sum = b[o]
                for i in 0..<3 { sum += w[o * 3 + i] * q(x[n * 3 + i]) }
                y.append(sum)
            }
        }
        return y
    }

    /// The STE surrogate of eq. (1): clamp to the representable range.
    static func clamp(_ v: Double) -> Double { min(max(v, -128 * Double(delta)), 127 * Double(delta)) }

    /// L = Σ c ⊙ y.
    static func loss(_ y: [Double], _ c: [Float]) -> Double { zip(y, c).reduce(0) { $0 + $1.0 * Double($1.1) } }

    static func neuronStats() -> NeuronErrorStats {
        var s = NeuronErrorStats(neurons: 2, samples: 1)
        s.muY = [0.3, -0.2]; s.sigmaY = [0.5, 2]; s.muE = [0.1, -0.05]; s.sigmaE = [0.2, 0.6]; s.rho = [0.8, -0.5]
        return s
    }

    // MARK: gradients

    /// Ỹ = Y + σ_ε(ρ (Y − μ_y)/σ_y + S2 √(1−ρ²)) + μ_ε: ∂Ỹ/∂Y = 1 + σ_ε ρ/σ_y per neuron.
    @Test func errorModelGradientMatchesFiniteDifferences() {
        let s = Self.neuronStats()
        var m = ErrorModelLayer(Self.approx(), coefficients: ErrorInjection.Coefficients(s))
        let g = Self.gradients(&m)
        let worst = Self.check(g, w: Self.dense().weight.data, b: [0.2, -0.4]) { x, w, b in
            let y = Self.affine(x, w, b, q: Self.clamp)
            let model = y.indices.map { i -> Double in
                let j = i % 2, rho = Double(s.rho[j]), se = Double(s.sigmaE[j]), sy = Double(s.sigmaY[j])
                return y[i] + se * rho * (y[i] - Double(s.muY[j])) / sy + Double(s.muE[j])   // S2 term: a constant
            }
            return Self.loss(model, Self.c.data)
        }
        #expect(worst <= 1, "worst ratio \(worst)")
        #expect(g.dx[2] == 0)   // out of range: the clipped STE
    }

    /// W ⊙ Err: ∂L/∂W = ∂L/∂W' ⊙ Err, ∂L/∂x through W ⊙ Err.
    @Test func baselineGradientMatchesFiniteDifferences() throws {
        var m = BaselineLayer(Self.approx(), sigma: 0.3, fresh: false)
        let g = Self.gradients(&m)
        let err = try #require(m.fixedErr).map(Double.init)
        let worst = Self.check(g, w: Self.dense().weight.data, b: [0.2, -0.4]) { x, w, b in
            Self.loss(Self.affine(x, zip(w, err).map { $0 * $1 }, b, q: Self.clamp), Self.c.data)
        }
        #expect(worst <= 1, "worst ratio \(worst)")
    }

    /// AWGN: the noise is a constant of the forward; the gradient is the exact quantised layer's.
    @Test func awgnGradientMatchesFiniteDifferences() {
        var m = AWGNLayer(Self.approx(), snrDB: 10)
        let g = Self.gradients(&m)
        let worst = Self.check(g, w: Self.dense().weight.data, b: [0.2, -0.4]) { x, w, b in
            Self.loss(Self.affine(x, w, b, q: Self.clamp), Self.c.data)
        }
        #expect(worst <= 1, "worst ratio \(worst)")
    }

    /// Hammad & El-Sankary's float layer on W ⊙ Err (no quantisation).
    @Test func weightErrorGradientMatchesFiniteDifferences() {
        let err: [Float] = [1.1, 0.8, 1.3, 0.95, 1.02, 0.7]
        var m = WeightErrorLayer(Self.dense(), err: err)
        let g = Self.gradients(&m)
        let worst = Self.check(g, w: Self.dense().weight.data, b: [0.2, -0.4]) { x, w, b in
            Self.loss(Self.affine(x, zip(w, err).map { $0 * Double($1) }, b, q: { $0 }), Self.c.data)
        }
        #expect(worst <= 1, "worst ratio \(worst)")
    }

    /// AxTrain-pas: the clipped STE passes an upstream gradient only where |c| < 1, so the
    /// gradient is that of L' = Σ c·1{|c| < 1} ⊙ y.
    @Test func passiveGradientMatchesFiniteDifferences() {
        var m = PassiveLayer(Self.dense(), storage: nil, activationBits: nil, seed: 1)
        let g = Self.gradients(&m)
        let clipped = Self.c.data.map { abs($0) < 1 ? $0 : 0 }
        let worst = Self.check(g, w: Self.dense().weight.data, b: [0.2, -0.4]) { x, w, b in
            Self.loss(Self.affine(x, w, b, q: { $0 }), clipped)
        }
        #expect(worst <= 1, "worst ratio \(worst)")
    }

    /// The behavioural model is the approximate layer itself: STE gradient of the exact layer.
    @Test func behaviouralGradientMatchesFiniteDifferences() {
        var m = Self.approx()
        let g = Self.gradients(&m)
        let worst = Self.check(g, w: Self.dense().weight.data, b: [0.2, -0.4]) { x, w, b in
            Self.loss(Self.affine(x, w, b, q: Self.clamp), Self.c.data)
        }
        #expect(worst <= 1, "worst ratio \(worst)")
    }

    // MARK: two forwards before a backward

    static func twoForwardsKeepWeights(_ layer: some Layer) -> Bool {
        var l = layer
        let before = l.parameters.map(\.value)
        var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: 9))
        _ = l.forward(x, context: &ctx)
        let afterOne = l.parameters.map(\.value)
        _ = l.forward(x, context: &ctx)
        let afterTwo = l.parameters.map(\.value)
        let dx = l.backward(c)
        return afterOne == before && afterTwo == before && l.parameters.map(\.value) == before
            && dx.data.allSatisfy(\.isFinite) && l.parameters.allSatisfy { $0.grad.data.allSatisfy(\.isFinite) }
    }

    @Test func twoForwardsBeforeABackwardLeaveTheWeightsUnchanged() {
        let a = Self.approx()
        #expect(Self.twoForwardsKeepWeights(a))
        #expect(Self.twoForwardsKeepWeights(ErrorModelLayer(a, coefficients: ErrorInjection.Coefficients(Self.neuronStats()))))
        #expect(Self.twoForwardsKeepWeights(BaselineLayer(a, sigma: 0.3, fresh: true)))
        #expect(Self.twoForwardsKeepWeights(BaselineLayer(a, sigma: 0.3, fresh: false)))
        #expect(Self.twoForwardsKeepWeights(AWGNLayer(a, snrDB: 10)))
        #expect(Self.twoForwardsKeepWeights(WeightErrorLayer(Self.dense(), err: [1.1, 0.8, 1.3, 0.95, 1.02, 0.7])))
        #expect(Self.twoForwardsKeepWeights(PassiveLayer(Self.dense(), storage: NTVStorage(bits: 8, flipRate: 0.1),
                                                         activationBits: 8, seed: 1)))
        #expect(Self.twoForwardsKeepWeights(PassiveLayer(a, storage: NTVStorage(bits: 8, flipRate: 0.1),
                                                         activationBits: nil, seed: 1)))
    }

    /// With fresh draws, the backward after two forwards uses the second forward's Err.
    @Test func baselineBackwardUsesTheLastForwardsDraw() {
        var twice = BaselineLayer(Self.approx(), sigma: 0.3, fresh: true)
        var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: 9))
        _ = twice.forward(Self.x, context: &ctx)
        let second = ctx.rng
        _ = twice.forward(Self.x, context: &ctx)
        let dx = twice.backward(Self.c)
        var once = BaselineLayer(Self.approx(), sigma: 0.3, fresh: true)
        var ctx2 = ForwardContext(mode: .train, rng: second)
        _ = once.forward(Self.x, context: &ctx2)
        let dxOnce = once.backward(Self.c)
        #expect(dx.data == dxOnce.data && twice.parameters[0].grad == once.parameters[0].grad)
    }

    /// The first layer's parameter-only backward gives the same gradients as the full backward
    /// (behavioural Conv2D, and the error model around it).
    @Test func backwardParametersMatchesBackward() {
        var rng = SplitMix64(seed: 8)
        let conv = Conv2D("c", inChannels: 2, outChannels: 3, kernel: 3, padding: 1, rng: &rng)
        var a = ApproxLayer(conv, plan: KernelPlan.analyse(.exact))
        (a.inputDelta, a.compute) = (1.0 / 127, .approximate)
        let x = FD.random([2, 2, 4, 4], seed: 9), dy = FD.random([2, 3, 4, 4], seed: 10)
        var s = NeuronErrorStats(neurons: 48, samples: 1)
        s.sigmaY = [Float](repeating: 1, count: 48); s.sigmaE = s.sigmaY; s.rho = [Float](repeating: 0.5, count: 48)
        let layers: [any Layer] = [a, ErrorModelLayer(a, coefficients: ErrorInjection.Coefficients(s)), AWGNLayer(a, snrDB: 20)]
        for layer in layers {
            var full = layer, params = layer
            var c1 = ForwardContext(mode: .train, rng: SplitMix64(seed: 1)), c2 = c1
            _ = full.forward(x, context: &c1)
            _ = params.forward(x, context: &c2)
            _ = full.backward(dy)
            params.backwardParameters(dy)
            #expect(full.parameters.map(\.grad) == params.parameters.map(\.grad), "\(type(of: layer))")
        }
    }

    /// Evaluation-mode passes are the approximate layer itself (behavioural), whatever the model.
    @Test func evaluationIsTheBehaviouralLayer() {
        var a = Self.approx()
        var ctx = ForwardContext(mode: .eval)
        let y = a.forward(Self.x, context: &ctx)
        var models: [any Layer] = [ErrorModelLayer(a, coefficients: ErrorInjection.Coefficients(Self.neuronStats())),
                                   BaselineLayer(a, sigma: 0.3, fresh: true), AWGNLayer(a, snrDB: 10)]
        for i in models.indices {
            var c = ForwardContext(mode: .eval)
            #expect(models[i].forward(Self.x, context: &c).data == y.data)
        }
    }
}
