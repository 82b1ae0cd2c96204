import Foundation
import Testing
@testable import Circuits

/// Loads the SMApprox 4x4 tables (Tests/CircuitsTests/Fixtures, copied from specs/smapprox/truth_tables.json).
func smapproxTable(_ d: Int) throws -> TruthTable {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/smapprox_truth_tables.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let rows = (json?["design\(d)"] as? [String: Any])?["table"] as? [[Int]] ?? []
    try #require(rows.count == 16)
    return TruthTable(widthA: 4, widthB: 4, outputWidth: 8) { UInt32(rows[Int($0)][Int($1)]) }
}

func tableDesign(_ name: String, _ t: TruthTable) -> Design { Design(name: name, body: .table(t)) }

@Suite struct CharacterisationMetricsTests {
    func metrics(_ d: Design, _ domain: ErrorDomain) throws -> ErrorMetrics {
        ErrorMetrics(sums: try d.errorSums(domain: domain), domain: domain, widthA: d.widthA, widthB: d.widthB)
    }

    @Test func exactDesignsHaveZeroMetrics() throws {
        let designs = [Design(name: "f", body: .formula(.exact(width: 4))),
                       tableDesign("t", .exact(widthA: 8, widthB: 8)),
                       tableDesign("s0", try smapproxTable(0))]
        for d in designs {
            for domain in ErrorDomain.ofUnsignedDesigns {
                for (key, value) in try metrics(d, domain).keyed { #expect(value == 0, "\(d.name) \(domain) \(key)") }
            }
        }
    }

    /// The two MREs of the magnitude domain, by hand: a 3x3 table (magnitudes 0...4, 25 pairs) that is exact
    /// except T(0, 1) = 1 (a zero product off by 1) and T(2, 2) = 3 (e = −1 on 4). mre_nonzero_pct: 100 ·
    /// (1/4) / 16 non-zero pairs = 1.5625; mre_pct (SMApprox): 100 / 4² · (1/max(1, 0) + 1/4) = 7.8125.
    @Test func bothMagnitudeMREsByHand() throws {
        let t = TruthTable(widthA: 3, widthB: 3, outputWidth: 6) { a, b in
            (a, b) == (0, 1) ? 1 : (a, b) == (2, 2) ? 3 : a * b
        }
        let m = try metrics(tableDesign("t", t), .magnitude)
        #expect(abs(m.mreNonzeroPct - 1.5625) < 1e-12)
        #expect(abs(m.mrePct - 7.8125) < 1e-12)
        let u = try metrics(tableDesign("t", t), .unsigned)
        #expect(u.mrePct == u.mreNonzeroPct, "one definition in the unsigned domain")
    }

    /// 2x2 Kulkarni: the only error is 3·3 → 7, e = −2. Hand-computed over the 16 unsigned pairs.
    @Test func kulkarniTwoByTwoByHand() throws {
        let u = try metrics(Design(name: "k", body: .formula(.kulkarni(width: 2))), .unsigned)
        #expect(u.epPct == 6.25)                       // 1 of 16
        #expect(u.mae == 0.125)                        // 2/16
        #expect(u.maePct == 0.78125)                   // 0.125/16·100
        #expect(u.wce == 2)
        #expect(u.wcePct == 12.5)                      // 2/16·100
        #expect(u.mse == 0.25)                         // 4/16
        #expect(abs(u.mrePct - 100.0 * (2.0 / 9.0) / 9.0) < 1e-12)   // 9 pairs with ab ≠ 0
        #expect(abs(u.wcrePct - 100.0 * 2.0 / 9.0) < 1e-12)
        #expect(u.bias == -0.125)
        #expect(abs(u.sd - (0.25 - 0.015625).squareRoot()) < 1e-15)
        #expect(abs(u.nmed - 0.125 / 9.0) < 1e-15)
        // Magnitude domain is 0...2: the faulty pair 3·3 is outside it.
        for (key, value) in try metrics(Design(name: "k", body: .formula(.kulkarni(width: 2))), .magnitude).keyed {
            #expect(value == 0, "\(key)")
        }
    }

    /// SMApprox designs 1..3 against a straightforward computation of the definitions in Double.
    @Test(arguments: [1, 2, 3]) func smapproxMatchesStraightforward(_ d: Int) throws {
        let table = try smapproxTable(d)
        let design = tableDesign("s\(d)", table)
        for domain in ErrorDomain.ofUnsignedDesigns {
            let top = domain == .unsigned ? 15 : 8
            var errors: [(Double, Int, Int)] = []
            for a in 0...top { for b in 0...top { errors.append((Double(table[a, b]) - Double(a * b), a, b)) } }
            let n = Double(errors.count)
            let mae = errors.map { abs($0.0) }.reduce(0, +) / n
            let mean = errors.map(\.0).reduce(0, +) / n
            let mse = errors.map { $0.0 * $0.0 }.reduce(0, +) / n
            let sd = (errors.map { ($0.0 - mean) * ($0.0 - mean) }.reduce(0, +) / n).squareRoot()
            let nz = errors.filter { $0.1 * $0.2 != 0 }
            let mre = domain == .unsigned
                ? 100 * nz.map { abs($0.0) / Double($0.1 * $0.2) }.reduce(0, +) / Double(nz.count)
                : 100 / 64 * errors.map { abs($0.0) / Double(max(1, $0.1 * $0.2)) }.reduce(0, +)
            let m = try metrics(design, domain)
            func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(y)) }
            #expect(close(m.mae, mae), "\(domain) mae")
            #expect(close(m.maePct, mae / 256 * 100))
            #expect(close(m.bias, mean), "\(domain) bias")
            #expect(close(m.mse, mse))
            #expect(close(m.sd, sd), "\(domain) sd")
            #expect(close(m.mrePct, mre), "\(domain) mre \(m.mrePct) vs \(mre)")
            #expect(close(m.wce, errors.map { abs($0.0) }.max() ?? -1))
            #expect(close(m.epPct, 100 * Double(errors.filter { $0.0 != 0 }.count) / n))
            #expect(close(m.wcrePct, 100 * (nz.map { abs($0.0) / Double($0.1 * $0.2) }.max() ?? 0)))
            #expect(close(m.nmed, mae / Double(top * top)))
        }
    }

    @Test func fixtureMagnitudeMREOfDesign1MatchesSpecNote() throws {
        // The fixture states its MRE as 100/256 · Σ|e|/max(1, ab) over all 16×16 pairs; re-derive that value.
        let t = try smapproxTable(1)
        var s = 0.0
        for a in 0..<16 { for b in 0..<16 { s += abs(Double(t[a, b]) - Double(a * b)) / Double(max(1, a * b)) } }
        let u = try metrics(tableDesign("s1", t), .unsigned)
        let zeroRowAbs = (0..<16).map { abs(Double(t[0, $0])) + abs(Double(t[$0, 0])) }.reduce(0, +) - abs(Double(t[0, 0]))
        #expect(abs(u.mrePct * 225 / 256 + 100 * zeroRowAbs / 256 - 100 * s / 256) < 1e-9)
    }
}
