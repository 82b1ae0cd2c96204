import Testing
@testable import Circuits

/// Compositions of exact blocks are exact, recursively (8 bits from 4, 16 bits from 8).
@Suite struct CompositionTests {
    @Test func exact8IsExactOnAllPairs() throws {
        let design = try BuiltinDesigns.design(named: "exact8")
        #expect(design.kind == "composition" && design.widthA == 8 && design.outputWidth == 16)
        let table = try design.truthTable()
        for a in 0..<256 {
            for b in 0..<256 where Int(table[a, b]) != a * b {
                Issue.record("exact8(\(a), \(b)) = \(table[a, b]), expected \(a * b)")
                return
            }
        }
    }

    @Test func smapprox0000IsExact() throws {
        let table = try BuiltinDesigns.design(named: "smapprox8x8-0000").truthTable()
        #expect(table.firstDifference(from: .exact(widthA: 8, widthB: 8)) == nil)
    }

    /// 16x16: corner cases plus a seeded random sample through `productFunction()`.
    @Test func exact16IsExactOnSampleAndCorners() throws {
        let design = try BuiltinDesigns.design(named: "exact16")
        #expect(design.widthA == 16 && design.outputWidth == 32)
        let f = try design.productFunction()
        let corners: [UInt64] = [0, 1, 2, 15, 16, 255, 256, 0x0F0F, 0xF0F0, 0x8000, 0x7FFF, 0xFFFE, 0xFFFF]
        for a in corners {
            for b in corners {
                #expect(f(a, b) == a * b, "exact16(\(a), \(b))")
            }
        }
        let seed: UInt64 = 20261122
        var rng = DesignsSplitMix64(seed: seed)
        for _ in 0..<50_000 {
            let a = rng.next() & 0xFFFF, b = rng.next() & 0xFFFF
            if f(a, b) != a * b {
                Issue.record("exact16(\(a), \(b)) = \(f(a, b)), expected \(a * b) (seed \(seed))")
                return
            }
        }
    }

    /// Recursive composition from design files: 8x8 from a 4x4 file, 16x16 from that 8x8 file.
    @Test func recursiveCompositionFromFiles() throws {
        let folder = try DesignTestSupport.temporaryFolder([
            "blocks/m4.axd": "design m4\nformula exact width=4\n",
            "m8.axd": "design m8\ncompose ll=blocks/m4.axd hl=blocks/m4.axd lh=blocks/m4.axd hh=exact4\n",
            "m16.axd": "design m16\ninputs a[16] b[16]\noutput p[32]\ncompose ll=m8.axd hl=m8.axd lh=exact8 hh=m8.axd\n",
        ])
        let m16 = try DesignResolver.resolve(folder.appendingPathComponent("m16.axd").path)
        #expect(m16.widthA == 16 && m16.kind == "composition")
        let f = try m16.productFunction()
        var rng = DesignsSplitMix64(seed: 3)
        for _ in 0..<5_000 {
            let a = rng.next() & 0xFFFF, b = rng.next() & 0xFFFF
            #expect(f(a, b) == a * b)
        }
    }

    @Test func compositionThatContainsItselfIsRejected() throws {
        let folder = try DesignTestSupport.temporaryFolder([
            "loop.axd": "design loop\ncompose ll=loop.axd hl=exact4 lh=exact4 hh=exact4\n",
        ])
        #expect(throws: DesignError.self) { try DesignResolver.resolve(folder.appendingPathComponent("loop.axd").path) }
    }

    /// Block order and operand halves: HL gets (A_hi, B_lo), LH gets (A_lo, B_hi).
    @Test func blockOrderAndOperandHalves() throws {
        // Only HL is approximate (design 1): for A = 3<<4, B = 6 the HL block sees M1(3, 6) = 2, so P = 2·16.
        let hl = try BuiltinDesigns.design(named: "smapprox8x8-0100").truthTable()
        #expect(hl[3 << 4, 6] == 32)
        #expect(hl[6 << 4, 3] == 18 * 16)
        // Only LH is approximate: A = 3, B = 6<<4 gives M1(3, 6)·16.
        let lh = try BuiltinDesigns.design(named: "smapprox8x8-0010").truthTable()
        #expect(lh[3, 6 << 4] == 32)
    }
}
