import Testing
@testable import Circuits

@Suite struct CharacterisationCompositionTests {
    /// Integer sums must agree exactly; the ratio sums to 1e-12 (the fast path divides by a and b separately).
    func expectSame(_ fast: ErrorSums, _ slow: ErrorSums, _ label: String) {
        #expect(fast.pairs == slow.pairs, "\(label) pairs")
        #expect(fast.nonzero == slow.nonzero, "\(label) nonzero")
        #expect(fast.sumError == slow.sumError, "\(label) Σe")
        #expect(fast.sumAbsError == slow.sumAbsError, "\(label) Σ|e|")
        #expect(fast.sumSquaredError == slow.sumSquaredError, "\(label) Σe²")
        #expect(fast.maxAbsError == slow.maxAbsError, "\(label) max|e|")
        #expect(fast.nonzeroProductPairs == slow.nonzeroProductPairs, "\(label) ab≠0 pairs")
        #expect(fast.zeroProductAbsError == slow.zeroProductAbsError, "\(label) Σ|e| at ab=0")
        let r = fast.relativeErrorSum.value, q = slow.relativeErrorSum.value
        #expect(abs(r - q) <= 1e-12 * max(1, abs(q)), "\(label) Σ|e|/ab \(r) vs \(q)")
        #expect(abs(fast.maxRelativeError - slow.maxRelativeError) <= 1e-12 * max(1, slow.maxRelativeError), "\(label) max ratio")
    }

    /// An 8x8 composition of SMApprox 4x4 blocks: fast path (same code as 16x16) vs the brute-force table scan.
    @Test(arguments: [[1, 2, 3, 0], [3, 3, 3, 3], [2, 1, 1, 2]]) func smapproxCompositionMatchesBruteForce(_ digits: [Int]) throws {
        let blocks = try digits.map { tableDesign("s\($0)", try smapproxTable($0)) }
        let c = try Composition(ll: blocks[0], hl: blocks[1], lh: blocks[2], hh: blocks[3])
        let design = Design(name: "c", body: .composition(c))
        let table = try design.truthTable()
        for domain in ErrorDomain.ofUnsignedDesigns {
            expectSame(CompositionScan.sums(try BlockErrors(c), domain: domain), TableScan.sums(of: table, domain: domain),
                       "\(digits) \(domain)")
        }
    }

    /// Random 3-bit blocks with errors of both signs and outputs above the exact range (seed printed on failure).
    @Test func randomBlocksMatchBruteForce() throws {
        let seed: UInt64 = 0xC0FFEE
        var rng = SplitMix64(seed: seed)
        let blocks = (0..<4).map { k in
            tableDesign("r\(k)", TruthTable(widthA: 3, widthB: 3, outputWidth: 7) { a, b in
                let noise = Int(rng.next() % 9) - 4
                return UInt32(max(0, Int(a * b) + (rng.next() % 3 == 0 ? noise : 0)) + (a == 7 && b == 7 ? 70 : 0))
            })
        }
        let c = try Composition(ll: blocks[0], hl: blocks[1], lh: blocks[2], hh: blocks[3])
        let table = try Design(name: "r", body: .composition(c)).truthTable()
        for domain in ErrorDomain.ofUnsignedDesigns {
            expectSame(CompositionScan.sums(try BlockErrors(c), domain: domain), TableScan.sums(of: table, domain: domain),
                       "seed \(seed) \(domain)")
        }
    }

    @Test func generalScanEqualsTableScanAndIsRepeatable() throws {
        let t = try Design(name: "m", body: .formula(.mitchell(width: 6))).truthTable()
        let f: @Sendable (UInt64, UInt64) -> UInt64 = { Formula.mitchell($0, $1) }
        for domain in ErrorDomain.ofUnsignedDesigns {
            let general = TableScan.sums(widthA: 6, widthB: 6, domain: domain, product: f)
            let again = TableScan.sums(widthA: 6, widthB: 6, domain: domain, product: f)
            #expect(general == again)
            let direct = TableScan.sums(of: t, domain: domain)
            #expect(general.sumSquaredError == direct.sumSquaredError && general.sumAbsError == direct.sumAbsError)
            #expect(abs(general.relativeErrorSum.value - direct.relativeErrorSum.value) < 1e-12)
        }
    }
}
