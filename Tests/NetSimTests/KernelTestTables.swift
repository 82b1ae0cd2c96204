import Foundation
import NetSim

/// Multiplier tables for the kernel tests, each built here from its own definition
/// (never from the code under test): SMApprox compositions, Kulkarni, exact, low-rank, random.
enum KernelTestTables {
    struct Fixture: Decodable { let source: String; let tables: [String: [[Int]]] }

    /// The four SMApprox 4x4 designs from the fixture (source noted inside the file).
    static func smapprox4x4() throws -> [[[Int]]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/smapprox4x4_tables.json")
        let f = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        return (0..<4).map { f.tables["design\($0)"] ?? [] }
    }

    /// SMApprox 8x8 `d1 d2 d3 d4` (blocks LL, HL, LH, HH), exact summation, as a 256 × 256 table.
    static func smapprox(_ digits: [Int]) throws -> [UInt32] {
        let m = try smapprox4x4()
        return table256 { a, b in
            let ll = m[digits[0]][a & 15][b & 15], hl = m[digits[1]][a >> 4][b & 15]
            let lh = m[digits[2]][a & 15][b >> 4], hh = m[digits[3]][a >> 4][b >> 4]
            return ll + ((hl + lh) << 4) + (hh << 8)
        }
    }

    /// Kulkarni's multiplier: 2x2 blocks with 3·3 = 7, composed recursively with exact addition.
    static func kulkarni(_ a: Int, _ b: Int, bits: Int = 8) -> Int {
        if bits == 2 { return a == 3 && b == 3 ? 7 : a * b }
        let h = bits / 2, mask = (1 << h) - 1
        return kulkarni(a & mask, b & mask, bits: h) + (kulkarni(a >> h, b & mask, bits: h) << h)
            + (kulkarni(a & mask, b >> h, bits: h) << h) + (kulkarni(a >> h, b >> h, bits: h) << (2 * h))
    }

    /// p(a) = Σ_i [2-bit digit i of a is 3]·4^i: Kulkarni's error is exactly −2·p(a)·p(b).
    static func kulkarniDigitsOfThree(_ a: Int) -> Int {
        (0..<4).reduce(0) { $0 + (((a >> (2 * $1)) & 3) == 3 ? 1 << (2 * $1) : 0) }
    }

    static func table256(_ f: (Int, Int) -> Int) -> [UInt32] {
        var t = [UInt32](repeating: 0, count: 65_536)
        for a in 0..<256 { for b in 0..<256 { t[a << 8 | b] = UInt32(f(a, b)) } }
        return t
    }

    static func signed(_ t: [UInt32]) throws -> SignedProductTable {
        try SignedProductTable(unsignedProducts: t, width: 256)
    }

    static var exact: [UInt32] { table256 { $0 * $1 } }
    /// Rank-1 error: a·b + 3·(a & 1)·(b & 1).
    static var rankOne: [UInt32] { table256 { $0 * $1 + 3 * ($0 & 1) * ($1 & 1) } }
    /// Rank-2 error: a·b + 3·(a & 1)·(b & 1) + (a >> 7)·(b & 3).
    static var rankTwo: [UInt32] { table256 { $0 * $1 + 3 * ($0 & 1) * ($1 & 1) + ($0 >> 7) * ($1 & 3) } }

    /// An "imported" table with no structure: random products below 2^16.
    static func random(seed: UInt64) -> [UInt32] {
        var rng = SplitMix64(seed: seed)
        return (0..<65_536).map { _ in UInt32(rng.next() & 0xFFFF) }
    }

    /// Random Int8 operands, with about 1 in 5 drawn from the extremes 0, 127, −127, −128.
    static func operands(_ count: Int, _ rng: inout SplitMix64) -> [Int8] {
        let extremes: [Int8] = [0, 127, -127, -128]
        return (0..<count).map { _ in
            let r = rng.next()
            return r % 5 == 0 ? extremes[Int((r >> 8) % 4)] : Int8(truncatingIfNeeded: r >> 16)
        }
    }
}
