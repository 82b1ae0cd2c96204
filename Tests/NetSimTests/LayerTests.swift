import Testing
@testable import NetSim

/// Forward passes against direct, independently written reference loops.
@Suite struct LayerTests {
    /// Direct convolution: y[n,o,i,j] = b[o] + Σ w[o,c',u,v] · x[n, g·Cg + c', i·s−p+u, j·s−pw+v] for a kh × kw
    /// kernel (from w's shape), `p` rows of padding above and below and `pw` (= p unless given) columns left and right.
    static func directConv(_ x: Tensor, _ w: Tensor, _ b: [Float], stride s: Int, pad p: Int, padW: Int? = nil, groups: Int) -> Tensor {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, cg, kh, kw) = (w.shape[0], w.shape[1], w.shape[2], w.shape[3])
        let pw = padW ?? p
        let oh = (h + 2 * p - kh) / s + 1, ow = (wd + 2 * pw - kw) / s + 1
        let og = o / groups
        var y = Tensor(shape: [n, o, oh, ow])
        for ni in 0..<n { for oi in 0..<o { for i in 0..<oh { for j in 0..<ow {
            var acc = Double(b[oi])
            let grp = oi / og
            for ci in 0..<cg { for u in 0..<kh { for v in 0..<kw {
                let yy = i * s - p + u, xx = j * s - pw + v
                if yy < 0 || yy >= h || xx < 0 || xx >= wd { continue }
                acc += Double(w.data[((oi * cg + ci) * kh + u) * kw + v]) * Double(x.data[((ni * c + grp * cg + ci) * h + yy) * wd + xx])
            }}}
            y.data[((ni * o + oi) * oh + i) * ow + j] = Float(acc)
        }}}}
        _ = c
        return y
    }

    /// Inception v3's 1×7 (pads 0, 3) and 7×1 (pads 3, 0) kernels, and a strided grouped 3×5.
    @Test(arguments: [(1, 7, 0, 3, 1, 1), (7, 1, 3, 0, 1, 1), (3, 5, 1, 0, 2, 2)])
    func rectangularConvMatchesDirectLoop(kh: Int, kw: Int, ph: Int, pw: Int, stride: Int, groups: Int) throws {
        var rng = SplitMix64(seed: 5)
        var conv = Conv2D("c", inChannels: 4, outChannels: 6, kernelH: kh, kernelW: kw, stride: stride,
                          pads: Pads(top: ph, left: pw, bottom: ph, right: pw), groups: groups, rng: &rng)
        #expect(conv.parameters[0].value.shape == [6, 4 / groups, kh, kw])
        conv.parameters[1].value = FD.random([6], seed: 9)
        let x = FD.random([2, 4, 8, 9], seed: 4)
        var ctx = ForwardContext(mode: .eval)
        let y = conv.forward(x, context: &ctx)
        let ref = Self.directConv(x, conv.parameters[0].value, conv.parameters[1].value.data, stride: stride, pad: ph, padW: pw, groups: groups)
        let declared = try conv.outputShape(for: [4, 8, 9])
        #expect(y.shape == ref.shape && declared == Array(ref.shape.dropFirst()))
        #expect(zip(y.data, ref.data).allSatisfy { abs($0 - $1) < 1e-4 })
        #expect(conv.macs(for: [4, 8, 9]) == ref.count / 2 * (4 / groups) * kh * kw)
    }

    @Test(arguments: [(1, 0, 1), (2, 1, 1), (1, 1, 2), (2, 1, 4), (2, 0, 1), (3, 2, 2)])
    func convMatchesDirectLoop(stride: Int, padding: Int, groups: Int) {
        var rng = SplitMix64(seed: 3)
        var conv = Conv2D("c", inChannels: 4, outChannels: 4, kernel: 3, stride: stride, padding: padding, groups: groups, rng: &rng)
        conv.parameters[1].value = FD.random([4], seed: 9)
        let x = FD.random([2, 4, 6, 5], seed: 4)
        var ctx = ForwardContext(mode: .eval)
        let y = conv.forward(x, context: &ctx)
        let ref = Self.directConv(x, conv.parameters[0].value, conv.parameters[1].value.data, stride: stride, pad: padding, groups: groups)
        #expect(y.shape == ref.shape)
        #expect(zip(y.data, ref.data).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func maxAndAvgPoolByHand() {
        // One 4×4 plane 0..15; 2×2 windows: max = [5 7; 13 15], mean = [2.5 4.5; 10.5 12.5].
        let x = Tensor(shape: [1, 1, 4, 4], data: (0..<16).map(Float.init))
        var ctx = ForwardContext(mode: .eval)
        var mp = MaxPool("m", kernel: 2), ap = AvgPool("a", kernel: 2), gp = GlobalAvgPool("g")
        #expect(mp.forward(x, context: &ctx).data == [5, 7, 13, 15])
        #expect(ap.forward(x, context: &ctx).data == [2.5, 4.5, 10.5, 12.5])
        #expect(gp.forward(x, context: &ctx).data == [7.5])
    }

    @Test func batchNormTrainNormalisesAndEvalUsesRunningStats() {
        var bn = BatchNorm("bn", channels: 1)
        var ctx = ForwardContext(mode: .train)
        // Values 1,2,3,4: mean 2.5, biased var 1.25 → x̂ = (x−2.5)/sqrt(1.25+1e-5).
        let y = bn.forward(Tensor(shape: [4, 1], data: [1, 2, 3, 4]), context: &ctx)
        #expect(abs(y.data[0] - (-1.5 / (1.25 + 1e-5).squareRoot())) < 1e-5)
        // Running mean 0.9·0 + 0.1·2.5; running var 0.9·1 + 0.1·(5/3).
        #expect(abs(bn.runningMean.data[0] - 0.25) < 1e-6)
        #expect(abs(bn.runningVar.data[0] - (0.9 + 0.5 / 3)) < 1e-6)
        ctx.mode = .eval
        let e = bn.forward(Tensor(shape: [1, 1], data: [0.25]), context: &ctx)
        #expect(abs(e.data[0]) < 1e-6)
    }

    @Test func dropoutScalesKeptUnitsAndIsIdentityInEval() {
        var d = Dropout("d", rate: 0.5)
        var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: 5))
        let y = d.forward(Tensor(shape: [1, 1000], repeating: 1), context: &ctx)
        #expect(y.data.allSatisfy { $0 == 0 || $0 == 2 })
        let kept = y.data.filter { $0 == 2 }.count
        #expect(kept > 400 && kept < 600)
        ctx.mode = .eval
        #expect(d.forward(Tensor(shape: [1, 3], repeating: 1), context: &ctx).data == [1, 1, 1])
    }

    @Test func softmaxCrossEntropyByHand() {
        // Logits [0, ln 3] → p = [1/4, 3/4]; label 1 → loss = −ln(3/4); grad = [1/4, −1/4].
        let z = Tensor(shape: [1, 2], data: [0, Float(log(3.0))])
        let r = SoftmaxCrossEntropy.lossAndGradient(logits: z, labels: [1])
        #expect(abs(r.loss + log(0.75)) < 1e-6)
        #expect(abs(r.grad.data[0] - 0.25) < 1e-6 && abs(r.grad.data[1] + 0.25) < 1e-6)
        #expect(r.correct == 1)
    }
}

import Foundation
