import Foundation
import Testing
@testable import Circuits

/// The formula families against plain independent implementations on all 65,536 8-bit pairs.
@Suite struct FormulaFamilyTests {
    /// Compares a built-in design with `reference` on every pair; records the first difference.
    private func expectAllPairs(_ name: String, _ reference: (Int, Int) -> Int) throws {
        let table = try BuiltinDesigns.design(named: name).truthTable()
        #expect(table.widthA == 8 && table.widthB == 8)
        for a in 0..<256 {
            for b in 0..<256 where Int(table[a, b]) != reference(a, b) {
                Issue.record("\(name)(\(a), \(b)) = \(table[a, b]), reference gives \(reference(a, b))")
                return
            }
        }
    }

    /// Mitchell with Double log/antilog: log2 x ≈ k + (x/2^k − 1); antilog of k + f is 2^k (1 + f).
    @Test func mitchellMatchesDoubleLogAntilog() throws {
        func approxLog(_ x: Int) -> Double {
            let k = floor(log2(Double(x)))
            return k + (Double(x) / pow(2, k) - 1)
        }
        try expectAllPairs("mitchell8") { a, b in
            if a == 0 || b == 0 { return 0 }
            let s = approxLog(a) + approxLog(b)
            let k = floor(s)
            return Int(floor(pow(2, k) * (1 + (s - k))))
        }
    }

    /// DRUM(k): round each operand to its k leading bits (lowest kept bit forced to 1), digit by digit.
    @Test(arguments: [1, 3, 4, 6, 8])
    func drumMatchesBitStringReference(k: Int) throws {
        func reduce(_ x: Int) -> Int {
            var bits = Array(String(x, radix: 2))      // most significant first
            guard bits.count > k else { return x }
            for i in k..<bits.count { bits[i] = "0" }
            bits[k - 1] = "1"
            return Int(String(bits), radix: 2) ?? -1
        }
        try expectAllPairs("drum8-k\(k)") { a, b in reduce(a) * reduce(b) }
    }

    /// Kulkarni: a flat sum over 2-bit digit pairs with the 2x2 block (3·3 = 7), no recursion.
    @Test func kulkarniMatchesDigitSum() throws {
        try expectAllPairs("kulkarni8") { a, b in
            var sum = 0
            for i in 0..<4 {
                for j in 0..<4 {
                    let x = (a >> (2 * i)) & 3, y = (b >> (2 * j)) & 3
                    sum += (x == 3 && y == 3 ? 7 : x * y) << (2 * (i + j))
                }
            }
            return sum
        }
    }

    /// Truncation: each shifted row a·b_j·2^j loses its bits below column t before the rows are added.
    @Test(arguments: [0, 1, 4, 8, 15])
    func truncatedMatchesRowMaskReference(t: Int) throws {
        try expectAllPairs("truncated8-t\(t)") { a, b in
            (0..<8).reduce(0) { sum, j in
                (b >> j) & 1 == 1 ? sum + ((a << j) & ~((1 << t) - 1)) : sum
            }
        }
    }

    @Test func formulaFileWithParametersParses() throws {
        let design = try DesignTestSupport.parse("design d\nformula drum width=8 k=3\n")
        #expect(design.body == .formula(.drum(width: 8, k: 3)))
        let exact = try DesignTestSupport.parse("design e\nformula exact width=6\n").truthTable()
        #expect(exact.firstDifference(from: .exact(widthA: 6, widthB: 6)) == nil)
    }
}
