import Testing
@testable import NetSim

/// Every layer's backward pass against central finite differences.
///
/// Loss L = Σ c ⊙ y for a fixed random c, evaluated in Float and accumulated in Double.
/// Step ε = 1e-3; Float rounding then bounds the finite-difference error by about 1e-3, so the
/// documented tolerance is |fd − analytic| ≤ 5e-3 + 2e-2·|analytic|. Inputs are kept away
/// from ReLU/max-pool kinks (`FD.separated`).
@Suite struct GradientTests {
    static let eps: Float = 1e-3

    static func loss(_ layer: any Layer, _ x: Tensor, _ c: Tensor, mode: Mode) -> Double {
        var l = layer
        var ctx = ForwardContext(mode: mode, rng: SplitMix64(seed: 11))
        return l.forward(x, context: &ctx).dot(c)
    }

    /// Checks ∂L/∂x and ∂L/∂params of `layer` at `x`; returns the worst tolerance ratio.
    static func check(_ layer: any Layer, _ x: Tensor, mode: Mode = .train) -> Double {
        var l = layer
        var ctx = ForwardContext(mode: mode, rng: SplitMix64(seed: 11))
        let y = l.forward(x, context: &ctx)
        let c = FD.random(y.shape, seed: 99)
        let dx = l.backward(c)
        var fd: [Double] = [], an: [Double] = []
        for i in 0..<x.count {
            var xp = x, xm = x
            xp.data[i] += eps
            xm.data[i] -= eps
            fd.append((loss(layer, xp, c, mode: mode) - loss(layer, xm, c, mode: mode)) / Double(2 * eps))
            an.append(Double(dx.data[i]))
        }
        for p in layer.parameters.indices {
            for i in 0..<layer.parameters[p].value.count {
                var lp = layer, lm = layer
                lp.parameters[p].value.data[i] += eps
                lm.parameters[p].value.data[i] -= eps
                fd.append((loss(lp, x, c, mode: mode) - loss(lm, x, c, mode: mode)) / Double(2 * eps))
                an.append(Double(l.parameters[p].grad.data[i]))
            }
        }
        return FD.worst(fd, an, atol: 5e-3, rtol: 2e-2)
    }

    @Test func dense() {
        var rng = SplitMix64(seed: 1)
        var d = Dense("fc", inFeatures: 5, outFeatures: 3, rng: &rng)
        d.parameters[1].value = FD.random([3], seed: 2)
        #expect(Self.check(d, FD.random([4, 5], seed: 3)) <= 1)
    }

    /// Plain, strided, grouped and depthwise (groups = channels = 4).
    @Test(arguments: [(1, 0, 1), (2, 1, 1), (1, 1, 2), (1, 1, 4)])
    func conv2D(stride: Int, padding: Int, groups: Int) {
        var rng = SplitMix64(seed: 4)
        var c = Conv2D("conv", inChannels: 4, outChannels: 4, kernel: 3, stride: stride, padding: padding, groups: groups, rng: &rng)
        c.parameters[1].value = FD.random([4], seed: 5)
        #expect(Self.check(c, FD.random([2, 4, 5, 5], seed: 6)) <= 1)
    }

    /// Dilated (taps 2 apart) with asymmetric padding, plain and strided-depthwise: the im2col /
    /// col2im pair with dilation and per-side pads (imported ONNX models are retrained through it).
    @Test(arguments: [(1, 1), (2, 4)])
    func dilatedConv2D(stride: Int, groups: Int) {
        var rng = SplitMix64(seed: 15)
        var c = Conv2D("conv", inChannels: 4, outChannels: 4, kernel: 3, stride: stride,
                       pads: Pads(top: 2, left: 1, bottom: 0, right: 2), dilation: 2, groups: groups, rng: &rng)
        c.parameters[1].value = FD.random([4], seed: 16)
        #expect((try? c.outputShape(for: [4, 6, 5])) == (stride == 1 ? [4, 4, 4] : [4, 2, 2]))
        #expect(Self.check(c, FD.random([2, 4, 6, 5], seed: 17)) <= 1)
    }

    /// 1×7 and 7×1 kernels (Inception v3), the second strided: im2col/col2im with kh ≠ kw.
    @Test(arguments: [(1, 7, 1), (7, 1, 2)])
    func rectangularConv2D(kh: Int, kw: Int, stride: Int) {
        var rng = SplitMix64(seed: 18)
        var c = Conv2D("conv", inChannels: 3, outChannels: 2, kernelH: kh, kernelW: kw, stride: stride,
                       pads: Pads(top: kh / 2, left: kw / 2, bottom: kh / 2, right: kw / 2), rng: &rng)
        c.parameters[1].value = FD.random([2], seed: 19)
        #expect(Self.check(c, FD.random([2, 3, 7, 6], seed: 20)) <= 1)
    }

