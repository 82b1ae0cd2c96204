import Circuits
import Foundation
import Testing

/// The committed `verilog-export/` files must equal what the exporter writes now.
/// Regenerate them with `scripts/export-verilog` (or `AXMUL_RECORD_GOLDEN=1 swift test --filter VerilogGolden`).
@Suite struct VerilogGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("verilog-export")

    /// The design names listed in verilog-export/designs.txt.
    static func designNames() throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("designs.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    @Test func listCoversTheBasesAndRequiredCompositions() throws {
        let names = Set(try Self.designNames())
        let required = (0..<4).map { "smapprox4x4-\($0)" }
            + ["0000", "1100", "2200", "3300", "1110", "3330", "2220", "3333", "2222"].map { "smapprox8x8-\($0)" }
        #expect(names.isSuperset(of: required), "missing: \(Set(required).subtracting(names).sorted())")
    }

    @Test(arguments: try designNames()) func committedFilesMatchTheExporter(name: String) throws {
        let design = try BuiltinDesigns.design(named: name)
        let exports = try VerilogExporter.exportAll(design)
        let dir = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["AXMUL_RECORD_GOLDEN"] != nil {
            try? FileManager.default.removeItem(at: dir)
            for export in exports { try export.write(to: dir.path) }
        }
        let expected = Set(exports.flatMap { $0.files.map(\.name) })
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
        #expect(present == expected, "\(name): stale or missing files; run scripts/export-verilog")
        for file in exports.flatMap(\.files) {
            let committed = (try? String(contentsOf: dir.appendingPathComponent(file.name), encoding: .utf8)) ?? ""
            if committed != file.contents {
                let a = committed.split(separator: "\n", omittingEmptySubsequences: false)
                let b = file.contents.split(separator: "\n", omittingEmptySubsequences: false)
                let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
                Issue.record("\(name)/\(file.name) differs from the exporter at line \(line + 1); run scripts/export-verilog")
            }
        }
    }

    /// The exported LUT and carry counts equal the cost model's `luts` and `carry_cells` (incl. the adder).
    @Test(arguments: try designNames()) func exportedCountsMatchCostModel(name: String) throws {
        let design = try BuiltinDesigns.design(named: name)
        let export = try VerilogExporter.export(design, view: .lut, characterise: false)
        let cost = try CostModel().estimate(design, reference: nil)
        #expect(export.luts == cost.luts)
        #expect(export.carry4 + export.carry8 == cost.carryCells)
    }
}
