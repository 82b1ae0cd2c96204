import Foundation
import Testing
import TestSupport
@testable import Circuits

/// Scratch folders for the tool tests. Whether iverilog and yosys run here is TestSupport's `.needs(.iverilog,
/// .yosys)`: skipped with the reason outside CI, a failure under CI.
enum VerilogTools {
    /// A fresh temporary directory for one test.
    static func temporaryDirectory(_ label: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("axmul-verilog-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// A reference adder for compositions in these tests: LL + (HL + LH) << N + HH << 2N from FA/HA gates.
/// (The real LUT+CARRY8 adder comes from the cost model; the tool checks apply to any adder netlist.)
enum TestAdder {
    static func netlist(n: Int) -> Netlist {
        var names = ["const0", "const1"]
        func fresh(_ name: String) -> NetID { names.append(name); return names.count - 1 }
        let ports = ["LL", "HL", "LH", "HH"].map { p in Port(name: p, nets: (0..<2 * n).map { fresh("\(p)\($0)") }) }
        var cells: [Cell] = []
        /// Ripple-adds two bit columns lists (LSB first) of equal length, returning length+1 bits.
        func add(_ x: [NetID], _ y: [NetID], _ tag: String) -> [NetID] {
            var carry = NetID.const0
            var sum: [NetID] = []
            for k in x.indices {
                let s = fresh("\(tag)s\(k)"), c = fresh("\(tag)c\(k)")
                cells.append(Cell(name: "\(tag)fa\(k)", kind: .fullAdder, inputs: [x[k], y[k], carry], outputs: [s, c]))
                sum.append(s)
                carry = c
            }
            return sum + [carry]
        }
        let zeros = { (k: Int) in [NetID](repeating: NetID.const0, count: k) }
        let w = 4 * n
        let ll = ports[0].nets + zeros(w - 2 * n)
        let hl = zeros(n) + ports[1].nets + zeros(w - 3 * n)
        let lh = zeros(n) + ports[2].nets + zeros(w - 3 * n)
        let hh = zeros(2 * n) + ports[3].nets
        let s1 = add(ll, hl, "x"), s2 = add(Array(s1.prefix(w)), lh, "y"), s3 = add(Array(s2.prefix(w)), hh, "z")
        return Netlist(netNames: names, inputs: ports, product: Port(name: "S", nets: Array(s3.prefix(w))), cells: cells)
    }

    static let provider: VerilogExporter.AdderProvider = { c in netlist(n: c.blockWidth) }
}

@Suite(.needs(.iverilog, .yosys))
struct VerilogToolTests {
    let tools = VerilogToolchain()

    /// Each SMApprox 4x4 netlist read straight from the specification's JSON (not the design files),
    /// simulated by Icarus with yosys's LUT6_2/CARRY4 models over all 256 pairs, matches the spec's table.
    /// (yosys counts of the same netlists are checked on the committed exports in VerilogExportToolTests.)
    @Test(arguments: 0..<4) func smapproxBlockSimulates(d: Int) throws {
        guard requireTools(.iverilog, .yosys) else { return }
        let design = try VerilogFixtures.smapproxDesign(d)
        var export = try VerilogExporter.export(design, view: .lut, adder: TestAdder.provider, characterise: false)
        // Expected outputs from the specification's table, not from our simulator.
        let spec = try VerilogFixtures.specTable(d)
        let table = TruthTable(widthA: 4, widthB: 4, outputWidth: 8) { UInt32(spec[Int($0)][Int($1)]) }
        let index = try need(export.files.firstIndex { $0.name == export.memoryFile })
        export.files[index].contents = VerilogTestbench.memory(table, top: export.top)
        let dir = try VerilogTools.temporaryDirectory("block\(d)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try export.write(to: dir)
        let sim = try tools.simulate(directory: dir, top: export.top)
        #expect(sim.passed, "\(sim.verdict)")
        #expect(sim.pairs == 256)
    }

    /// A wrong expectation must be caught: the testbench reports the first mismatching pair.
    @Test func testbenchReportsMismatch() throws {
        guard requireTools(.iverilog, .yosys) else { return }
        let design = try VerilogFixtures.smapproxDesign(2)
        var export = try VerilogExporter.export(design, view: .lut, adder: TestAdder.provider)
        // Expect the exact product instead of design 2's; the first wrong pair comes from the spec table.
        let spec = try VerilogFixtures.specTable(2)
        let first = try need((0..<256).first { spec[$0 >> 4][$0 & 15] != ($0 >> 4) * ($0 & 15) })
        let exact = TruthTable.exact(widthA: 4, widthB: 4)
        let index = try need(export.files.firstIndex { $0.name == export.memoryFile })
        export.files[index].contents = VerilogTestbench.memory(exact, top: export.top)
        let dir = try VerilogTools.temporaryDirectory("mismatch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try export.write(to: dir)
        let sim = try tools.simulate(directory: dir, top: export.top)
        #expect(!sim.passed)
        #expect(sim.verdict == "FAIL a=\(first >> 4) b=\(first & 15) got=\(spec[first >> 4][first & 15]) expected=\((first >> 4) * (first & 15))")
    }

    /// An 8x8 composition (blocks 3,3,3,0) with a different adder netlist (FA gates) simulates over all
    /// 65,536 pairs: the composition wiring does not depend on the adder's construction.
    @Test func compositionSimulatesAllPairs() throws {
        guard requireTools(.iverilog, .yosys) else { return }
        let b3 = try VerilogFixtures.smapproxDesign(3), b0 = try VerilogFixtures.smapproxDesign(0)
        let design = Design(name: "3330", body: .composition(try Composition(ll: b3, hl: b3, lh: b3, hh: b0)))
        let export = try VerilogExporter.export(design, view: .lut, adder: TestAdder.provider, characterise: false)
        let dir = try VerilogTools.temporaryDirectory("3330")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try export.write(to: dir)
        let sim = try tools.simulate(directory: dir, top: export.top)
        #expect(sim.passed, "\(sim.verdict)")
        #expect(sim.pairs == 65536)
    }
}
