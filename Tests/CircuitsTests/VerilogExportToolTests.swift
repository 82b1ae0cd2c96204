import Foundation
import Testing
import TestSupport
@testable import Circuits

/// The committed verilog-export/ designs through the real tools: Icarus simulation over all pairs against
/// the toolkit's table (via the memory file), and yosys `synth_xilinx -family xcup` LUT counts.
@Suite(.needs(.iverilog, .yosys))
struct VerilogExportToolTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("verilog-export")

    static func designNames() -> [String] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("designs.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Copies one design's committed folder to a temporary directory (the tools write beside their inputs).
    func copy(_ name: String) throws -> String {
        let dir = try VerilogTools.temporaryDirectory(name)
        let source = Self.folder.appendingPathComponent(name).path
        for file in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: "\(dir)/\(file)")
        }
        return dir
    }

    /// The design the fast suite checks (an approximate 4x4 block with both views; each design costs about 7 s
    /// of tool start-ups, and VerilogToolTests simulates an 8x8 composition over all pairs); the long suite
    /// checks the others, each synthesised by yosys in both views.
    static let quick: Set<String> = ["smapprox4x4-2"]

    @Test(arguments: designNames().filter { quick.contains($0) })
    func exportedDesignSimulatesAndSynthesises(name: String) throws {
        try simulateAndSynthesise(name)
    }

    @Test(.long, arguments: designNames().filter { !quick.contains($0) })
    func everyOtherExportedDesignSimulatesAndSynthesises(name: String) throws {
        try simulateAndSynthesise(name)
    }

    func simulateAndSynthesise(_ name: String) throws {
        guard requireTools(.iverilog, .yosys) else { return }
        let design = try BuiltinDesigns.design(named: name)
        let cost = try CostModel().estimate(design, reference: nil)
        let dir = try copy(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tools = VerilogToolchain()
        for view in VerilogExporter.views(of: design) {
            let top = VerilogExporter.topName(design, view: view)
            if design.widthA + design.widthB <= VerilogTestbench.maxTotalWidth {
                let sim = try tools.simulate(directory: dir, top: top)
                #expect(sim.passed, "\(top): \(sim.verdict)")
                #expect(sim.pairs == 1 << (design.widthA + design.widthB))
                // The memory file the testbench checks against is the toolkit's truth table.
                let memory = try String(contentsOfFile: "\(dir)/\(top).mem", encoding: .utf8)
                #expect(memory == VerilogTestbench.memory(try design.truthTable(), top: top))
            }
            let synth = try tools.synthesize(file: "\(dir)/\(top).v", top: top)
            if view == .lut {
                #expect(synth.luts == cost.luts, "\(top): yosys \(synth.cells)")
                #expect(synth.carry4 + synth.carry8 == cost.carryCells)
            } else {
                #expect(synth.luts > 0, "\(top): the gate view synthesises to LUTs")
            }
        }
    }
}
