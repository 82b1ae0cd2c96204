import Testing
@testable import Circuits

@Suite struct VerilogImportTests {
    func importFixture(_ name: String, swap: Bool = false) throws -> Design {
        try VerilogImporter.design(text: try VerilogFixtures.text(name), file: name, swapOperands: swap)
    }

    /// Compares a design's table with `expected(a, b)` over every pair, reporting the first difference.
    func expectTable(_ design: Design, _ expected: (Int, Int) -> Int) throws {
        let table = try design.truthTable()
        for a in 0..<table.rows {
            for b in 0..<table.columns where Int(table[a, b]) != expected(a, b) {
                Issue.record("\(design.name): a=\(a) b=\(b) got \(table[a, b]) expected \(expected(a, b))")
                return
            }
        }
    }

    @Test func exact2x2FromAssigns() throws {
        let d = try importFixture("mult2x2.v")
        #expect(d.name == "mult2x2")
        #expect(d.widthA == 2 && d.widthB == 2 && d.outputWidth == 4)
        #expect(d.gateNetlist?.operandA.name == "A")
        try expectTable(d) { $0 * $1 }
    }

    /// The partial product x3·y3 has weight 64, so the table is a·b − 64·a3·b3.
    @Test func array4x4WithOnePartialProductRemoved() throws {
        let d = try importFixture("array4x4_drop_a3b3.v")
        #expect(d.widthA == 4 && d.outputWidth == 8)
        try expectTable(d) { a, b in a * b - 64 * ((a >> 3) & (b >> 3) & 1) }
        #expect(try d.truthTable()[15, 15] == 225 - 64)
    }

    @Test func cellInstances3x3() throws {
        let d = try importFixture("cells3x3.v")
        #expect(d.widthA == 3 && d.outputWidth == 6)
        try expectTable(d) { $0 * $1 }
        let kinds = Set(d.gateNetlist?.cells.map(\.kind.keyword) ?? [])
        #expect(kinds.isSuperset(of: ["AND", "NAND", "NOT", "HA", "FA", "XOR", "OR"]))
        #expect(!kinds.contains("BUF"), "buffers are folded away")
    }

    /// A non-commutative function shows which vector is the first operand, and that the swap works.
    @Test func operandOrderAndSwap() throws {
        let text = """
        module m (input [1:0] A, input [1:0] B, output [1:0] O);
            assign O = A & ~B;
        endmodule
        """
        let plain = try VerilogImporter.design(text: text, file: "m.v")
        try expectTable(plain) { a, b in a & ~b & 3 }
        let swapped = try VerilogImporter.design(text: text, file: "m.v", name: "m_swapped", swapOperands: true)
        #expect(swapped.name == "m_swapped")
        #expect(swapped.gateNetlist?.operandA.name == "B")
        try expectTable(swapped) { a, b in b & ~a & 3 }
    }

    @Test func vectorOperatorsConstantsAndXnor() throws {
        let text = """
        module v (a, b, p);
          input [2:0] a; input [2:0] b; output [3:0] p;
          wire [2:0] t = (a ~^ b) | 3'b100;
          assign p = {a[2] ^~ b[0], t & ~{1'b0, b[1:0]}};
        endmodule
        """
        let d = try VerilogImporter.design(text: text, file: "v.v")
        try expectTable(d) { a, b in
            let t = (~(a ^ b) & 7) | 4
            let hi = ~(((a >> 2) ^ b) & 1) & 1
            return hi << 3 | (t & ~(b & 3) & 7)
        }
    }

    /// Export of every gate-level design, imported again, gives the same table.
    @Test func roundTripOfGateLevelDesigns() throws {
        var designs = try ["mult2x2.v", "array4x4_drop_a3b3.v", "cells3x3.v"].map { try importFixture($0) }
        designs += BuiltinDesigns.catalog.compactMap { try? BuiltinDesigns.design(named: $0.name) }
            .filter { $0.gateNetlist != nil }
        #expect(designs.count >= 7, "the SMApprox bases have gate views")
        for design in designs {
            let export = try VerilogExporter.export(design, view: .gates, characterise: false)
            let text = try #require(export.files.first { $0.name == export.designFile }?.contents)
            let back = try VerilogImporter.design(text: text, file: export.designFile)
            let difference = try back.truthTable().firstDifference(from: try design.truthTable())
            #expect(difference == nil, "\(design.name): \(String(describing: difference))")
            #expect(back.widthA == design.widthA && back.widthB == design.widthB)
        }
    }
}
