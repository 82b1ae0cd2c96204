import Testing
@testable import NetSim

/// The layers added for ONNX import (Clip, Softmax, InputNormalisation) against central finite
/// differences, with GradientTests' loss and tolerance (|fd − analytic| ≤ 5e-3 + 2e-2·|analytic|).
@Suite struct ImportLayerGradientTests {
    /// Inputs kept ≥ 0.01 away from the clip bounds (no kink within ε).
    @Test func clip() {
        var x = FD.separated([2, 3, 4], seed: 21)
        for i in 0..<x.count where abs(abs(x.data[i]) - 0.5) < 0.01 { x.data[i] += 0.02 }
        #expect(GradientTests.check(Clip("relu6", lower: -0.5, upper: 0.5), x) <= 1)
        #expect(GradientTests.check(Clip("lower", lower: -0.5, upper: .infinity), x) <= 1)
    }

    @Test func softmax() {
        #expect(GradientTests.check(Softmax("softmax"), FD.random([3, 7], seed: 22, scale: 2)) <= 1)
    }

    @Test func inputNormalisation() {
        let layer = InputNormalisation("norm", mean: [0.5, -0.2, 0.1], std: [0.25, 2, 0.7])
        #expect(GradientTests.check(layer, FD.random([2, 3, 2, 2], seed: 23)) <= 1)
        var l = layer
        var ctx = ForwardContext(mode: .eval)
        let y = l.forward(Tensor(shape: [1, 3, 1, 1], data: [1, 1, 1]), context: &ctx)
        #expect(y.data == [2, 0.6, (1 - 0.1) / 0.7])
    }
}

/// The single-input layers added for torchvision models (issue 26) against finite differences.
@Suite struct TorchvisionLayerGradientTests {
    @Test func activations() {
        var x = FD.separated([2, 3, 4], seed: 31)
        for i in 0..<x.count { x.data[i] *= 4 }   // reach the HardSigmoid/HardSwish kinks' both sides
        for i in 0..<x.count where [-3, 3, 0, -2.5, 2.5].contains(where: { abs(x.data[i] - $0) < 0.02 }) { x.data[i] += 0.05 }
        for f: Activation.Function in [.leakyRelu(alpha: 0.1), .sigmoid, .tanh, .hardSigmoid(alpha: 0.2, beta: 0.5), .hardSwish, .gelu] {
            #expect(GradientTests.check(Activation("act", f), x) <= 1, "\(f)")
        }
    }

    @Test func logSoftmax() {
        #expect(GradientTests.check(LogSoftmax("logsoftmax"), FD.random([3, 7], seed: 32, scale: 2)) <= 1)
    }

    @Test func rearrangements() {
        let x = FD.random([2, 4, 3, 2], seed: 33)
        #expect(GradientTests.check(Reshape("reshape", shape: [2, 2, 6]), x) <= 1)
        #expect(GradientTests.check(Transpose("transpose", permutation: [1, 0, 2]), x) <= 1)
        #expect(GradientTests.check(Slice("slice", axis: 0, range: 1..<3), x) <= 1)
    }

    /// ConvNeXt's Float layers: LayerNorm over the last axis (γ, β trained) and the per-channel layer scale;
    /// GELU's values by hand (Φ(1) = 0.841345, Φ(−2) = 0.0227501).
    @Test func convNeXtLayers() {
        var ln = LayerNorm("ln", features: 5, epsilon: 1e-6)
        ln.parameters[0].value = FD.random([5], seed: 35)
        ln.parameters[1].value = FD.random([5], seed: 36)
        #expect(GradientTests.check(ln, FD.random([2, 3, 5], seed: 37, scale: 2)) <= 1)
        var ctx = ForwardContext(mode: .eval)
        var plain = LayerNorm("plain", features: 2, epsilon: 0)
        #expect(plain.forward(Tensor(shape: [1, 2], data: [1, 3]), context: &ctx).data == [-1, 1])
        #expect(GradientTests.check(ChannelScale("scale", scale: [0.5, -2, 3]), FD.random([2, 3, 2, 2], seed: 38)) <= 1)
        var gelu = Activation("gelu", .gelu)
        let y = gelu.forward(Tensor(shape: [1, 2], data: [1, -2]), context: &ctx)
        #expect(abs(y.data[0] - 0.841345) < 1e-5 && abs(y.data[1] + 2 * 0.0227501) < 1e-5)
    }

    /// Adaptive average pooling 3×2 → 2×3 as a SpatialMix: forward by hand, backward by finite differences.
    @Test func spatialMix() {
        // Output (i, j) averages input rows ⌊3i/2⌋..<⌈3(i+1)/2⌉ and columns ⌊2j/3⌋..<⌈2(j+1)/3⌉.
        let terms: [[(pixel: Int, weight: Float)]] = (0..<2).flatMap { i in (0..<3).map { j in
            let rows = (3 * i / 2)..<((3 * (i + 1) + 1) / 2), cols = (2 * j / 3)..<((2 * (j + 1) + 2) / 3)
            let w = 1 / Float(rows.count * cols.count)
            return rows.flatMap { r in cols.map { c in (r * 2 + c, w) } }
        } }
        var mix = SpatialMix("pool", inputSize: [3, 2], outputSize: [2, 3], terms: terms)
        var ctx = ForwardContext(mode: .eval)
        let y = mix.forward(Tensor(shape: [1, 1, 3, 2], data: [1, 2, 3, 4, 5, 6]), context: &ctx)
        #expect(y.shape == [1, 1, 2, 3] && y.data == [2, 2.5, 3, 4, 4.5, 5])
        #expect(GradientTests.check(mix, FD.random([2, 2, 3, 2], seed: 34)) <= 1)
    }
}
