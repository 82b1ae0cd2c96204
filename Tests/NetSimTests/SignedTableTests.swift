import NetSim
import TableFormat
import Testing

/// General signed two's-complement tables (issue 18, part 5): all 256 × 256 products kept, route gather;
/// sign-symmetric ones keep their fast routes, which equal the gather route bit for bit.
@Suite struct SignedTableTests {
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (17, 9, 5), (33, 40, 3), (2, 129, 17)]

    /// A two's-complement `.axlut` of P(x, w), element (x & 255) << 8 | (w & 255).
    static func lookupTable(_ p: (Int, Int) -> Int) throws -> LookupTable {
        try LookupTable(name: "s", widthA: 8, widthB: 8, encoding: .twosComplement, outputType: .int32,
                        values: (0..<65_536).map { Int64(p(Int(Int8(truncatingIfNeeded: $0 >> 8)), Int(Int8(truncatingIfNeeded: $0)))) })
    }

    /// Y = Σ_k P(x, w) in Int64 from the definition `p`, the wide-type reference.
    static func wide(_ x: [Int8], _ w: [Int8], m: Int, k: Int, n: Int, _ p: (Int, Int) -> Int) -> [Int32] {
        var y = [Int32](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Int64 = 0
                for q in 0..<k { s += Int64(p(Int(x[i * k + q]), Int(w[q * n + j]))) }
                y[i * n + j] = Int32(s)
            }
        }
        return y
    }

    /// Runs `plan` (AVX2 and portable) and `reference` on every shape, against the wide reference of `p`.
    func expectMatchesDefinition(_ plan: KernelPlan, seed: UInt64, _ p: (Int, Int) -> Int) throws {
        var rng = SplitMix64(seed: seed)
        for (m, k, n) in Self.shapes {
            let x = KernelTestTables.operands(m * k, &rng), w = KernelTestTables.operands(k * n, &rng)
            let want = Self.wide(x, w, m: m, k: k, n: n, p)
            #expect(try LUTGemm.reference(x: x, w: w, m: m, k: k, n: n, table: plan.table) == want, "seed \(seed) \(m)x\(k)x\(n)")
            for isa in KernelISA.supported {
                let got = try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
                let bad = got.indices.first { got[$0] != want[$0] }
                #expect(bad == nil, "route \(plan.route) isa \(isa) seed \(seed) \(m)x\(k)x\(n) first mismatch at \(bad ?? -1)")
            }
        }
    }

    /// A random signed table (|P| ≤ 20000, no symmetry) runs on the gather route, equal to its definition,
    /// −128 codes included.
    @Test func generalSignedTableRunsOnGatherExactly() throws {
        var rng = SplitMix64(seed: 18)
        let values = (0..<65_536).map { _ in Int(rng.next() % 40_001) - 20_000 }
        let p = { (x: Int, w: Int) in values[(x & 255) << 8 | (w & 255)] }
        let table = try MultiplierTables.signed(from: Self.lookupTable(p))
        #expect(table.isGeneralSigned)
        #expect(KernelPlan.applicableRoutes(table) == [.gather])
        let plan = KernelPlan.analyse(table)
        #expect(plan.route == .gather)
        try expectMatchesDefinition(plan, seed: 181, p)
        #expect(throws: ApproxError.self) { try KernelPlan(route: .blockComposed4, table: table) }
        #expect(throws: ApproxError.self) { try KernelPlan(route: .exact, table: table) }
    }

    /// A truncated Baugh-Wooley multiplier (partial products a_i·b_j with i + j < 3 dropped, i, j < 7):
    /// not sign-symmetric, P(1, 1) = 0 and P(−1, 1) = −8 by hand (−1 drops a0b0 + 2·a1b0 + 4·a2b0 = 7).
    /// Its error is low-rank over the codes, so it runs on the low-rank route; that and gather equal the definition.
    @Test func truncatedSignedMultiplierRunsLowRankAndGatherExactly() throws {
        let p = { (x: Int, w: Int) -> Int in
            let a = x & 255, b = w & 255
            var v = x * w
            for i in 0..<7 { for j in 0..<7 where i + j < 3 { v -= ((a >> i) & (b >> j) & 1) << (i + j) } }
            return Int(Int16(truncatingIfNeeded: v))
        }
        let table = try MultiplierTables.signed(from: Self.lookupTable(p))
        #expect(table.isGeneralSigned && table.product(1, 1) == 0 && table.product(-1, 1) == -8)
        // E = −[a0 a1 a2]·M·[b0 b1 b2]ᵀ with M = [[1, 2, 4], [2, 4, 0], [4, 0, 0]] (det −64): rank 3 over the codes.
        #expect(KernelPlan.applicableRoutes(table) == [.lowRank(3), .gather])
        let plan = KernelPlan.analyse(table)
        #expect(plan.route == .lowRank(3) && plan.factors?.byCode == true)
        try expectMatchesDefinition(plan, seed: 182, p)
        try expectMatchesDefinition(KernelPlan(route: .gather, table: table), seed: 182, p)
        #expect(throws: ApproxError.self) { try KernelPlan(route: .byteBlocks4, table: table) }
    }

    /// The exact signed table is sign-symmetric: it becomes the sign-magnitude exact table, runs on route
    /// exact, and equals Σ x·w (the exact quantised path) bit for bit, as does the forced gather route.
    @Test func exactSignedTableEqualsTheExactQuantisedPath() throws {
        let table = try MultiplierTables.signed(from: Self.lookupTable { $0 * $1 })
        #expect(!table.isGeneralSigned && table == .exact)
        let plan = KernelPlan.analyse(table)
        #expect(plan.route == .exact)
        try expectMatchesDefinition(plan, seed: 183) { $0 * $1 }
        try expectMatchesDefinition(KernelPlan(route: .gather, table: table), seed: 183) { $0 * $1 }
    }

    /// A sign-symmetric approximate signed table (SMApprox 3330 in two's complement, P = s(x)s(w)·T(|x|, |w|))
    /// keeps its fast routes, and every one of them equals the gather route bit for bit.
    @Test func fastRoutesOfASignSymmetricSignedTableEqualGather() throws {
        let t = try KernelTestTables.smapprox([3, 3, 3, 0])
        let p = { (x: Int, w: Int) -> Int in
            let v = Int(t[abs(x) << 8 | abs(w)])
            return (x < 0) != (w < 0) ? -v : v
        }
        let table = try MultiplierTables.signed(from: Self.lookupTable(p))
        #expect(!table.isGeneralSigned)
        let routes = KernelPlan.applicableRoutes(table)
        #expect(routes.contains(.byteBlocks4) && routes.contains(.blockComposed4))
        var rng = SplitMix64(seed: 184)
        let gather = try KernelPlan(route: .gather, table: table)
        for route in routes where route != .gather {
            let plan = try KernelPlan(route: route, table: table)
            for (m, k, n) in Self.shapes + [(64, 40, 9)] {
                var x = KernelTestTables.operands(m * k, &rng)
                let w = KernelTestTables.operands(k * n, &rng)
                for nonNegative in [false, true] {
                    if nonNegative { x = x.map { $0 == -128 ? 0 : abs($0) } }   // the byte-blocks kernel's own case
                    let fast = try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan)
                    let slow = try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: gather)
                    #expect(fast == slow, "route \(route) \(m)x\(k)x\(n) non-negative \(nonNegative)")
                }
            }
        }
    }

    /// The baseline model's profile of a general signed table is taken over all 255² non-zero signed pairs:
    /// P = x·w except P(1, 1) = 2 (and so not sign-symmetric: P(−1, −1) = 1) has one relative error of 1.
    @Test func profileOfAGeneralSignedTableCoversSignedPairs() throws {
        let table = try MultiplierTables.signed(from: Self.lookupTable { x, w in x == 1 && w == 1 ? 2 : x * w })
        #expect(table.isGeneralSigned)
        let p = MultiplierProfile(table)
        #expect(p.mreNonzero == 1.0 / 65_025 && p.relativeErrorMean == 1.0 / 65_025)
    }
}
