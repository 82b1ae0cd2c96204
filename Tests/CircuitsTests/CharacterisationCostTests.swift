import Foundation
import Testing
@testable import Circuits

@Suite struct CharacterisationCostTests {
    /// A LUT-mapped 2x2 exact multiplier: one LUT6 per product bit, INIT from the product bit over I0..I3 = a0 a1 b0 b1.
    func lutMultiplier2x2(name: String = "m2") throws -> Design {
        var cells: [Cell] = []
        for bit in 0..<4 {
            var initBits: UInt64 = 0
            for k in 0..<64 {
                let a = k & 3, b = (k >> 2) & 3
                if ((a * b) >> bit) & 1 == 1 { initBits |= 1 << UInt64(k) }
            }
            cells.append(Cell(name: "p\(bit)", kind: .lut6(LUTInit(initBits)), inputs: [2, 3, 4, 5, 0, 0], outputs: [6 + bit]))
        }
        let names = ["const0", "const1", "a0", "a1", "b0", "b1", "p0", "p1", "p2", "p3"]
        let n = Netlist(netNames: names, operandA: Port(name: "a", nets: [2, 3]), operandB: Port(name: "b", nets: [4, 5]),
                        product: Port(name: "p", nets: [6, 7, 8, 9]), cells: cells)
        return Design(name: name, body: .netlists(NetlistViews(lut: try n.validated(), gates: nil)))
    }

    @Test func compositionAdderAddsExactly() throws {
        for n in [2, 4, 8] {
            let adder = try CompositionAdder.netlist(blockWidth: n).validated()
            let sim = BitParallelSimulator(adder)
            var rng = SplitMix64(seed: UInt64(n))
            let top = UInt64(1) << UInt64(2 * n) - 1
            var vectors: [[UInt64]] = [[0, 0, 0, 0], [top, top, top, top], [top, 0, top, 0], [0, top, 0, top], [1, top, top, 1]]
            while vectors.count < 64 { vectors.append((0..<4).map { _ in rng.next() & top }) }
            var nets = [UInt64](repeating: 0, count: adder.netCount)
            nets[1] = ~0
            for (p, port) in adder.inputs.enumerated() {
                for (bit, net) in port.nets.enumerated() {
                    nets[net] = vectors.enumerated().reduce(0) { $0 | ((($1.1[p] >> UInt64(bit)) & 1) << UInt64($1.0)) }
                }
            }
            sim.evaluateCells(&nets)
            for (lane, v) in vectors.enumerated() {
                let got = adder.product.nets.enumerated().reduce(UInt64(0)) { $0 | (((nets[$1.1] >> UInt64(lane)) & 1) << UInt64($1.0)) }
                let want = v[0] + (v[1] + v[2]) << UInt64(n) + v[3] << UInt64(2 * n)
                #expect(got == want, "n=\(n) inputs \(v): \(got) ≠ \(want)")
            }
            #expect(adder.cells.allSatisfy { $0.kind.isFPGAPrimitive })
        }
    }

    @Test func compositionCostCountsBlocksPlusAdder() throws {
        let m = try lutMultiplier2x2()
        let c = Design(name: "c4", body: .composition(try Composition(ll: m, hl: m, lh: m, hh: m)))
        let flat = try #require(try LUTFlattener.flatten(c))
        #expect(try m.truthTable().firstDifference(from: .exact(widthA: 2, widthB: 2)) == nil)
        let diff = try flat.truthTable().firstDifference(from: .exact(widthA: 4, widthB: 4))
        #expect(diff == nil, "\(String(describing: diff))")
        let cost = try CostModel().estimate(c, reference: c)
        // 4 blocks × 4 LUTs + adder: stage 1 = 2n = 4 LUTs, stage 2 = 3n = 6 LUTs; one CARRY8 per stage.
        #expect(cost.luts == 26)
        #expect(cost.carryCells == 2)
        #expect(cost.powerRel == 1)
        #expect((cost.lutLevels ?? 0) == 3)   // block LUT → stage-1 LUT → stage-2 LUT
        #expect((cost.delayNs ?? 0) > 3 * 0.425)
        #expect((cost.powerMw ?? 0) > 0)
    }

