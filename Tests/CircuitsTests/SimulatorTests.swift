import Testing
@testable import Circuits

@Suite struct SimulatorTests {
    /// A 2x2 exact multiplier from gates: p0 = a0b0, p1 = a1b0 ^ a0b1, p2/p3 from the carry.
    @Test func twoByTwoGateMultiplier() throws {
        // nets: 0,1 const; 2 a0, 3 a1, 4 b0, 5 b1, 6.. internal
        let names = ["const0", "const1", "a0", "a1", "b0", "b1", "p0", "x", "y", "p1", "c", "z", "p2", "p3"]
        let cells = [
            Cell(name: "g0", kind: .and, inputs: [2, 4], outputs: [6]),
            Cell(name: "g1", kind: .and, inputs: [3, 4], outputs: [7]),
            Cell(name: "g2", kind: .and, inputs: [2, 5], outputs: [8]),
            Cell(name: "h1", kind: .halfAdder, inputs: [7, 8], outputs: [9, 10]),
            Cell(name: "g3", kind: .and, inputs: [3, 5], outputs: [11]),
            Cell(name: "h2", kind: .halfAdder, inputs: [11, 10], outputs: [12, 13]),
        ]
        let n = Netlist(netNames: names, operandA: Port(name: "a", nets: [2, 3]), operandB: Port(name: "b", nets: [4, 5]),
                        product: Port(name: "p", nets: [6, 9, 12, 13]), cells: cells.reversed())
        let table = try n.truthTable()
        #expect(table.firstDifference(from: .exact(widthA: 2, widthB: 2)) == nil)
    }

    @Test func lutBitOrderMatchesSpecWorkedExample() {
        let lut = LUTInit(hex: "7888788880008000")!
        let k = LUTInit.address([true, true, false, false, true, true])
        #expect(k == 51)
        #expect(lut.o6(address: k))
        #expect(!lut.o5(address: k))
    }

    @Test func cycleIsReported() {
        let names = ["const0", "const1", "a0", "b0", "x", "y"]
        let cells = [
            Cell(name: "g0", kind: .and, inputs: [2, 5], outputs: [4]),
            Cell(name: "g1", kind: .and, inputs: [3, 4], outputs: [5]),
        ]
        let n = Netlist(netNames: names, operandA: Port(name: "a", nets: [2]), operandB: Port(name: "b", nets: [3]),
                        product: Port(name: "p", nets: [5]), cells: cells)
        #expect(throws: DesignError.self) { try n.validated() }
    }
}
