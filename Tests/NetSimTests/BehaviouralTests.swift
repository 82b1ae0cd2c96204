import Foundation
import Testing
import TableFormat
@testable import NetSim

@Suite("Behavioural Dense/Conv2D through a multiplier table")
struct BehaviouralTests {
    static func randomFloats(_ n: Int, _ rng: inout SplitMix64, scale: Float = 1) -> [Float] {
        (0..<n).map { _ in (rng.nextUniform() * 2 - 1) * scale }
    }

    /// Runs a wrapped layer in eval mode with a fixed input step.
    static func run(_ layer: any QuantisableLayer, _ x: Tensor, table: SignedProductTable, inputDelta: Float,
                    perChannel: Bool = false, path: QuantisedEngine.Path = .fast) -> Tensor {
        var a = ApproxLayer(layer, plan: KernelPlan.analyse(table), perChannelWeights: perChannel)
        a.inputDelta = inputDelta
        a.compute = .approximate
        a.path = path
        var ctx = ForwardContext(mode: .eval)
        return a.forward(x, context: &ctx)
    }

    @Test("exact table: Dense equals the hand-computed quantised product")
    func exactDenseByHand() {
        // x = [1, −0.5], Δx = 0.5 → codes [2, −1]; W = [[127, −2], [3, 4]], Δw = 1; b = [1, −1].
        // y0 = (2·127 + 2)·0.5 + 1 = 129; y1 = (6 − 4)·0.5 − 1 = 0.
        var rng = SplitMix64(seed: 1)
        var d = Dense("fc", inFeatures: 2, outFeatures: 2, rng: &rng)
        d.parameters[0].value = Tensor(shape: [2, 2], data: [127, -2, 3, 4])
        d.parameters[1].value = Tensor(shape: [2], data: [1, -1])
        let y = Self.run(d, Tensor(shape: [1, 2], data: [1, -0.5]), table: .exact, inputDelta: 0.5)
        #expect(y.data == [129, 0])
    }

