import Foundation
import Testing
import TestSupport
@testable import Circuits

/// Issue 29 item 4: EvoApproxLib's published PDK45 figures are read from the committed Verilog headers, its
/// exact multiplier (written with the library's PDKGEN cells and their trailing module definitions) imports
/// as an exact multiplier, and the gate-level model's area and switched loads are what a hand count gives.
struct EvoApproxCostTests {
    static let folder = TestEnvironment.repository.appendingPathComponent("specs/evoapproxlib/mul8u")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name + ".v"), encoding: .utf8)
    }

    @Test func headerFiguresAreTheFilesOwn() throws {
        let exact = try EvoApproxHeader.read(text: try Self.text("mul8u_1JFF"), file: "mul8u_1JFF.v")
        #expect(exact == EvoApproxHeader(powerMw: 0.391, areaUm2: 709.6, delayNs: 1.43, mrePct: 0))
        let approx = try EvoApproxHeader.read(text: try Self.text("mul8u_2AC"), file: "mul8u_2AC.v")
        #expect(approx.powerMw == 0.311 && approx.areaUm2 == 508.3 && approx.mrePct == 1.25)
        #expect(throws: VerilogError.self) { try EvoApproxHeader.read(text: "// MAE = 1\nmodule m(A, B, O);\n", file: "m.v") }
    }

    /// mul8u_1JFF is exact (its header: MRE 0 %): every one of the 65,536 products is a·b. The approximate
    /// mul8u_2AC's MRE over non-zero products is the header's 1.25 % to the header's two decimals.
    @Test func evoApproxFilesImportWithTheirCells() throws {
        let exact = try VerilogImporter.design(text: try Self.text("mul8u_1JFF"), file: "mul8u_1JFF.v")
        let table = try exact.truthTable()
        for a in 0..<256 { for b in 0..<256 where table[a, b] != UInt32(a * b) { Issue.record("\(a)·\(b) = \(table[a, b])"); return } }
        let approx = try VerilogImporter.design(text: try Self.text("mul8u_2AC"), file: "mul8u_2AC.v").truthTable()
        var sum = 0.0
        for a in 1..<256 { for b in 1..<256 { sum += abs(Double(approx[a, b]) - Double(a * b)) / Double(a * b) } }
        #expect(abs(100 * sum / 65025 - 1.25) < 0.005)
        #expect(throws: VerilogError.self) {
            try VerilogImporter.design(text: "module m(A, B, O); input [1:0] A; input [1:0] B; output [3:0] O; assign O = {A, B}; endmodule\nmodule x(); endmodule",
                                       file: "two.v")
        }
    }

    /// One AND of two 1-bit operands: area 1.064 µm²; the output toggles whenever a·b changes between
    /// consecutive stream pairs and drives one load (the product bit), so switched loads = 2 · changes / (n − 1).
    @Test func gateModelByHand() throws {
        let netlist = try Netlist(netNames: ["const0", "const1", "a", "b", "y"], operandA: Port(name: "A", nets: [2]),
                                  operandB: Port(name: "B", nets: [3]), product: Port(name: "O", nets: [4]),
                                  cells: [Cell(name: "g", kind: .and, inputs: [2, 3], outputs: [4])]).validated()
        let model = GateCostModel()
        #expect(try model.area(netlist) == 1.064)
        let pairs = model.power.uniformStream(widthA: 1, widthB: 1)
        let products = pairs.map { $0.0 & $0.1 }
        let changes = zip(products, products.dropFirst()).filter { $0 != $1 }.count
        let estimate = try model.estimate(netlist, reference: netlist)
        #expect(abs(estimate.switchedLoads - 2 * Double(changes) / Double(pairs.count - 1)) < 1e-12 && estimate.powerRel == 1)
        #expect(GateCostModel.area(.nand, inputs: 3) == 1.064 && GateCostModel.area(.lut6(LUTInit(0)), inputs: 6) == nil)
    }

    /// Writing the adders as gates keeps the function: mul8u_1JFF's expanded netlist is still exact.
    @Test func expandedAddersKeepTheFunction() throws {
        let design = try VerilogImporter.design(text: try Self.text("mul8u_1JFF"), file: "mul8u_1JFF.v")
        let netlist = try #require(design.gateNetlist)
        let expanded = try GateCostModel.expandingAdders(netlist).validated()
        #expect(!expanded.cells.contains { $0.kind == .fullAdder || $0.kind == .halfAdder })
        #expect(try expanded.truthTable().firstDifference(from: netlist.truthTable()) == nil)
    }
}
