import Multipliers
import NetSim
import Search
import Testing

/// ALWANN weight tuning on a layer with a biased multiplier (truncated8-t8 drops the low product bits,
/// so every product is too small): tuning the weight codes on one set of activations lowers the
/// layer's output error against the exact 8-bit layer on other (held-out) activations.
struct WeightTuningTests {
    @Test("tuning for truncated8-t8 lowers the output error on held-out activations")
    func tuningReducesHeldOutError() throws {
        var rng = SplitMix64(seed: 11)
        let k = 32, n = 8
        var dense = Dense("fc", inFeatures: k, outFeatures: n, rng: &rng)
        dense.parameters[0].value.data = (0..<(k * n)).map { _ in rng.nextNormal() * 0.3 }
        let plan = KernelPlan.analyse(try MultiplierLoader.load("truncated8-t8", costModel: nil).table)
        var layer = ApproxLayer(dense, plan: plan)
        layer.inputDelta = 1.0 / 127
        // ReLU-like activations in [0, 1): one batch for the histogram, another held out.
        let batch = { (rng: inout SplitMix64) in Tensor(shape: [64, k], data: (0..<(64 * k)).map { _ in max(0, rng.nextUniform() * 1.2 - 0.2) }) }
        let fit = batch(&rng), heldOut = batch(&rng)
        let error = { (l: ApproxLayer) -> Double in
            var a = l, e = l
            a.compute = .approximate
            e.compute = .exact
            var c1 = ForwardContext(mode: .eval), c2 = ForwardContext(mode: .eval)
            let y = a.forward(heldOut, context: &c1), r = e.forward(heldOut, context: &c2)
            return zip(y.data, r.data).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
        }
        let before = error(layer)
        var probe = layer
        probe.compute = .exact
        var ctx = ForwardContext(mode: .eval)
        _ = probe.forward(fit, context: &ctx)
        var h = [Double](repeating: 0, count: 256)
        for c in probe.lastInput?.codes ?? [] { h[Int(c) + 128] += 1 }
        var tuned = layer
        WeightTuning.tune(&tuned, map: WeightTuning.codeMap(plan.table, histogram: h))
        let after = { () -> Double in
            var a = tuned, e = layer
            a.compute = .approximate
            e.compute = .exact
            var c1 = ForwardContext(mode: .eval), c2 = ForwardContext(mode: .eval)
            let y = a.forward(heldOut, context: &c1), r = e.forward(heldOut, context: &c2)
            return zip(y.data, r.data).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
        }()
        #expect(before > 0)
        #expect(after < before, "squared output error before \(before), after \(after)")
        #expect(tuned.weightScale(tuned.parameters[0].value.data) == layer.weightScale(layer.parameters[0].value.data), "the weight step is kept")
    }
}