    /// A composition of compositions (16x16 of 8x8 of 2x2 here: 8x8 of 4x4 of 2x2) flattens and stays exact.
    @Test func nestedCompositionFlattens() throws {
        let m = try lutMultiplier2x2()
        let c4 = Design(name: "c4", body: .composition(try Composition(ll: m, hl: m, lh: m, hh: m)))
        let c8 = Design(name: "c8", body: .composition(try Composition(ll: c4, hl: c4, lh: c4, hh: c4)))
        let flat = try #require(try LUTFlattener.flatten(c8))
        #expect(flat.product.width == 16)
        #expect(try flat.truthTable().firstDifference(from: .exact(widthA: 8, widthB: 8)) == nil)
        // 4 × 26 (each 4x4) + adder for n = 4: 8 + 12 LUTs.
        #expect(flat.lutCount == 4 * 26 + 20)
    }

    /// Without synthesis a formula has no cost, and the note says why; an imported table never has one.
    @Test func formulaDesignsWithoutSynthesisHaveNullCostAndAReason() throws {
        let cost = try CostModel().estimate(Design(name: "d", body: .formula(.drum(width: 8, k: 4))), reference: nil)
        #expect(!cost.isKnown)
        #expect(cost.note?.contains("yosys") == true)
        let json = try #require(String(data: JSONEncoder().encode(cost), encoding: .utf8))
        for key in ["luts", "carry_cells", "lut_levels", "delay_ns", "power_mw", "power_rel"] { #expect(json.contains("\"\(key)\":null")) }
        var synth = CostModel()
        synth.synthesis = YosysCostSynthesis(cacheFolder: nil)
        let table = try synth.estimate(Design(name: "t", body: .table(.exact(widthA: 2, widthB: 2))), reference: nil)
        #expect(!table.isKnown)
        #expect(table.note?.contains("no circuit") == true)
    }

    /// Toggles: a 1-bit buffer-like LUT fed 0,1,1,0,1 toggles 3 times.
    @Test func toggleCountingByHand() throws {
        let names = ["const0", "const1", "a0", "b0", "p"]
        let cell = Cell(name: "and", kind: .lut6(LUTInit(0x8888_8888_8888_8888)), inputs: [2, 3, 0, 0, 0, 0], outputs: [4])
        let n = try Netlist(netNames: names, operandA: Port(name: "a", nets: [2]), operandB: Port(name: "b", nets: [3]),
                            product: Port(name: "p", nets: [4]), cells: [cell]).validated()
        let pairs: [(UInt64, UInt64)] = [(0, 1), (1, 1), (1, 1), (1, 0), (1, 1)] + Array(repeating: (1, 1), count: 70) + [(0, 0)]
        #expect(ToggleCounter.toggles(n, pairs: pairs) == [4])
    }

    @Test func jsonHasTheInterfaceKeys() throws {
        let m = try lutMultiplier2x2()
        let c = Design(name: "c4", body: .composition(try Composition(ll: m, hl: m, lh: m, hh: m)))
        let result = try Characteriser().characterise(c, reference: c)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode([result])) as? [[String: Any]]
        let first = try #require(object?.first)
        #expect(Set(first.keys) == ["name", "width", "unsigned", "magnitude", "cost"])
        let metricKeys: Set = ["ep_pct", "mae", "mae_pct", "wce", "wce_pct", "mse", "mre_pct", "mre_nonzero_pct", "wcre_pct", "bias", "sd", "nmed"]
        #expect(Set((first["unsigned"] as? [String: Any])?.keys ?? [:].keys) == metricKeys)
        #expect(Set((first["magnitude"] as? [String: Any])?.keys ?? [:].keys) == metricKeys)
        #expect(Set((first["cost"] as? [String: Any])?.keys ?? [:].keys) == ["luts", "carry_cells", "lut_levels", "delay_ns", "power_mw", "power_rel", "source", "note", "cost_model"])
        #expect((first["cost"] as? [String: Any])?["cost_model"] as? String == "fpga-toggle", "every cost says its model (issue 29)")
        let none = try JSONSerialization.jsonObject(with: JSONEncoder().encode(CostEstimate.unavailable("x"))) as? [String: Any]
        #expect(none?["cost_model"] is NSNull, "no figures, no model")
    }
}