    @Test(arguments: [Mode.train, Mode.eval])
    func batchNorm(mode: Mode) {
        var bn = BatchNorm("bn", channels: 2)
        bn.parameters[0].value = Tensor(shape: [2], data: [1.5, 0.7])
        bn.parameters[1].value = Tensor(shape: [2], data: [0.1, -0.3])
        bn.runningMean = Tensor(shape: [2], data: [0.2, -0.1])
        bn.runningVar = Tensor(shape: [2], data: [0.8, 1.3])
        #expect(Self.check(bn, FD.random([3, 2, 2, 2], seed: 7), mode: mode) <= 1)
        #expect(Self.check(bn, FD.random([5, 2], seed: 8), mode: mode) <= 1)
    }

    @Test func reluFlattenAdd() {
        #expect(Self.check(ReLU("r"), FD.separated([2, 3, 4], seed: 9)) <= 1)
        #expect(Self.check(Flatten("f"), FD.random([2, 2, 3, 2], seed: 10)) <= 1)
        #expect(Self.check(Add("a"), FD.random([2, 3], seed: 12)) <= 1)
    }

    @Test func pooling() {
        let x = FD.separated([2, 2, 5, 5], seed: 13)
        #expect(Self.check(MaxPool("m", kernel: 2), x) <= 1)
        #expect(Self.check(MaxPool("m3", kernel: 3, stride: 2, padding: 1), x) <= 1)
        #expect(Self.check(AvgPool("a", kernel: 2), x) <= 1)
        #expect(Self.check(AvgPool("a3", kernel: 3, stride: 2, padding: 1), x) <= 1)
        #expect(Self.check(GlobalAvgPool("g"), x) <= 1)
        let pads = Pads(top: 1, left: 0, bottom: 2, right: 1)
        #expect(Self.check(MaxPool("m_asym", kernel: 3, stride: 2, pads: pads), x) <= 1)
        #expect(Self.check(AvgPool("a_asym", kernel: 3, stride: 2, pads: pads, countIncludePad: false), x) <= 1)
    }

    @Test func dropoutWithFixedMask() {
        // Same generator seed in every pass → same mask, so the layer is linear in x.
        #expect(Self.check(Dropout("d", rate: 0.3), FD.random([3, 8], seed: 14)) <= 1)
    }

    @Test func softmaxCrossEntropyAgainstFiniteDifferences() {
        let z = FD.random([3, 4], seed: 15, scale: 2)
        let labels: [Int32] = [0, 3, 2]
        let g = SoftmaxCrossEntropy.lossAndGradient(logits: z, labels: labels).grad
        var fd: [Double] = [], an: [Double] = []
        for i in 0..<z.count {
            var zp = z, zm = z
            zp.data[i] += Self.eps
            zm.data[i] -= Self.eps
            let lp = SoftmaxCrossEntropy.lossAndGradient(logits: zp, labels: labels).loss
            let lm = SoftmaxCrossEntropy.lossAndGradient(logits: zm, labels: labels).loss
            fd.append((lp - lm) / Double(2 * Self.eps))
            an.append(Double(g.data[i]))
        }
        #expect(FD.worst(fd, an, atol: 5e-3, rtol: 2e-2) <= 1)
    }

    @Test func residualNetworkEndToEnd() throws {
        // A small ResNet (conv, BN, ReLU, residual Add with 1×1 shortcut, GAP, Dense) through
        // the whole graph, including fan-out of the block input.
        // 8×8 input and batch 4 keep ≥ 16 values per BatchNorm channel (well-conditioned statistics).
        var net = try ModelZoo.build("resnet8", inputShape: [3, 8, 8], classCount: 3, seed: 1)
        let x = FD.random([4, 3, 8, 8], seed: 16)
        let y: [Int32] = [0, 2, 1, 1]
        func loss(_ n: Network) -> Double {
            var m = n
            var ctx = ForwardContext(mode: .train)
            return SoftmaxCrossEntropy.lossAndGradient(logits: m.forward(x, context: &ctx), labels: y).loss
        }
        var ctx = ForwardContext(mode: .train)
        net.zeroGradients()
        net.backward(SoftmaxCrossEntropy.lossAndGradient(logits: net.forward(x, context: &ctx), labels: y).grad)
        // Spot-check 40 parameters spread over all tensors (Double-free Float FD, same tolerance).
        let grads = net.gradients, params = net.namedParameters.map(\.value)
        var fd: [Double] = [], an: [Double] = []
        for (t, p) in params.enumerated() {
            for i in stride(from: 0, to: p.count, by: max(1, p.count / 2)) {
                var vp = params, vm = params
                vp[t].data[i] += Self.eps
                vm[t].data[i] -= Self.eps
                var np = net, nm = net
                np.setParameters(vp)
                nm.setParameters(vm)
                fd.append((loss(np) - loss(nm)) / Double(2 * Self.eps))
                an.append(Double(grads[t].data[i]))
            }
        }
        #expect(fd.count > 30)
        let worst = FD.worst(fd, an, atol: 5e-3, rtol: 2e-2)
        if worst > 1 { for i in fd.indices { print("resnet grad \(i): fd \(fd[i]) analytic \(an[i])") } }
        #expect(worst <= 1)
    }
}
