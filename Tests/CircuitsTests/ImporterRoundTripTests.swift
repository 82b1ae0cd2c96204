import Foundation
import Testing
@testable import Circuits

/// Issue 16 property: any design an importer writes parses back, with the same truth table.
/// Random Verilog expressions and random text tables, seeded (the seed is in each failure message).
@Suite struct ImporterRoundTripTests {
    /// A random 2-bit expression over the 2-bit operands a and b.
    static func expression(_ rng: inout SplitMix64, depth: Int) -> String {
        if depth == 0 || rng.next() % 4 == 0 { return ["a", "b", "{a[0], b[1]}", "2'b10"][Int(rng.next() % 4)] }
        let l = expression(&rng, depth: depth - 1), r = expression(&rng, depth: depth - 1)
        switch rng.next() % 5 {
        case 0: return "~(\(l))"
        case 1: return "(\(l)) & (\(r))"
        case 2: return "(\(l)) | (\(r))"
        case 3: return "(\(l)) ^ (\(r))"
        default: return "(\(l)) ~^ (\(r))"
        }
    }

    static func parseBack(_ design: Design, file: String) throws -> Design {
        let text = try DesignWriter.checkedText(for: design, output: file)
        return try DesignParser.parse(text, file: file) { (n: String) throws(DesignError) -> Design in try BuiltinDesigns.design(named: n) }
    }

    @Test func importedVerilogParsesBackWithTheSameTable() throws {
        for seed in UInt64(1)...25 {
            var rng = SplitMix64(seed: seed)
            let hi = Self.expression(&rng, depth: 4), lo = Self.expression(&rng, depth: 4)
            let text = "module r(input [1:0] a, input [1:0] b, output [3:0] p);\nassign p = {\(hi), \(lo)};\nendmodule\n"
            let design = try VerilogImporter.design(text: text, file: "r\(seed).v")
            let back = try Self.parseBack(design, file: "r\(seed).axd")
            #expect(try back.truthTable().values == design.truthTable().values, "seed \(seed)")
        }
    }

    @Test func importedTextTablesParseBackWithTheSameTable() throws {
        for seed in UInt64(1)...25 {
            var rng = SplitMix64(seed: seed)
            let wa = 1 + Int(rng.next() % 3), wb = 1 + Int(rng.next() % 3)
            let rows = (0..<(1 << wa)).map { _ in (0..<(1 << wb)).map { _ in String(rng.next() % 1000) }.joined(separator: ",") }
            let table = try TableImport.text(rows.joined(separator: "\n"), path: "t\(seed).csv")
            let design = Design(name: "t\(seed)", summary: "random table", body: .table(table))
            let back = try Self.parseBack(design, file: "t\(seed).axd")
            #expect(try back.truthTable().values == table.values, "seed \(seed)")
        }
    }
}
