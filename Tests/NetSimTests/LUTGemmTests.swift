import Testing
import NetSim

/// Every route of `LUTGemm.fast` must equal the plain-loop reference bit for bit.
@Suite struct LUTGemmTests {
    /// (M, K, N): K not a multiple of 8 or 32, M around the 32-row panel, N across the 64-column chunk.
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (33, 7, 5), (31, 33, 3), (65, 70, 9), (2, 129, 17), (3, 40, 70)]

    /// Runs every shape with random and extreme operands; `isa` picks the kernels.
    func expectBitExact(_ plan: KernelPlan, seed: UInt64, isa: KernelISA = .current) throws {
        var rng = SplitMix64(seed: seed)
        for (m, k, n) in Self.shapes {
            let x = KernelTestTables.operands(m * k, &rng), w = KernelTestTables.operands(k * n, &rng)
            let ref = try LUTGemm.reference(x: x, w: w, m: m, k: k, n: n, table: plan.table)
            let got = try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
            let bad = ref.count == got.count ? ref.indices.first { ref[$0] != got[$0] } : 0
            #expect(bad == nil, "route \(plan.route) seed \(seed) shape \(m)x\(k)x\(n) first mismatch at \(bad ?? -1)")
        }
    }

    @Test func referenceMatchesHandComputedSums() throws {
        let exact = try KernelTestTables.signed(KernelTestTables.exact)
        // (−128)(−128) + 3·(−2) = 16384 − 6; (−128)·1 + 3·0 = −128.
        let y = try LUTGemm.reference(x: [-128, 3], w: [-128, 1, -2, 0], m: 1, k: 2, n: 2, table: exact)
        #expect(y == [16_378, -128])
        // Kulkarni: 3·3 = 7, so 3·(−3) = −7, (−3)·(−3) = 7; 11 = 0b1011: 11·3 = 3·3 + (2·3 << 2) = 7 + 24 = 31, so 11·(−3) = −31.
        let kul = try KernelTestTables.signed(KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) })
        let k = try LUTGemm.reference(x: [3, -3, 11], w: [-3], m: 3, k: 1, n: 1, table: kul)
        #expect(k == [-7, 7, -31])
    }

    @Test func exactRouteIsBitExact() throws {
        try expectBitExact(KernelPlan(route: .exact, table: KernelTestTables.signed(KernelTestTables.exact)), seed: 11)
    }

    @Test func exactRouteSplitsLongSumsBelowTwoToTheTwentyFour() throws {
        // 1100 products of (−128)(−128) = 16384 sum to 18,022,400 > 2^24: needs two float chunks.
        let plan = try KernelPlan(route: .exact, table: KernelTestTables.signed(KernelTestTables.exact))
        let k = 1100
        let y = try LUTGemm.fast(x: [Int8](repeating: -128, count: 2 * k), w: [Int8](repeating: -128, count: k),
                                 m: 2, k: k, n: 1, plan: plan)
        #expect(y == [18_022_400, 18_022_400])
        // 16,777,217 = 2^24 + 1 is not a float32: an unsplit sum would round it.
        var x = [Int8](repeating: -128, count: 1025)
        x[1024] = 1
        let z = try LUTGemm.fast(x: x, w: [Int8](repeating: -128, count: 1025), m: 1, k: 1025, n: 1, plan: plan)
        #expect(z == [16_777_216 - 128])
    }

    @Test func lowRankRouteIsBitExact() throws {
        let kul = KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) }
        for (table, rank) in [(KernelTestTables.rankOne, 1), (KernelTestTables.rankTwo, 2), (kul, 1)] {
            try expectBitExact(KernelPlan(route: .lowRank(rank), table: KernelTestTables.signed(table)), seed: 23)
        }
    }

    @Test func blockComposedRouteIsBitExactOnAVX2AndPortable() throws {
        let kul = KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) }
        for table in [try KernelTestTables.smapprox([3, 3, 3, 0]), try KernelTestTables.smapprox([1, 2, 1, 2]), kul] {
            let plan = try KernelPlan(route: .blockComposed4, table: KernelTestTables.signed(table))
            for isa in KernelISA.supported { try expectBitExact(plan, seed: 37, isa: isa) }
        }
    }

    @Test func gatherRouteIsBitExactOnAVX2AndPortable() throws {
        let plan = try KernelPlan(route: .gather, table: KernelTestTables.signed(KernelTestTables.random(seed: 5)))
        for isa in KernelISA.supported { try expectBitExact(plan, seed: 41, isa: isa) }
    }

    @Test func shapeErrorsAreReported() throws {
        let plan = KernelPlan.analyse(try KernelTestTables.signed(KernelTestTables.exact))
        #expect(throws: ApproxError.self) { try LUTGemm.fast(x: [1, 2, 3], w: [1], m: 2, k: 1, n: 1, plan: plan) }
        #expect(throws: ApproxError.self) { try SignedProductTable(unsignedProducts: [1, 2, 3, 4], width: 2) }
    }
}
