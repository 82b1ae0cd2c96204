/// Gate-level ASIC cost of a gate netlist (issue 29): cell area from a standard-cell library and switching
/// activity weighted by each net's load, for designs that are gate netlists (EvoApproxLib circuits from
/// `import-verilog`), where the FPGA toggle model (`PowerModel` on a yosys LUT mapping) measures a
/// different technology. `bench cost-model` checks it against EvoApproxLib's published PDK45 figures.
///
/// - Area: the sum of the cells' areas in the NanGate 45 nm Open Cell Library at X1 drive (µm²): INV 0.532,
///   BUF 0.798, NAND2/NOR2 0.798, AND2/OR2 1.064, XOR2/XNOR2 1.596, MUX2 1.862, HA 2.660, FA 4.256; each
///   further input of an AND/OR/NAND/NOR adds 0.266 (AND3 1.330, NAND3 1.064, as in the library) and of an
///   XOR/XNOR one more XOR2. The netlist is costed as written, without the logic optimisation a synthesis
///   tool would apply.
/// - Switched capacitance per operand pair: Σ over cell outputs of toggles × (1 + fanout), in units of one
///   input-pin load (the driver's own output counted as one load; a product bit as one load), on the same
///   seeded uniform stream as `PowerModel`. `powerRel` divides by the exact reference's.
public struct GateCostModel: Sendable, Equatable {
    public static let name = "gate (NanGate 45 nm X1 cell areas; toggles × (1 + fanout) per uniform operand pair)"
    public var power = PowerModel()

    public init() {}

    public struct Estimate: Sendable, Equatable, Codable {
        public var areaUm2: Double
        /// Mean switched capacitance per operand pair, in input-pin loads.
        public var switchedLoads: Double
        public var powerRel: Double?
        enum CodingKeys: String, CodingKey { case areaUm2 = "area_um2", switchedLoads = "switched_loads", powerRel = "power_rel" }
    }

    /// The estimate of gate netlist `netlist`; `reference` (the exact multiplier) gives `powerRel`.
    public func estimate(_ netlist: Netlist, reference: Netlist? = nil) throws(DesignError) -> Estimate {
        let loads = try switchedLoads(netlist)
        let rel = try reference.map { r throws(DesignError) in loads / (try switchedLoads(r)) }
        return Estimate(areaUm2: try area(netlist), switchedLoads: loads, powerRel: rel)
    }

    /// Σ cell areas (µm²); a LUT or carry cell has no gate-library area and is refused.
    public func area(_ netlist: Netlist) throws(DesignError) -> Double {
        var total = 0.0
        for cell in netlist.cells {
            guard let a = Self.area(cell.kind, inputs: cell.inputs.count) else {
                throw .unsupported(what: "cell \(cell.name), a \(cell.kind.keyword), in the gate model (it costs netlists of logic gates, not FPGA primitives)", location: cell.location)
            }
            total += a
        }
        return total
    }

    /// The NanGate 45 nm X1 area of a cell of `kind` with `inputs` inputs; nil for FPGA primitives.
    public static func area(_ kind: CellKind, inputs n: Int) -> Double? {
        let extra = Double(max(0, n - 2))
        switch kind {
        case .and, .or: return 1.064 + 0.266 * extra
        case .nand, .nor: return 0.798 + 0.266 * extra
        case .xor, .xnor: return 1.596 * (1 + extra)
        case .not: return 0.532
        case .buf: return 0.798
        case .mux2: return 1.862
        case .halfAdder: return 2.660
        case .fullAdder: return 4.256
        case .lut6, .lut6_2, .carry4, .carry8: return nil
        }
    }

    /// Mean over the stream's transitions of Σ toggles × (1 + fanout), on the netlist with its adder cells
    /// written as gates (`expandingAdders`), so a library's HA/FA cells switch their inside nodes as the same
    /// logic written as gates does.
    func switchedLoads(_ original: Netlist) throws(DesignError) -> Double {
        guard original.inputs.count >= 2 else { throw .unsupported(what: "a netlist without two operands in the gate model", location: nil) }
        let netlist = Self.expandingAdders(original)
        var fanout = [Int](repeating: 0, count: netlist.netCount)
        for cell in netlist.cells { for net in cell.inputs { fanout[net] += 1 } }
        for net in netlist.product.nets { fanout[net] += 1 }
        let pairs = power.uniformStream(widthA: netlist.inputs[0].width, widthB: netlist.inputs[1].width)
        let toggles = ToggleCounter.toggles(netlist, pairs: pairs)
        var loads = 0.0
        for (k, cell) in netlist.cells.enumerated() {
            let outs = cell.outputs.compactMap { $0 }
            guard !outs.isEmpty else { continue }
            let meanFanout = Double(outs.map { fanout[$0] }.reduce(0, +)) / Double(outs.count)
            loads += Double(toggles[k]) * (1 + meanFanout)
        }
        return loads / Double(max(1, pairs.count - 1))
    }

    /// `netlist` with every half adder written as S = A ⊕ B, CO = A·B and every full adder as X = A ⊕ B,
    /// S = X ⊕ CI, CO = A·B + X·CI (new nets for the inside nodes); other cells as they are, in order.
    static func expandingAdders(_ netlist: Netlist) -> Netlist {
        var n = netlist
        var cells: [Cell] = []
        func net(_ name: String) -> NetID { n.netNames.append(name); return n.netNames.count - 1 }
        for cell in netlist.cells {
            let (i, o) = (cell.inputs, cell.outputs)
            switch cell.kind {
            case .halfAdder:
                if let s = o[0] { cells.append(Cell(name: cell.name + ".s", kind: .xor, inputs: [i[0], i[1]], outputs: [s])) }
                if let c = o[1] { cells.append(Cell(name: cell.name + ".c", kind: .and, inputs: [i[0], i[1]], outputs: [c])) }
            case .fullAdder:
                let x = net(cell.name + ".x")
                cells.append(Cell(name: cell.name + ".x", kind: .xor, inputs: [i[0], i[1]], outputs: [x]))
                if let s = o[0] { cells.append(Cell(name: cell.name + ".s", kind: .xor, inputs: [x, i[2]], outputs: [s])) }
                if let c = o[1] {
                    let (g, p) = (net(cell.name + ".g"), net(cell.name + ".p"))
                    cells += [Cell(name: cell.name + ".g", kind: .and, inputs: [i[0], i[1]], outputs: [g]),
                              Cell(name: cell.name + ".p", kind: .and, inputs: [x, i[2]], outputs: [p]),
                              Cell(name: cell.name + ".c", kind: .or, inputs: [g, p], outputs: [c])]
                }
            default:
                cells.append(cell)
            }
        }
        n.cells = cells
        return n
    }
}
