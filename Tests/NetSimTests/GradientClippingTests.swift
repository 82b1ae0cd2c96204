import Foundation
import Testing
@testable import NetSim

/// Global-norm gradient clipping on a hand-built network whose gradient is known in closed form.
@Suite struct GradientClippingTests {
    /// Dense 2→2 with zero weights and bias: logits 0, softmax (½, ½). For x = (3, 4) and label 0,
    /// ∂L/∂z = p − onehot = (−½, ½), so ∂L/∂W = [[−1.5, −2], [1.5, 2]], ∂L/∂b = (−½, ½), ‖∇‖² = 13.
    static func network() -> Network {
        var rng = SplitMix64(seed: 1)
        var net = Network(name: "tiny", inputShape: [2])
        var dense = Dense("fc", inFeatures: 2, outFeatures: 2, rng: &rng)
        dense.parameters[0].value = Tensor(shape: [2, 2])
        net.add(dense, inputs: [-1])
        return net
    }

    static let x = Tensor(shape: [1, 2], data: [3, 4])
    static let expected: [[Float]] = [[-1.5, -2, 1.5, 2], [-0.5, 0.5]]

    static func backpropagated() -> Network {
        var net = network()
        net.zeroGradients()
        var ctx = ForwardContext(mode: .train)
        let z = net.forward(x, context: &ctx)
        net.backward(SoftmaxCrossEntropy.lossAndGradient(logits: z, labels: [0]).grad)
        return net
    }

    @Test func gradientOfTheHandBuiltNetworkIsKnown() {
        let net = Self.backpropagated()
        #expect(net.gradients.map(\.data) == Self.expected)
        #expect(GradientClipping.globalNorm(net) == 13.0.squareRoot())
    }

    @Test func aboveTheLimitTheNormBecomesTheLimit() {
        for limit: Float in [1, 0.25, 3.5] {
            var net = Self.backpropagated()
            let before = GradientClipping.clip(&net, maxNorm: limit)
            #expect(before == 13.0.squareRoot())
            #expect(abs(GradientClipping.globalNorm(net) - Double(limit)) <= 1e-6 * Double(limit))
            let scale = Double(limit) / 13.0.squareRoot()
            for (g, e) in zip(net.gradients.flatMap(\.data), Self.expected.flatMap { $0 }) {
                #expect(abs(Double(g) - Double(e) * scale) <= 1e-7, "\(g) vs \(e)·\(scale)")
            }
        }
    }

    @Test func atOrBelowTheLimitGradientsAreUntouchedBitForBit() {
        for limit: Float in [3.61, 4, 1e6] {
            var net = Self.backpropagated()
            GradientClipping.clip(&net, maxNorm: limit)
            #expect(net.gradients.map { $0.data.map(\.bitPattern) } == Self.expected.map { $0.map(\.bitPattern) })
        }
    }

    /// The trainer clips before the optimiser: one plain SGD step moves W by −lr·g·(limit/‖g‖).
    @Test func trainerAppliesTheClipBeforeTheStep() throws {
        let data = LabeledData(sampleShape: [2], values: [3, 4], labels: [0], classCount: 2)
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.momentum, cfg.maxGradNorm) = (1, 1, 0.1, 0, 1)
        var trainer = Trainer(network: Self.network(), config: cfg)
        _ = try trainer.runEpoch(train: data, test: data)
        let w = trainer.network.namedParameters.flatMap(\.value.data)
        let scale = 1 / 13.0.squareRoot()
        for (v, e) in zip(w, Self.expected.flatMap { $0 }) { #expect(abs(Double(v) + 0.1 * Double(e) * scale) <= 1e-7) }
    }

    @Test func configRecordsTheClipAndOldConfigsDecodeWithout() throws {
        var cfg = TrainConfig()
        cfg.maxGradNorm = 0.5
        let json = String(decoding: try JSONEncoder().encode(cfg), as: UTF8.self)
        #expect(json.contains("\"max_grad_norm\":0.5"))
        #expect(try JSONDecoder().decode(TrainConfig.self, from: Data(json.utf8)) == cfg)
        let old = #"{"epochs":3,"batch_size":8,"lr":0.01,"optimizer":"sgd","momentum":0.9,"nesterov":false,"weight_decay":0,"schedule":"constant","seed":1}"#
        #expect(try JSONDecoder().decode(TrainConfig.self, from: Data(old.utf8)).maxGradNorm == nil)
    }
}
