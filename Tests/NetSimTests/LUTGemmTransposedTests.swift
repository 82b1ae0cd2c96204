import Testing
@testable import NetSim

/// The transposed-operand LUT-GEMM (conv layout), the vectorised quantiser and the behavioural
/// Conv2D fast path built on them must equal their plain definitions bit for bit.
@Suite struct LUTGemmTransposedTests {
    /// (M, K, N): M below, at and across the 32-pixel panel; K not a multiple of 8 or 32.
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (31, 7, 5), (32, 9, 16), (33, 33, 3), (70, 27, 16), (5, 130, 66)]

    /// xT is K × M; the reference runs on its transpose and the result is compared as N × M.
    func expectBitExact(_ plan: KernelPlan, seed: UInt64, isa: KernelISA = .current) throws {
        var rng = SplitMix64(seed: seed)
        for (m, k, n) in Self.shapes {
            let xT = KernelTestTables.operands(k * m, &rng), w = KernelTestTables.operands(k * n, &rng)
            let x = LUTGemm.transpose(xT, rows: k, cols: m)
            let ref = try LUTGemm.reference(x: x, w: w, m: m, k: k, n: n, table: plan.table)
            let got = try LUTGemm.fastTransposed(xT: xT, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
            #expect(got == LUTGemm.transpose(ref, rows: m, cols: n), "route \(plan.route) shape \(m)x\(k)x\(n)")
        }
    }

    @Test func transposeIsHandChecked() {
        #expect(LUTGemm.transpose([1, 2, 3, 4, 5, 6], rows: 2, cols: 3) == [1, 4, 2, 5, 3, 6])
    }

    @Test func everyRouteIsBitExactOnTransposedOperands() throws {
        let exact = try KernelTestTables.signed(KernelTestTables.exact)
        let kul = try KernelTestTables.signed(KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) })
        let sm = try KernelTestTables.signed(KernelTestTables.smapprox([3, 3, 3, 0]))
        let random = try KernelTestTables.signed(KernelTestTables.random(seed: 9))
        try expectBitExact(KernelPlan(route: .exact, table: exact), seed: 1)
        try expectBitExact(KernelPlan(route: .lowRank(1), table: kul), seed: 2)
        for isa in KernelISA.supported {
            try expectBitExact(KernelPlan(route: .blockComposed4, table: sm), seed: 3, isa: isa)
            try expectBitExact(KernelPlan(route: .blockComposed4, table: kul), seed: 4, isa: isa)
            try expectBitExact(KernelPlan(route: .gather, table: random), seed: 5, isa: isa)
        }
    }

    /// The exact route runs non-negative activations on the byte-block pair kernel (with AVX2) and
    /// signed ones on sgemm: both must equal a·b summed, and the sgemm-only path (no AVX2).
    @Test func exactRouteOnNonNegativeActivations() throws {
        let plan = try KernelPlan(route: .exact, table: KernelTestTables.signed(KernelTestTables.exact))
        #expect(plan.route == .exact)
        var rng = SplitMix64(seed: 12)
        for (m, k, n) in Self.shapes + [(100, 144, 16)] {
            let xT = KernelTestTables.operands(k * m, &rng).map { $0 == -128 ? 127 : abs($0) }
            let w = KernelTestTables.operands(k * n, &rng)
            var expected = [Int32](repeating: 0, count: m * n)
            for c in 0..<n { for p in 0..<m { for r in 0..<k { expected[c * m + p] += Int32(xT[r * m + p]) * Int32(w[r * n + c]) } } }
            let x = LUTGemm.transpose(xT, rows: k, cols: m), expectedRowMajor = LUTGemm.transpose(expected, rows: n, cols: m)
            for isa in KernelISA.supported {
                let got = try LUTGemm.fastTransposed(xT: xT, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
                #expect(got == expected, "shape \(m)x\(k)x\(n) isa \(isa)")
                // The row-major entry point runs the same kernel (`KernelPlan.kernel`).
                let rowMajor = try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
                #expect(rowMajor == expectedRowMajor, "row-major shape \(m)x\(k)x\(n) isa \(isa)")
            }
        }
    }

    @Test func extremeOperandsOnTheNibblePanels() throws {
        // All −128 (magnitude 128: high nibble 8) and all 0, across a partial panel (M = 40).
        let plan = try KernelPlan(route: .blockComposed4, table: KernelTestTables.signed(KernelTestTables.exact))
        for v: Int8 in [-128, 0, 127] {
            let (m, k) = (40, 3)
            let got = try LUTGemm.fastTransposed(xT: [Int8](repeating: v, count: k * m), w: [-128, 1, -1],
                                                 m: m, k: k, n: 1, plan: plan)
            #expect(got == [Int32](repeating: Int32(v) * -128, count: m), "x = \(v)")
        }
    }

    @Test func vectorisedCodesEqualQuantiserCode() {
        let delta: Float = 0.1
        var xs: [Float] = [0, -0.0, 0.05, -0.05, 0.15, -0.15, 12.7, 12.75, 12.8, -12.8, -12.85, -12.9, 1e30, -1e30,
                           .infinity, -.infinity, .nan, 0.049999997, 3.3500001, -3.35]
        var rng = SplitMix64(seed: 8)
        xs += (0..<203).map { _ in (rng.nextUniform() * 2 - 1) * 14 }
        xs += (-300...300).map { Float($0) * delta / 2 }   // the halfway points k·Δ/2
        let expected = xs.map { Quantiser.code($0, delta: delta) }
        #expect(Quantising.codes(xs, delta: delta, allowAVX2: true) == expected)
        #expect(Quantising.codes(xs, delta: delta, allowAVX2: false) == expected)
        #expect(Quantising.codes([-1.75, 1.25, 2.25, 70, -70], delta: 0.5) == [-4, 3, 5, 127, -128])   // hand: halves away from 0
    }

    @Test func gridCheckFindsValuesOffTheQuantiserGrid() {
        let delta: Float = 0.1
        var rng = SplitMix64(seed: 6)
        let raw = (0..<100).map { _ in (rng.nextUniform() * 2 - 1) * 12 }
        let onGrid = QuantisedInput(Tensor(shape: [raw.count], data: raw), delta: delta).values.data
        for avx2 in [true, false] {
            #expect(Quantising.codesAndGrid(onGrid, delta: delta, allowAVX2: avx2).onGrid)
            #expect(!Quantising.codesAndGrid(raw, delta: delta, allowAVX2: avx2).onGrid)
            #expect(!Quantising.codesAndGrid(onGrid + [-0.0], delta: delta, allowAVX2: avx2).onGrid)   // −0 ≠ 0·Δ bitwise
        }
        var rebuilt: [Float] = []
        Quantising.floats(Quantising.codes(onGrid, delta: delta), delta: delta, into: &rebuilt)
        #expect(rebuilt.map(\.bitPattern) == onGrid.map(\.bitPattern))
    }

    /// Train-mode forward and backward of a behavioural Conv2D: fast path vs the generic engine.
    @Test func convTrainingStepMatchesGenericEngine() throws {
        let table = try KernelTestTables.signed(KernelTestTables.smapprox([3, 3, 3, 0]))
        var rng = SplitMix64(seed: 21)
        let conv = Conv2D("c", inChannels: 3, outChannels: 4, kernel: 3, stride: 1, padding: 1, rng: &rng)
        let x = Tensor(shape: [2, 3, 6, 5], data: BehaviouralTests.randomFloats(2 * 3 * 6 * 5, &rng, scale: 1.2))
        var results: [[UInt32]] = []
        for path in [QuantisedEngine.Path.fast, .reference] {
            var a = ApproxLayer(conv, plan: KernelPlan.analyse(table))
            a.inputDelta = 1 / 127
            a.compute = .approximate
            a.path = path
            var ctx = ForwardContext(mode: .train)
            let y = a.forward(x, context: &ctx)
            let dx = a.backward(Tensor(shape: y.shape, data: y.data.map { $0 * 0.5 }))
            results.append((y.data + dx.data + a.parameters[0].grad.data + a.parameters[1].grad.data).map(\.bitPattern))
        }
        #expect(results[0] == results[1])
    }

    /// Inference cuts a batch into slices of images (`Conv2D.imagesPerSlice`: 3 images of 16 channels,
    /// 32 × 32, 3 × 3 taps) and must give the whole-batch result bit for bit, for grouped convolutions
    /// too, on every kernel the layer can run (signed input: the nibble / sgemm fallbacks; ≥ 0: the rest).
    @Test(arguments: [1, 2])
    func inferenceSlicesGiveTheWholeBatchResult(groups: Int) throws {
        #expect(Conv2D.imagesPerSlice(rows: 16 * 9, pixels: 32 * 32) == 3)
        let smapprox = try KernelTestTables.signed(KernelTestTables.smapprox([3, 3, 3, 0]))
        var rng = SplitMix64(seed: 33 + UInt64(groups))
        var conv = Conv2D("c", inChannels: 16, outChannels: 8, kernel: 3, stride: 1, padding: 1, groups: groups, rng: &rng)
        conv.parameters[1].value.data = BehaviouralTests.randomFloats(8, &rng)
        let signed = BehaviouralTests.randomFloats(7 * 16 * 32 * 32, &rng)   // 7 images: slices 3, 3, 1
        for (name, table) in [("smapprox", smapprox), ("exact", try KernelTestTables.signed(KernelTestTables.exact))] {
            for data in [signed, signed.map { abs($0) }] {
                let q = QuantisedInput(Tensor(shape: [7, 16, 32, 32], data: data), delta: 1 / 127)
                let engine = QuantisedEngine(plan: KernelPlan.analyse(table))
                let scale = QuantScale.forWeights(conv.weight.data, channels: 8, perChannel: true)
                var whole = conv, sliced = conv, a: [Int8] = [], b: [Int8] = []
                let y0 = whole.forward(q, weight: conv.weight.data, scale: scale, engine: engine, scratch: &a, keepInput: true)
                let y1 = sliced.forward(q, weight: conv.weight.data, scale: scale, engine: engine, scratch: &b, keepInput: false)
                #expect(y1.shape == y0.shape)
                #expect(y1.data.map(\.bitPattern) == y0.data.map(\.bitPattern), "\(name) groups \(groups)")
                #expect(b.count == 3 * 32 * 32 * 16 * 9 || b.count == 32 * 32 * 16 * 9, "slice columns, not the batch's")
            }
        }
    }

    /// One Conv2D through the fast behavioural path and through the generic engine (`.reference` path).
    @Test(arguments: ["exact", "kulkarni", "random"])
    func convFastPathMatchesGenericEngine(_ name: String) throws {
        let raw: [UInt32] = switch name {
        case "exact": KernelTestTables.exact
        case "kulkarni": KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) }
        default: KernelTestTables.random(seed: 3)
        }
        let table = try KernelTestTables.signed(raw)
        var rng = SplitMix64(seed: 12)
        var conv = Conv2D("c", inChannels: 3, outChannels: 5, kernel: 3, stride: 2, padding: 1, rng: &rng)
        conv.parameters[1].value.data = BehaviouralTests.randomFloats(5, &rng)
        let x = Tensor(shape: [2, 3, 7, 6], data: BehaviouralTests.randomFloats(2 * 3 * 7 * 6, &rng))
        let dx = Quantiser.delta(forRange: 1)
        for perChannel in [false, true] {
            let fast = BehaviouralTests.run(conv, x, table: table, inputDelta: dx, perChannel: perChannel)
            let slow = BehaviouralTests.run(conv, x, table: table, inputDelta: dx, perChannel: perChannel, path: .reference)
            #expect(fast.shape == slow.shape)
            #expect(fast.data.map(\.bitPattern) == slow.data.map(\.bitPattern), "\(name) per-channel \(perChannel)")
        }
    }
}
