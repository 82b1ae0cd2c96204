import Testing
@testable import NetSim

/// AxTrain-act: S(w) (eq. 5) against a hand formula and finite differences, ∂S/∂w (eq. 6) and its
/// Hessian term against central differences (ε = 1e-3; tolerance 5e-3 + 3e-2·|analytic|, as in
/// HVPTests), and the §3.1.3 γ rule on a scripted error sequence.
@Suite struct AxTrainActTests {
    static let eps: Float = 1e-3

    /// in 6 → 5 → ReLU → 4 → ReLU → 3 with random biases (keeps ReLUs off their kinks).
    static func tinyMLP() throws -> Network {
        var net = try ModelZoo.build("mlp", inputShape: [6], classCount: 3, seed: 2, options: .init(hidden: [5, 4]))
        net.setParameters(net.namedParameters.enumerated().map { k, p in
            p.name.hasSuffix(".bias") ? FD.random(p.value.shape, seed: 300 + UInt64(k), scale: 0.3) : p.value
        })
        return net
    }

    static func shifted(_ net: Network, _ t: Int, _ i: Int, by d: Float) -> Network {
        var n = net
        var p = n.namedParameters.map(\.value)
        p[t].data[i] += d
        n.setParameters(p)
        return n
    }

    /// O_k = mean over the batch of logit k, in Double.
    static func output(_ net: Network, _ x: Tensor, _ k: Int) -> Double {
        var n = net
        var ctx = ForwardContext(mode: .eval)
        let z = n.forward(x, context: &ctx)
        return (0..<z.batch).reduce(0.0) { $0 + Double(z.data[$1 * z.itemSize + k]) } / Double(z.batch)
    }

    /// One linear layer: ∂O_k/∂W_kj = mean_n x_nj, so S = Σ_kj |W_kj|·|mean_n x_nj| by hand.
    @Test func sensitivityOfLinearLayerByHand() {
        var rng = SplitMix64(seed: 1)
        var d = Dense("fc", inFeatures: 2, outFeatures: 2, rng: &rng)
        d.parameters[0].value = Tensor(shape: [2, 2], data: [0.5, -1, 2, 0.25])
        var net = Network(name: "lin", inputShape: [2])
        net.add(d)
        let x = Tensor(shape: [2, 2], data: [1, 3, -3, 1])   // column means: -1, 2
        // |0.5|·1 + |−1|·2 + |2|·1 + |0.25|·2 = 0.5 + 2 + 2 + 0.5 = 5
        #expect(abs(Sensitivity.value(net, x, outputs: 2) - 5) < 1e-5)
    }

    @Test func sensitivityMatchesFiniteDifferenceDerivatives() throws {
        let net = try Self.tinyMLP(), x = FD.random([4, 6], seed: 1)
        let params = net.namedParameters
        var s = 0.0
        for k in 0..<3 {
            for (t, p) in params.enumerated() where p.name.hasSuffix(".weight") {
                for i in 0..<p.value.count {
                    let d = (Self.output(Self.shifted(net, t, i, by: Self.eps), x, k)
                        - Self.output(Self.shifted(net, t, i, by: -Self.eps), x, k)) / Double(2 * Self.eps)
                    s += Double(abs(p.value.data[i])) * abs(d)
                }
            }
        }
        let analytic = Sensitivity.value(net, x, outputs: 3)
        #expect(analytic > 0.1)
        #expect(abs(s - analytic) <= 5e-3 + 1e-2 * analytic)
    }

    @Test func sensitivityGradientMatchesFiniteDifferences() throws {
        let net = try Self.tinyMLP(), x = FD.random([4, 6], seed: 1)
        let grad = try Sensitivity.compute(net, x, outputs: 3).gradient
        var fd: [Double] = [], an: [Double] = []
        for (t, p) in net.namedParameters.enumerated() {
            for i in 0..<p.value.count {
                let plus = Sensitivity.value(Self.shifted(net, t, i, by: Self.eps), x, outputs: 3)
                let minus = Sensitivity.value(Self.shifted(net, t, i, by: -Self.eps), x, outputs: 3)
                fd.append((plus - minus) / Double(2 * Self.eps))
                an.append(Double(grad[t].data[i]))
            }
        }
        #expect(an.contains { abs($0) > 1e-2 })
        #expect(FD.worst(fd, an, atol: 5e-3, rtol: 3e-2) <= 1)
    }

