import Testing
@testable import NetSim

/// The AVX-512 kernels (VNNI exact, VBMI byte blocks, VBMI gather) against the plain-loop reference and the
/// portable and AVX2 kernels, on random and edge operands (all zero, +127, −128 and mixtures) and
/// pixel counts that are not multiples of the 64-pixel panel, in both layouts.
@Suite(.enabled(if: KernelISA.detected == .avx512, "this CPU lacks AVX-512 VBMI/VNNI: the AVX-512 kernels cannot run here"))
struct AVX512KernelTests {
    /// (M, K, N): M around the 64-pixel panel (1, 63, 65, 130, 200), K odd / not a multiple of 4,
    /// N odd (the 4- and 2-column register blocks have tails), and a few panels with column splits.
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (63, 5, 3), (64, 64, 64), (65, 130, 17), (200, 7, 9), (130, 301, 70), (128, 3, 2)]

    /// Operand sets: random (with extremes), all zero, all +127, all −128 (weights), and alternating ±127/−128.
    static func operandSets(_ count: Int, _ rng: inout SplitMix64, nonNegative: Bool) -> [[Int8]] {
        var sets: [[Int8]] = [KernelTestTables.operands(count, &rng), [Int8](repeating: 0, count: count),
                              [Int8](repeating: 127, count: count), [Int8](repeating: -128, count: count),
                              (0..<count).map { [127, -128, -127, 1][$0 % 4] }]
        if nonNegative { sets = sets.map { $0.map { $0 < 0 ? ~$0 : $0 } } }   // −v − 1 ≥ 0: −128 → 127
        return sets
    }

    func expectAllLevelsAgree(_ plan: KernelPlan, nonNegative: Bool, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for (m, k, n) in Self.shapes {
            for x in Self.operandSets(m * k, &rng, nonNegative: nonNegative) {
                for w in Self.operandSets(k * n, &rng, nonNegative: false) {
                    let ref = try LUTGemm.reference(x: x, w: w, m: m, k: k, n: n, table: plan.table)
                    let xT = LUTGemm.transpose(x, rows: m, cols: k), refT = LUTGemm.transpose(ref, rows: m, cols: n)
                    for isa in KernelISA.supported {
                        #expect(try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan, isa: isa) == ref,
                                "\(plan.route) row-major \(m)x\(k)x\(n) isa \(isa) x[0] \(x[0]) w[0] \(w[0])")
                        #expect(try LUTGemm.fastTransposed(xT: xT, w: w, m: m, k: k, n: n, plan: plan, isa: isa) == refT,
                                "\(plan.route) conv layout \(m)x\(k)x\(n) isa \(isa) x[0] \(x[0]) w[0] \(w[0])")
                    }
                }
            }
        }
    }

    @Test func vnniExactKernelMatchesTheReference() throws {
        let plan = try KernelPlan(route: .exact, table: KernelTestTables.signed(KernelTestTables.exact))
        try expectAllLevelsAgree(plan, nonNegative: false, seed: 3)
    }

    /// K · 255 · 128 > 2^31: the kernel's biased sums wrap, and the correction must still be exact.
    @Test func vnniExactKernelIsExactWhenTheBiasedSumWraps() throws {
        let plan = try KernelPlan(route: .exact, table: KernelTestTables.signed(KernelTestTables.exact))
        let k = 70_000
        let x = [Int8](repeating: 127, count: k), w = [Int8](repeating: 127, count: k)
        let y = try LUTGemm.fastTransposed(xT: x, w: w, m: 1, k: k, n: 1, plan: plan, isa: .avx512)
        #expect(y == [Int32(k * 127 * 127)])
    }

    @Test func vbmiByteBlockKernelMatchesTheReference() throws {
        let kul = KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) }
        for (i, table) in [try KernelTestTables.smapprox([3, 3, 3, 0]), try KernelTestTables.smapprox([1, 2, 1, 2]), kul].enumerated() {
            let plan = try KernelPlan(route: .byteBlocks4, table: KernelTestTables.signed(table))
            try expectAllLevelsAgree(plan, nonNegative: true, seed: 10 + UInt64(i))
            try expectAllLevelsAgree(plan, nonNegative: false, seed: 20 + UInt64(i))   // negative activations: nibble fallback
        }
    }

    /// The VBMI gather kernel on an unstructured sign-magnitude table (a·b plus a random error) and a
    /// general two's-complement one (random products in Int16), both within Int16 for x ≥ 0;
    /// negative activations fall back to the scalar gather.
    @Test func vbmiGatherKernelMatchesTheReference() throws {
        var rng = SplitMix64(seed: 41)
        let noisy = KernelTestTables.table256 { a, b in max(0, a * b + Int(rng.next() % 401) - 200) }
        var general = (0..<65_536).map { _ in Int32(truncatingIfNeeded: rng.next() % 65_536) - 32_768 }
        general[127 << 8 | 0x80] = 32_767   // the Int16 extremes, at x = 127 and w = −128
        general[1 << 8 | 0x01] = -32_768
        let tables = [try KernelTestTables.signed(noisy), try SignedProductTable(twosComplementProducts: general)]
        for (i, table) in tables.enumerated() {
            let plan = try KernelPlan(route: .gather, table: table)
            #expect(plan.kernel(nonNegative: true, isa: .avx512) == .vbmiGather)
            #expect(plan.kernel(nonNegative: false, isa: .avx512) == .gather)
            try expectAllLevelsAgree(plan, nonNegative: true, seed: 30 + UInt64(i))
            try expectAllLevelsAgree(plan, nonNegative: false, seed: 40 + UInt64(i))
        }
    }

    /// A product outside Int16 (possible in an imported table) keeps the scalar gather.
    @Test func vbmiGatherNeedsInt16Products() throws {
        let plan = try KernelPlan(route: .gather, table: KernelTestTables.signed(KernelTestTables.table256 { $0 * $1 * 3 + 1 }))
        #expect(plan.kernel(nonNegative: true, isa: .avx512) == .gather)
    }

    @Test func levelsAreOrderedAndNamed() throws {
        #expect(KernelISA.supported.last == .avx512)
        #expect(try KernelISA.fromEnvironment(["AXMUL_ISA": "AVX2"]) == .avx2)
        #expect(try KernelISA.fromEnvironment(["AXMUL_ISA": "portable"]) == .portable)
        #expect(throws: KernelISAError.self) { try KernelISA.fromEnvironment(["AXMUL_ISA": "sse4"]) }
    }
}
