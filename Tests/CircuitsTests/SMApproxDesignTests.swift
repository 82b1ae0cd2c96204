import Testing
@testable import Circuits

/// The four SMApprox 4x4 base designs: both views agree with each other and with the spec tables.
@Suite struct SMApproxDesignTests {
    @Test(arguments: 0..<4)
    func lutViewEqualsGateViewAndSpecTable(digit: Int) throws {
        let design = try BuiltinDesigns.design(named: "smapprox4x4-\(digit)")
        let lut = try #require(design.lutNetlist), gates = try #require(design.gateNetlist)
        #expect(lut.isLUTMapped)
        let lutTable = try lut.truthTable(), gateTable = try gates.truthTable()
        #expect(lutTable.values.count == 256)
        if let d = lutTable.firstDifference(from: gateTable) {
            Issue.record("design \(digit): lut(\(d.a), \(d.b)) = \(d.mine) but gates gives \(d.theirs)")
        }
        let reference = try DesignTestSupport.referenceTables()[digit]
        #expect(reference.count == 16)
        for a in 0..<16 {
            for b in 0..<16 where Int(lutTable[a, b]) != reference[a][b] {
                Issue.record("design \(digit): M(\(a), \(b)) = \(lutTable[a, b]), spec table says \(reference[a][b])")
                return
            }
        }
    }

    /// Cell counts from equations.md's design table (LUT6_2, CARRY4).
    @Test func cellCountsMatchSpec() throws {
        let expected = [(12, 3), (11, 2), (7, 0), (8, 0)]
        for (digit, (luts, carries)) in expected.enumerated() {
            let lut = try #require(try BuiltinDesigns.design(named: "smapprox4x4-\(digit)").lutNetlist)
            #expect(lut.lutCount == luts && lut.carryCount == carries, "design \(digit)")
        }
    }

    /// Non-commutative examples quoted in equations.md section 5 (operand order is port a = row).
    @Test func operandOrderIsKept() throws {
        let d1 = try BuiltinDesigns.design(named: "smapprox4x4-1").truthTable()
        let d2 = try BuiltinDesigns.design(named: "smapprox4x4-2").truthTable()
        #expect(d1[3, 6] == 2 && d1[6, 3] == 18)
        #expect(d2[3, 6] == 10 && d2[6, 3] == 2)
    }

    /// The worked 8x8 examples of equations.md section 6.
    @Test func eightByEightWorkedExamples() throws {
        let cases: [(String, Int, Int, UInt32)] = [
            ("0000", 200, 113, 22600), ("3330", 55, 107, 5349), ("3330", 107, 55, 5349), ("1110", 93, 126, 10262),
            ("2220", 126, 93, 10518), ("2222", 54, 99, 2642), ("2222", 99, 54, 602), ("3333", 54, 99, 2906),
            ("3333", 99, 54, 2906), ("1100", 128, 99, 12672),
        ]
        for (digits, a, b, p) in cases {
            let table = try BuiltinDesigns.design(named: "smapprox8x8-\(digits)").truthTable()
            #expect(table[a, b] == p, "smapprox8x8-\(digits)(\(a), \(b))")
        }
    }

    /// Every 8x8 name equals the exact sum of the spec's 4x4 tables (composition formula of section 6).
    @Test func compositionsFollowSpecFormula() throws {
        let ref = try DesignTestSupport.referenceTables()
        for name in ["1230", "3012", "2103"] {
            let d = name.compactMap { $0.wholeNumberValue }
            let table = try BuiltinDesigns.design(named: "smapprox8x8-\(name)").truthTable()
            var rng = DesignsSplitMix64(seed: 7)
            for _ in 0..<2000 {
                let a = Int(rng.next() & 255), b = Int(rng.next() & 255)
                let p = ref[d[0]][a & 15][b & 15] + (ref[d[1]][a >> 4][b & 15] + ref[d[2]][a & 15][b >> 4]) * 16
                    + ref[d[3]][a >> 4][b >> 4] * 256
                if Int(table[a, b]) != p {
                    Issue.record("smapprox8x8-\(name)(\(a), \(b)) = \(table[a, b]), expected \(p) (seed 7)")
                    return
                }
            }
        }
    }
}