    /// Σ_k H_k·v_k with v_k = |w| ⊙ sign(∂O_k/∂w) against Σ_k (∇O_k(w + εv_k) − ∇O_k(w − εv_k)) / 2ε.
    @Test func hessianTermMatchesFiniteDifferences() throws {
        let net = try Self.tinyMLP(), x = FD.random([4, 6], seed: 7)
        let term = try Sensitivity.compute(net, x, outputs: 3).hessianTerm
        let params = net.namedParameters
        var fd = params.map { [Double](repeating: 0, count: $0.value.count) }
        for k in 0..<3 {
            var n = net
            let g = Sensitivity.outputGradient(&n, x, output: k).grad
            let v = params.enumerated().map { t, p in
                Tensor(shape: p.value.shape, data: p.name.hasSuffix(".weight")
                    ? zip(p.value.data, g[t].data).map { abs($0) * ($1 > 0 ? 1 : ($1 < 0 ? -1 : 0)) }
                    : [Float](repeating: 0, count: p.value.count))
            }
            func moved(_ s: Float) -> [Tensor] {
                var m = net
                m.setParameters(zip(params, v).map { p, d in var t = p.value; t.add(d, scaledBy: s); return t })
                return Sensitivity.outputGradient(&m, x, output: k).grad
            }
            let gp = moved(Self.eps), gm = moved(-Self.eps)
            for t in fd.indices {
                for i in fd[t].indices { fd[t][i] += (Double(gp[t].data[i]) - Double(gm[t].data[i])) / Double(2 * Self.eps) }
            }
        }
        let an = term.flatMap { $0.data.map(Double.init) }
        #expect(an.contains { abs($0) > 1e-2 })
        #expect(FD.worst(fd.flatMap { $0 }, an, atol: 5e-3, rtol: 3e-2) <= 1)
    }

    /// Weighted history worked by hand (Δγ = 0.1, bound 0.05, γ₀ = 1):
    /// e1 0.5: no history, ≥ bound → −; e2 0.3 vs 0.25 → −; e3 0.4 vs 0.275 → −; e4 0.04 < bound → +;
    /// e5 0.2 vs 0.02+0.1+0.0375+0.03125 = 0.18875 → −; e6 0.1 vs 0.194375 → +.
    @Test func gammaRuleOnScriptedErrors() {
        var g = AdaptiveGamma(gamma: 1, delta: 0.1, bound: 0.05)
        let steps = [0.5, 0.3, 0.4, 0.04, 0.2, 0.1].map { g.update(epochError: $0) }
        #expect(steps == [-1, -1, -1, 1, -1, 1])
        #expect(abs(g.gamma - 0.8) < 1e-12)
        var h = AdaptiveGamma(gamma: 1, delta: 0.1, bound: 0)
        [0.5, 0.3].forEach { h.update(epochError: $0) }
        #expect(abs((h.weightedHistory ?? 0) - 0.275) < 1e-12)
        var low = AdaptiveGamma(gamma: 0.05, delta: 0.1, bound: 0)
        low.update(epochError: 1)
        #expect(low.gamma == 0)
    }

    /// With a large γ, two act epochs end with a lower S(w) than plain training from the same start.
    @Test func actTrainingLowersSensitivity() throws {
        var rng = SplitMix64(seed: 9)
        let n = 64
        let values = (0..<(n * 4)).map { _ in rng.nextUniform() * 2 - 1 }
        let labels: [Int32] = (0..<n).map { (i: Int) -> Int32 in values[i * 4] + values[i * 4 + 1] > 0 ? 1 : 0 }
        let data = LabeledData(sampleShape: [4], values: values, labels: labels, classCount: 2)
        let net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 3, options: .init(hidden: [8]))
        var config = TrainConfig()
        config.epochs = 2
        config.batchSize = 16
        config.learningRate = 0.05
        func train(_ gamma: Double) throws -> Double {
            var t = Trainer(network: net, config: config)
            var g = AdaptiveGamma(gamma: gamma, delta: 0, bound: 0)
            for _ in 0..<2 { _ = try t.runActEpoch(train: data, test: data, gamma: &g) }
            return Sensitivity.value(t.network, Trainer.batch(data, Array(0..<n)).0, outputs: 2)
        }
        #expect(try train(2) < 0.9 * train(0))
    }
}
