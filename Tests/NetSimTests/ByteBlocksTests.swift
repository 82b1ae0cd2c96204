import CKernels
import Testing
@testable import NetSim

/// The byte-block pair route: block recovery, mode choice and bit-exactness against the reference.
@Suite struct ByteBlocksTests {
    /// (M, K, N): M across the 64-pixel panel, K across the int16 widening and 32-step blocks,
    /// N across the 64-column chunk.
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (63, 7, 5), (64, 33, 3), (65, 70, 16), (130, 9, 66), (20, 300, 2)]

    /// Non-negative activations (post-ReLU layers): random, with about 1 in 5 at 0 or 127.
    static func activations(_ count: Int, _ rng: inout SplitMix64) -> [Int8] {
        (0..<count).map { _ in
            let r = rng.next()
            return r % 5 == 0 ? [0, 127][Int((r >> 8) % 2)] : Int8(truncatingIfNeeded: (r >> 16) & 127)
        }
    }

    func expectBitExact(_ plan: KernelPlan, seed: UInt64, signed: Bool = false) throws {
        var rng = SplitMix64(seed: seed)
        for (m, k, n) in Self.shapes {
            let xT = signed ? KernelTestTables.operands(k * m, &rng) : Self.activations(k * m, &rng)
            let w = KernelTestTables.operands(k * n, &rng)
            let ref = try LUTGemm.reference(x: LUTGemm.transpose(xT, rows: k, cols: m), w: w, m: m, k: k, n: n,
                                            table: plan.table)
            for isa in KernelISA.supported {
                let got = try LUTGemm.fastTransposed(xT: xT, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
                #expect(got == LUTGemm.transpose(ref, rows: m, cols: n), "\(m)x\(k)x\(n) isa \(isa) signed \(signed)")
            }
        }
    }

    func smapprox(_ digits: [Int]) throws -> SignedProductTable {
        try KernelTestTables.signed(KernelTestTables.smapprox(digits))
    }

    @Test func blocksOfAnSMApproxCompositionAreItsFourDesigns() throws {
        let designs = try KernelTestTables.smapprox4x4()
        let b = try #require(ByteBlocks.find(smapprox([1, 2, 3, 0])))
        for l in 0..<16 { for m in 0..<16 { #expect(Int(b.ll[l][m]) == designs[1][l][m]) } }
        for h in 0...8 { for m in 0..<16 { #expect(Int(b.hl[h][m]) == designs[2][h][m]) } }
        for l in 0..<16 { for n in 0...8 { #expect(Int(b.lh[l][n]) == designs[3][l][n]) } }
        for h in 0...8 { for n in 0...8 { #expect(Int(b.hh[h][n]) == h * n) } }
    }

    /// LL = HL and LH = HH share a table; an exact HH uses the raw high nibble; else two look-ups.
    @Test(arguments: [([3, 3, 3, 3], CK_PAIR_SAME, CK_PAIR_SAME), ([3, 3, 3, 0], CK_PAIR_SAME, CK_PAIR_HIRAW),
                      ([1, 2, 3, 0], CK_PAIR_GENERAL, CK_PAIR_HIRAW), ([1, 2, 3, 1], CK_PAIR_GENERAL, CK_PAIR_GENERAL),
                      ([2, 2, 1, 3], CK_PAIR_SAME, CK_PAIR_GENERAL), ([0, 1, 2, 2], CK_PAIR_GENERAL, CK_PAIR_SAME)])
    func modesFollowTheBlockDesigns(_ digits: [Int], _ mode0: Int32, _ mode1: Int32) throws {
        let table = try smapprox(digits)
        let b = try #require(ByteBlocks.find(table))
        #expect((b.mode0, b.mode1) == (mode0, mode1), "\(digits)")
        #expect(b.wsteps >= 7)
        #expect(KernelPlan.analyse(table).route == .byteBlocks4)
        try expectBitExact(KernelPlan(route: .byteBlocks4, table: table), seed: UInt64(digits.reduce(0) { $0 * 4 + $1 }))
    }

    /// Row-major API (dense layers): x transposed, Y written row-major; one 64-row panel with
    /// ≥ 2^18 MACs splits its columns over the 2 cores.
    @Test func rowMajorProductsAreExact() throws {
        let plan = try KernelPlan(route: .byteBlocks4, table: smapprox([3, 3, 3, 0]))
        var rng = SplitMix64(seed: 42)
        for (m, k, n) in [(64, 300, 66), (1, 5, 3), (130, 40, 17), (64, 512, 10)] {
            let x = Self.activations(m * k, &rng), w = KernelTestTables.operands(k * n, &rng)
            let ref = try LUTGemm.reference(x: x, w: w, m: m, k: k, n: n, table: plan.table)
            for isa in KernelISA.supported {
                #expect(try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan, isa: isa) == ref, "\(m)x\(k)x\(n)")
            }
        }
    }

    /// SMApprox design 3 peaks at 156 and at 63 on rows 0...7 (the fixture): max pair 156 + 16·63.
    @Test func smapprox3330WidensEvery28Steps() throws {
        #expect(try #require(ByteBlocks.find(smapprox([3, 3, 3, 0]))).wsteps == 32_767 / (156 + 16 * 63))
    }

    @Test func signedActivationsFallBackAndStayExact() throws {
        try expectBitExact(KernelPlan(route: .byteBlocks4, table: smapprox([3, 3, 3, 0])), seed: 40, signed: true)
    }

    @Test func kulkarniAndExactAreByteBlocks() throws {
        let kul = try KernelTestTables.signed(KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) })
        try expectBitExact(KernelPlan(route: .byteBlocks4, table: kul), seed: 41)
        let exact = try KernelTestTables.signed(KernelTestTables.exact)
        let b = try #require(ByteBlocks.find(exact))
        #expect((b.mode0, b.mode1) == (CK_PAIR_SAME, CK_PAIR_SAME))
        #expect(KernelPlan.analyse(exact).route == .exact)
    }

    @Test func unstructuredTablesAreNotByteBlocks() throws {
        #expect(ByteBlocks.find(try KernelTestTables.signed(KernelTestTables.random(seed: 9))) == nil)
        // a·b + 1 for a, b > 0: blocks would need the +1 in every nibble combination at once.
        #expect(ByteBlocks.find(try KernelTestTables.signed(KernelTestTables.table256 { $0 * $1 + ($0 > 0 && $1 > 0 ? 1 : 0) })) == nil)
        #expect(throws: ApproxError.self) {
            try KernelPlan(route: .byteBlocks4, table: KernelTestTables.signed(KernelTestTables.random(seed: 9)))
        }
    }

    /// Blocks near the Int16 limit of T (113 · 289 = 32657): the int16 sums must widen every
    /// 32767 / (113 + 16·113) = 17 steps; all activations at 127 over K = 300 would wrap otherwise.
    @Test func int16SumsWidenBeforeTheyCanWrap() throws {
        func block(_ x: Int, _ y: Int) -> Int { x > 0 && y > 0 ? 113 : 0 }
        let raw = KernelTestTables.table256 { a, b in
            block(a & 15, b & 15) + 16 * (block(a >> 4, b & 15) + block(a & 15, b >> 4)) + 256 * block(a >> 4, b >> 4)
        }
        let table = try KernelTestTables.signed(raw)
        let b = try #require(ByteBlocks.find(table))
        #expect(b.wsteps == 17)
        let plan = try KernelPlan(route: .byteBlocks4, table: table)
        let (m, k, n) = (64, 300, 3)
        let xT = [Int8](repeating: 127, count: k * m), w: [Int8] = (0..<(k * n)).map { [127, -128, 119][$0 % 3] }
        let ref = try LUTGemm.reference(x: LUTGemm.transpose(xT, rows: k, cols: m), w: w, m: m, k: k, n: n, table: table)
        for isa in KernelISA.supported {
            let got = try LUTGemm.fastTransposed(xT: xT, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
            #expect(got == LUTGemm.transpose(ref, rows: m, cols: n))
        }
    }
}
