import Foundation
import TableFormat
import Testing
import TestSupport
@testable import Circuits

/// Costs of designs without a LUT mapping, from yosys `synth_xilinx` (docs/cost-model.md, "Synthesised cost").
/// Under CI a missing yosys fails these tests (`.needs(.iverilog, .yosys)`), never skips them.
@Suite(.serialized) struct SynthesisCostTests {
    static func model(cache: String) -> CostModel {
        var m = CostModel()
        m.synthesis = YosysCostSynthesis(cacheFolder: cache)
        return m
    }

    /// DRUM k=4, 8-bit: the LUT and carry counts equal those of an independent yosys run (its `stat`, through
    /// `VerilogToolchain.synthesize`, not our JSON reader) on the same source; delay and power follow from the
    /// same models as LUT-mapped designs, applied to the mapped netlist; the netlist computes DRUM exactly.
    /// (`stat` runs in the same yosys script as the synthesis, so the counts are yosys's own.)
    @Test(.needs(.iverilog, .yosys), .long)
    func drumK4CostMatchesAYosysRun() throws {
        guard requireTools(.iverilog, .yosys) else { return }
        let dir = try VerilogTools.temporaryDirectory("drum-cost")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let drum = try BuiltinDesigns.design(named: "drum8-k4")
        let model = Self.model(cache: dir + "/cache")
        let cost = try model.estimate(drum, reference: drum.exactReference())
        #expect(cost.source == CostEstimate.yosysSource)

        let verilog = try #require(try SynthesisSource.verilog(drum, top: "drum_check"))
        try verilog.write(toFile: dir + "/drum_check.v", atomically: true, encoding: .utf8)
        let stat = try Self.yosysCounts(dir: dir, top: "drum_check")
        #expect(stat.luts > 0)
        #expect(cost.luts == stat.luts, "our reader vs yosys stat")
        #expect(cost.carryCells == stat.carries)

        let netlist = try #require(try model.synthesis?.mappedNetlist(drum))
        #expect(try netlist.truthTable().firstDifference(from: drum.truthTable()) == nil)
        let (levels, delay) = model.timing.analyse(netlist)
        #expect(cost.lutLevels == levels && cost.delayNs == delay)
        #expect(cost.powerMw == model.power.powerMw(netlist, pairs: model.power.uniformStream(widthA: 8, widthB: 8)))
        // DRUM(4) keeps a 4x4 product of the mantissas: cheaper than the synthesised exact 8x8 array.
        let rel = try #require(cost.powerRel)
        #expect(rel > 0 && rel < 1)
    }

    /// yosys `stat` counts with the options of `YosysCostSynthesis.script` (LUT cells, INV counted as a LUT1).
    static func yosysCounts(dir: String, top: String) throws -> (luts: Int, carries: Int) {
        let script = "read_verilog \(top).v; " + YosysCostSynthesis(cacheFolder: nil).script(top: top) + "; tee -q -o stat.json stat -json"
        _ = try VerilogToolchain().run("yosys", ["-q", "-p", script], in: dir)
        let data = try #require(FileManager.default.contents(atPath: dir + "/stat.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let modules = try #require(json["modules"] as? [String: Any])
        let m = try #require(modules.values.first as? [String: Any])
        let counts = try #require(m["num_cells_by_type"] as? [String: Int])
        let luts = counts.filter { $0.key.hasPrefix("LUT") || $0.key == "INV" }.map(\.value).reduce(0, +)
        return (luts, (counts["CARRY4"] ?? 0) + (counts["CARRY8"] ?? 0))
    }

    /// The second estimate reads the cache instead of running yosys: a damaged cache entry is reported, not redone.
    @Test(.needs(.iverilog, .yosys))
    func repeatedCostReadsTheCache() throws {
        guard requireTools(.iverilog, .yosys) else { return }
        let dir = try VerilogTools.temporaryDirectory("synth-cache")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let design = Design(name: "t", body: .formula(.truncated(width: 4, t: 3)))
        let model = Self.model(cache: dir)
        let first = try model.estimate(design, reference: nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("synth-") }
        #expect(files.count == 2, "the design and the synthesised exact 4x4 reference")
        let entry = try #require(files.first { $0.contains(FNV1a64.hex(design.contentHash)) })
        #expect(try model.estimate(design, reference: nil) == first)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: dir + "/" + entry))
        let damaged = try model.estimate(design, reference: nil)
        #expect(!damaged.isKnown)
        #expect(damaged.note?.contains("not a yosys JSON netlist") == true)
    }

    /// Every formula family and a gate-only netlist synthesise to a netlist that computes the design exactly.
    @Test(.needs(.iverilog, .yosys), .long)
    func everyFamilySynthesisesToItsFunction() throws {
        guard requireTools(.iverilog, .yosys) else { return }
        let dir = try VerilogTools.temporaryDirectory("families")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let synthesis = YosysCostSynthesis(cacheFolder: dir)
        let gates = try #require(try BuiltinDesigns.design(named: "smapprox4x4-2").gateNetlist)
        let designs = [Formula.drum(width: 6, k: 3), .mitchell(width: 6), .kulkarni(width: 4), .truncated(width: 6, t: 4), .exact(width: 5)]
            .map { Design(name: "f", body: .formula($0)) } + [Design(name: "g", body: .netlists(NetlistViews(lut: nil, gates: gates)))]
        for d in designs {
            // mappedNetlist checks every operand pair against the design's table and throws on a difference.
            let n = try #require(try synthesis.mappedNetlist(d))
            #expect(n.isLUTMapped && n.lutCount > 0, "\(d.body)")
        }
    }
}
