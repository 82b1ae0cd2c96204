/// Flattens a design into one LUT-level netlist: netlist designs give their LUT view, compositions
/// instantiate their blocks and the `CompositionAdder`. Formula, table and gate-only designs give nil.
public enum LUTFlattener {
    public static func flatten(_ design: Design) throws(DesignError) -> Netlist? {
        var b = Builder()
        let a = (0..<design.widthA).map { b.fresh("a[\($0)]") }
        let bb = (0..<design.widthB).map { b.fresh("b[\($0)]") }
        guard let product = try instantiate(design, a: a, b: bb, prefix: "", builder: &b) else { return nil }
        let p = Array(product.prefix(design.outputWidth))
        let netlist = Netlist(netNames: b.names, operandA: Port(name: "a", nets: a), operandB: Port(name: "b", nets: bb),
                              product: Port(name: "p", nets: p), cells: b.cells)
        return try netlist.validated()
    }

    struct Builder {
        var names = ["const0", "const1"]
        var cells: [Cell] = []
        mutating func fresh(_ name: String) -> NetID {
            names.append(name)
            return names.count - 1
        }
    }

    /// Adds `design` driven by nets a, b; returns its product nets, or nil without a LUT mapping.
    static func instantiate(_ design: Design, a: [NetID], b: [NetID], prefix: String,
                            builder: inout Builder) throws(DesignError) -> [NetID]? {
        switch design.body {
        case .netlists(let views):
            guard let lut = views.lut, lut.isLUTMapped else { return nil }
            return embed(try lut.validated(), inputs: [a, b], prefix: prefix, builder: &builder)
        case .composition(let c):
            let n = c.blockWidth
            let al = Array(a[0..<n]), ah = Array(a[n...]), bl = Array(b[0..<n]), bh = Array(b[n...])
            var partials: [[NetID]] = []
            for (k, (x, y)) in [(al, bl), (ah, bl), (al, bh), (ah, bh)].enumerated() {
                guard var p = try instantiate(c.blocks[k], a: x, b: y, prefix: "\(prefix)\(["LL", "HL", "LH", "HH"][k])/",
                                              builder: &builder) else { return nil }
                guard p.count <= 2 * n else {
                    throw .unsupported(what: "block '\(c.blocks[k].name)' has a \(p.count)-bit product; a composition adder takes \(2 * n) bits", location: nil)
                }
                p += [NetID](repeating: .const0, count: 2 * n - p.count)
                partials.append(p)
            }
            // The adder's top bit (final carry) is left unread: a composition's product is 4n bits.
            let sum = embed(CompositionAdder.netlist(blockWidth: n), inputs: partials, prefix: "\(prefix)adder/", builder: &builder)
            return Array(sum.prefix(design.outputWidth))
        case .formula, .table:
            return nil
        }
    }

    /// Copies `sub` into the builder with its input ports bound to `inputs`; returns its output nets.
    static func embed(_ sub: Netlist, inputs: [[NetID]], prefix: String, builder: inout Builder) -> [NetID] {
        var map = [NetID](repeating: -1, count: sub.netCount)
        map[NetID.const0] = .const0
        map[NetID.const1] = .const1
        for (port, nets) in zip(sub.inputs, inputs) {
            for (i, net) in port.nets.enumerated() { map[net] = i < nets.count ? nets[i] : .const0 }
        }
        func mapped(_ net: NetID) -> NetID {
            if map[net] < 0 { map[net] = builder.fresh(prefix + sub.netNames[net]) }
            return map[net]
        }
        for cell in sub.cells {
            let ins = cell.inputs.map(mapped)
            let outs = cell.outputs.map { $0.map(mapped) }
            builder.cells.append(Cell(name: prefix + cell.name, kind: cell.kind, inputs: ins, outputs: outs))
        }
        return sub.product.nets.map(mapped)
    }
}
