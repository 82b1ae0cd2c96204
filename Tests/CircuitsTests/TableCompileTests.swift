import Foundation
import Testing
import TableFormat
@testable import Circuits

@Suite struct TableCompileTests {
    /// compile → serialise → read round trip for every built-in 8x8 design: the read table equals the design.
    @Test func roundTripEveryBuiltin8x8() throws {
        let names = BuiltinDesigns.catalog.filter { $0.width == 8 }.map(\.name)
        #expect(names.count >= 256)
        // Two workers (debug builds are slow); each checks every value of its designs.
        let failures = ParallelChunks.map(count: 2) { half in
            names.enumerated().filter { $0.offset % 2 == half }.compactMap { (_, name) -> String? in
                do {
                    let design = try BuiltinDesigns.design(named: name)
                    let truth = try design.truthTable()
                    let compiled = try TableCompiler.compile(design, table: truth)
                    let back = try LookupTable(bytes: compiled.serialized(), path: name)
                    try back.require(widthA: 8, widthB: 8, encoding: .signMagnitude, path: name)
                    return back == compiled && back.name == name ? nil : "\(name): read table differs from the compiled one"
                } catch {
                    return "\(name): \(error)"
                }
            }
        }
        #expect(failures.joined().isEmpty, "\(failures.joined().prefix(5))")
    }

    /// The compiled values are the design's products (checked value by value on a few designs).
    @Test(arguments: ["smapprox8x8-1230", "smapprox8x8-3333", "drum8-k3", "exact8"])
    func compiledValuesAreTheProducts(_ name: String) throws {
        let design = try BuiltinDesigns.design(named: name)
        let truth = try design.truthTable()
        let t = try TableCompiler.compile(design)
        for (a, b) in [(0, 0), (255, 255), (128, 128), (200, 113), (55, 107), (107, 55), (1, 254)] {
            #expect(t[a, b] == Int64(truth[a, b]), "\(name) \(a)x\(b)")
        }
        #expect(zip(t.values, truth.values).allSatisfy { $0 == Int64($1) })
    }

    @Test func twosComplementAppliesSigns() throws {
        let design = Design(name: "k", body: .formula(.kulkarni(width: 4)))
        let t = try TableCompiler.compile(design, encoding: .twosComplement)
        #expect(t.outputType == .int32)
        // −5 = 0b1011, 3 = 0b0011: −(5·3) exactly (Kulkarni is exact here: no 2-bit block sees 3·3).
        #expect(t[0b1011, 0b0011] == -15)
        // −8 · −8 = +64 computed as M(8, 8); 2-bit blocks of 8 are (0, 2): exact.
        #expect(t[0b1000, 0b1000] == 64)
        // 7 · 7: Kulkarni(7,7) = 7·7 − 2 (the 3·3 low block) = 47.
        #expect(t[7, 7] == 47)
        #expect(t.metadata["route"] == "formula")
    }

    @Test func compositionRouteMetadata() throws {
        let t = try TableCompiler.compile(try BuiltinDesigns.design(named: "smapprox8x8-1230"))
        #expect(t.metadata["route"] == "block4")
        #expect(t.encoding == .signMagnitude && t.rowOperand == .first)
    }

    @Test func exportImportRoundTrips() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axlut-x-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = try BuiltinDesigns.design(named: "smapprox8x8-2213")
        let truth = try design.truthTable()
        for format in TableExchangeFormat.allCases {
            let path = dir.appendingPathComponent("t.\(format.rawValue)").path
            try TableExchange.export(truth, format: format, to: path)
            let back = try TableExchange.importDesign(path: path, format: format, name: "imported")
            #expect(try back.truthTable().values == truth.values, "\(format)")
        }
        // tfapprox layout: 65,536 uint16 LE, index a·256 + b.
        let raw = [UInt8](try TableExchange.export(truth, format: .tfapprox))
        let (a, b) = (200, 113)
        #expect(raw.count == 131_072)
        #expect(UInt32(raw[2 * (a * 256 + b)]) | UInt32(raw[2 * (a * 256 + b) + 1]) << 8 == truth[a, b])
    }

    @Test func importRejectsBadFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axlut-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        for format in TableExchangeFormat.allCases {
            #expect(throws: DesignError.self) { try TableExchange.importDesign(path: path, format: format, name: "x") }
        }
    }
}