    @Test("exact table: Conv2D equals float convolution of the dequantised operands")
    func exactConvMatchesFloat() {
        var rng = SplitMix64(seed: 2)
        let conv = Conv2D("c", inChannels: 2, outChannels: 3, kernel: 3, padding: 1, rng: &rng)
        let x = Tensor(shape: [2, 2, 5, 5], data: Self.randomFloats(100, &rng))
        let dx: Float = 1.0 / 127
        let y = Self.run(conv, x, table: .exact, inputDelta: dx)
        // Independent: quantise by eq. 1 by hand and convolve in float.
        var f = conv
        let w = f.parameters[0].value.data, dw = Quantiser.delta(forRange: w.map(abs).max() ?? 0)
        f.parameters[0].value.data = w.map { Quantiser.quantise($0, delta: dw) }
        var ctx = ForwardContext(mode: .eval)
        let expected = f.forward(Tensor(shape: x.shape, data: x.data.map { Quantiser.quantise($0, delta: dx) }), context: &ctx)
        let worst = zip(y.data, expected.data).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-5, "max difference \(worst)")
    }

    @Test("fast path equals the plain-loop reference bit for bit on random Dense shapes", arguments: [false, true])
    func denseFastVsReference(perChannel: Bool) throws {
        let table = try KernelTestTables.signed(KernelTestTables.smapprox([2, 2, 2, 2]))
        var rng = SplitMix64(seed: 3)
        for _ in 0..<6 {
            let n = 1 + Int(rng.next() % 5), inF = 1 + Int(rng.next() % 40), out = 1 + Int(rng.next() % 12)
            var d = Dense("fc", inFeatures: inF, outFeatures: out, rng: &rng)
            d.parameters[1].value.data = Self.randomFloats(out, &rng)
            let x = Self.randomFloats(n * inF, &rng, scale: 2), dx = Quantiser.delta(forRange: 1.5)
            let y = Self.run(d, Tensor(shape: [n, inF], data: x), table: table, inputDelta: dx, perChannel: perChannel)
            let w = d.parameters[0].value.data
            let ref = BehaviouralReference.dense(x: x.map { Quantiser.quantise($0, delta: dx) }, batch: n, weight: w,
                                                 bias: d.parameters[1].value.data, inputDelta: dx,
                                                 weightScale: .forWeights(w, channels: out, perChannel: perChannel), table: table)
            #expect(y.data.map(\.bitPattern) == ref.map(\.bitPattern), "n \(n) in \(inF) out \(out)")
        }
    }

    @Test("fast path equals the plain-loop reference bit for bit on random Conv2D shapes, depthwise included")
    func convFastVsReference() throws {
        let table = try KernelTestTables.signed(KernelTestTables.smapprox([1, 1, 1, 0]))
        var rng = SplitMix64(seed: 4)
        // (kw, pw): Inception v3's 1×7 and 7×1 kernels with their (0, 3) and (3, 0) padding, after the square ones.
        let configs: [(c: Int, o: Int, k: Int, s: Int, p: Int, g: Int, kw: Int?, pw: Int?)] =
            [(2, 3, 3, 1, 1, 1, nil, nil), (3, 3, 3, 2, 1, 3, nil, nil), (4, 2, 1, 1, 0, 1, nil, nil), (4, 4, 3, 1, 0, 2, nil, nil),
             (1, 2, 5, 2, 2, 1, nil, nil), (3, 4, 1, 1, 0, 1, 7, 3), (3, 4, 7, 1, 3, 1, 1, 0), (4, 4, 3, 2, 1, 2, 5, 0)]
        for (i, cfg) in configs.enumerated() {
            let h = 5 + i, w = 6, n = 2
            let pads = Pads(top: cfg.p, left: cfg.pw ?? cfg.p, bottom: cfg.p, right: cfg.pw ?? cfg.p)
            var conv = Conv2D("c", inChannels: cfg.c, outChannels: cfg.o, kernelH: cfg.k, kernelW: cfg.kw ?? cfg.k, stride: cfg.s,
                              pads: pads, groups: cfg.g, rng: &rng)
            conv.parameters[1].value.data = Self.randomFloats(cfg.o, &rng)
            let x = Self.randomFloats(n * cfg.c * h * w, &rng), dx = Quantiser.delta(forRange: 1)
            let perChannel = i % 2 == 1
            let y = Self.run(conv, Tensor(shape: [n, cfg.c, h, w], data: x), table: table, inputDelta: dx, perChannel: perChannel)
            let wt = conv.parameters[0].value.data
            let shape = BehaviouralReference.ConvShape(batch: n, inChannels: cfg.c, height: h, width: w, outChannels: cfg.o,
                                                       kernel: cfg.k, kernelW: cfg.kw, stride: cfg.s, padding: cfg.p,
                                                       paddingW: cfg.pw, groups: cfg.g)
            let ref = BehaviouralReference.conv(x: x, shape: shape, weight: wt, bias: conv.parameters[1].value.data,
                                                inputDelta: dx, weightScale: .forWeights(wt, channels: cfg.o, perChannel: perChannel),
                                                table: table)
            #expect(y.data.map(\.bitPattern) == ref.map(\.bitPattern), "config \(cfg)")
            let viaReferenceKernel = Self.run(conv, Tensor(shape: [n, cfg.c, h, w], data: x), table: table, inputDelta: dx,
                                              perChannel: perChannel, path: .reference)
            #expect(viaReferenceKernel.data.map(\.bitPattern) == y.data.map(\.bitPattern))
        }
    }

    @Test("SMApprox 2222 fixture reproduces the spec's worked examples (row = first operand)")
    func smapproxWorkedExamples() throws {
        let t = try KernelTestTables.signed(KernelTestTables.smapprox([2, 2, 2, 2]))
        #expect(t.magnitude(54, 99) == 2642 && t.magnitude(99, 54) == 602)
        #expect(t.product(-54, 99) == -2642 && t.product(-99, -54) == 602)
    }

    @Test(".axlut encodings are honoured: unsigned, sign-magnitude, two's complement, row operand")
    func tableEncodings() throws {
        let f = { (a: Int, b: Int) -> Int64 in Int64(a * b + (a == 3 ? 1 : 0)) }
        let u = try LookupTable(name: "u", widthA: 8, widthB: 8, encoding: .unsigned, outputType: .uint32,
                                values: (0..<65_536).map { f($0 >> 8, $0 & 255) })
        let su = try MultiplierTables.signed(from: u)
        #expect(su.product(3, 5) == 16 && su.product(-3, 5) == -16 && su.product(5, -3) == -15)
        // Same function stored with the second operand as row: indexes swap, products don't.
        let s = try LookupTable(name: "s", widthA: 8, widthB: 8, encoding: .signMagnitude, rowOperand: .second,
                                outputType: .uint32, values: (0..<65_536).map { f($0 & 255, $0 >> 8) })
        #expect(try MultiplierTables.signed(from: s) == su)
        let tc = try LookupTable(name: "t", widthA: 8, widthB: 8, encoding: .twosComplement, outputType: .int32,
                                 values: (0..<65_536).map { Int64(Int8(truncatingIfNeeded: $0 >> 8)) * Int64(Int8(truncatingIfNeeded: $0)) })
        #expect(try MultiplierTables.signed(from: tc) == .exact)
        var bad = tc.values
        bad[(255 << 8) | 1] = 5   // (−1)·1 stored as +5: not sign-symmetric
        let tcBad = try LookupTable(name: "t", widthA: 8, widthB: 8, encoding: .twosComplement, outputType: .int32, values: bad)
        // Not sign-symmetric: a general signed table that keeps every product. Its error is one entry
        // (6 at codes (−1, 1)), rank 1 over the codes, so it runs on route low-rank-1.
        let general = try MultiplierTables.signed(from: tcBad)
        #expect(general.isGeneralSigned && general.product(-1, 1) == 5 && general.product(1, -1) == -1)
        #expect(KernelPlan.analyse(general).route == .lowRank(1))
    }
}
