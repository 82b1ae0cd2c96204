import Testing
@testable import NetSim

/// Optimiser steps and schedules against hand-computed values.
@Suite struct OptimTests {
    /// A one-weight network (Dense 1→1) whose weight is w and gradient g.
    static func net(w: Float, g: Float) -> Network {
        var rng = SplitMix64(seed: 0)
        var n = Network(name: "t", inputShape: [1])
        var d = Dense("fc", inFeatures: 1, outFeatures: 1, rng: &rng)
        d.parameters[0].value.data = [w]
        d.parameters[0].grad.data = [g]
        n.add(d)
        return n
    }

    static func weight(_ n: Network) -> Float { n.namedParameters[0].value.data[0] }

    @Test func sgdMomentumAndWeightDecay() {
        // w=1, g=0.5, λ=0.1, μ=0.9, η=0.1. Step 1: g'=0.6, b=0.6, w=0.94.
        // Step 2 (same raw g): g'=0.5+0.094=0.594, b=0.9·0.6+0.594=1.134, w=0.94−0.1134=0.8266.
        var n = Self.net(w: 1, g: 0.5)
        var o = Optimizer(kind: .sgd, momentum: 0.9, weightDecay: 0.1)
        o.update(&n, lr: 0.1)
        #expect(abs(Self.weight(n) - 0.94) < 1e-6)
        n.nodes[0].layer.parameters[0].grad.data = [0.5]
        o.update(&n, lr: 0.1)
        #expect(abs(Self.weight(n) - 0.8266) < 1e-6)
    }

    @Test func sgdNesterov() {
        // w=1, g=0.5, μ=0.9, η=0.1: b=0.5, step=g+μb=0.95, w=0.905.
        var n = Self.net(w: 1, g: 0.5)
        var o = Optimizer(kind: .sgd, momentum: 0.9, nesterov: true)
        o.update(&n, lr: 0.1)
        #expect(abs(Self.weight(n) - 0.905) < 1e-6)
    }

    @Test func adamFirstStepIsLearningRateTimesSign() {
        // After one step m̂ = g, v̂ = g², so Δw = −η·g/(|g|+ε) ≈ −η·sign(g).
        var n = Self.net(w: 1, g: -3)
        var o = Optimizer(kind: .adam)
        o.update(&n, lr: 0.01)
        #expect(abs(Self.weight(n) - 1.01) < 1e-6)
    }

    @Test func schedules() throws {
        #expect(LRSchedule.step(every: 2, gamma: 0.5).rate(base: 1, epoch: 3) == 0.5)
        #expect(LRSchedule.step(every: 2, gamma: 0.5).rate(base: 1, epoch: 4) == 0.25)
        #expect(abs(LRSchedule.exponential(gamma: 0.9).rate(base: 2, epoch: 2) - 1.62) < 1e-6)
        let cos = LRSchedule.cosine(epochs: 4, minimum: 0)
        #expect(cos.rate(base: 1, epoch: 0) == 1)
        #expect(abs(cos.rate(base: 1, epoch: 2) - 0.5) < 1e-6)
        #expect(abs(cos.rate(base: 1, epoch: 4)) < 1e-6)
        #expect(try LRSchedule.parse("step:3:0.1", epochs: 9) == .step(every: 3, gamma: 0.1))
        #expect(throws: ModelError.self) { try LRSchedule.parse("linear", epochs: 3) }
    }
}
