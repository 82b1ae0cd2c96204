/// A cell type the importer accepts: its kind and the accepted names of each pin, in the kind's pin order.
struct VerilogCellSpec: Sendable {
    var kind: CellKind
    var inputs: [[String]]
    var outputs: [[String]]

    static let gateOutput = ["Y", "Z", "ZN", "O"]

    /// The supported cell library (docs/verilog.md lists the same table).
    static let library: [String: VerilogCellSpec] = {
        let two = [["A", "A1", "I0"], ["B", "A2", "I1"]]
        var table: [String: VerilogCellSpec] = [:]
        for (name, kind) in [("AND2", CellKind.and), ("OR2", .or), ("XOR2", .xor),
                             ("NAND2", .nand), ("NOR2", .nor), ("XNOR2", .xnor)] {
            table[name] = VerilogCellSpec(kind: kind, inputs: two, outputs: [gateOutput])
        }
        table["INV"] = VerilogCellSpec(kind: .not, inputs: [["A", "I"]], outputs: [gateOutput])
        table["BUF"] = VerilogCellSpec(kind: .buf, inputs: [["A", "I"]], outputs: [gateOutput])
        table["HA"] = VerilogCellSpec(kind: .halfAdder, inputs: [["A"], ["B"]], outputs: [["S", "SUM"], ["CO", "COUT"]])
        table["FA"] = VerilogCellSpec(kind: .fullAdder, inputs: [["A"], ["B"], ["CI", "CIN"]],
                                      outputs: [["S", "SUM"], ["CO", "COUT"]])
        // EvoApproxLib's generic 45 nm cells (its exact multipliers, e.g. mul8u_1JFF): PDKGEN<cell>X1.
        for name in ["AND2", "OR2", "XOR2", "NAND2", "NOR2", "XNOR2", "INV", "BUF"] { table["PDKGEN\(name)X1"] = table[name] }
        table["PDKGENHAX1"] = VerilogCellSpec(kind: .halfAdder, inputs: [["A"], ["B"]], outputs: [["YS"], ["YC"]])
        table["PDKGENFAX1"] = VerilogCellSpec(kind: .fullAdder, inputs: [["A"], ["B"], ["C"]], outputs: [["YS"], ["YC"]])
        return table
    }()

    static let primitives: [String: CellKind] = [
        "and": .and, "or": .or, "xor": .xor, "nand": .nand, "nor": .nor, "xnor": .xnor, "not": .not, "buf": .buf,
    ]
}

extension VerilogParser {
    /// `and [name] (out, in, in, ...) {, [name] (...)};` — output first, as in the Verilog standard.
    mutating func parsePrimitive(_ word: String) throws(VerilogError) {
        guard let kind = VerilogCellSpec.primitives[word] else { return }
        advance()
        if isSymbol("#") { throw .unsupportedConstruct(construct: "gate delay #", location: location()) }
        if isSymbol("(") && tokens[min(index + 1, tokens.count - 1)].kind == .identifier("strong0") {
            throw .unsupportedConstruct(construct: "drive strength", location: location())
        }
        repeat {
            let loc = location()
            var name: String?
            if case .identifier = current.kind { name = try identifier("an instance name") }
            try expect("(", "'(' opening the terminal list")
            let out = try parseLValue()
            guard out.count == 1 else { throw .widthMismatch(what: "output of '\(word)'", expected: 1, found: out.count, location: loc) }
            var ins: [NetID] = []
            while accept(",") {
                let e = try parseExpression()
                guard e.width == 1 else { throw .widthMismatch(what: "input of '\(word)'", expected: 1, found: e.width, location: loc) }
                ins += try elaborate(e, into: nil, location: loc)
            }
            try expect(")", "')' closing the terminal list")
            guard kind.inputArity.contains(ins.count) else {
                throw .widthMismatch(what: "inputs of '\(word)'", expected: kind.inputArity.lowerBound, found: ins.count, location: loc)
            }
            try addCell(kind, ins, out, name: try instanceName(name, location: loc), location: loc)
        } while accept(",")
        try expect(";", "';' after the gate")
    }

    /// `TYPE name (.PIN(expr), ...);` for a cell of the supported library.
    mutating func parseInstance(type: String) throws(VerilogError) {
        let loc = location()
        advance()
        guard let spec = VerilogCellSpec.library[type] else {
            if isSymbol("#") || isSymbol("(") || tokens[min(index + 1, tokens.count - 1)].kind == .symbol("(") {
                throw .unknownCell(type: type, location: loc)
            }
            throw .unsupportedConstruct(construct: type, location: loc)
        }
        if isSymbol("#") { throw .unsupportedConstruct(construct: "parameter override #(...) on \(type)", location: location()) }
        let name = try identifier("an instance name")
        try expect("(", "'(' opening the port connections")
        var connections: [String: (VerilogExpression?, [NetID]?, SourceLocation)] = [:]
        let outputPins = Set(spec.outputs.flatMap { $0 })
        if !isSymbol(")") {
            repeat {
                guard isSymbol(".") else { throw .unsupportedConstruct(construct: "positional port connection on \(type) (use .PIN(net))", location: location()) }
                advance()
                let pinLoc = location()
                let pin = try identifier("a pin name")
                try expect("(", "'(' after the pin name")
                guard connections[pin] == nil else { throw .badPin(cell: name, pin: pin, rule: "connected twice", location: pinLoc) }
                if isSymbol(")") {
                    connections[pin] = (nil, nil, pinLoc)
                } else if outputPins.contains(pin) {
                    connections[pin] = (nil, try parseLValue(), pinLoc)
                } else {
                    connections[pin] = (try parseExpression(), nil, pinLoc)
                }
                try expect(")", "')' closing the pin connection")
            } while accept(",")
        }
        try expect(")", "')' closing the port connections")
        try expect(";", "';' after the instance")
        try build(spec, type: type, name: name, connections: connections, location: loc)
    }

    private mutating func build(_ spec: VerilogCellSpec, type: String, name: String,
                                connections: [String: (VerilogExpression?, [NetID]?, SourceLocation)],
                                location loc: SourceLocation) throws(VerilogError) {
        let known = Set(spec.inputs.flatMap { $0 } + spec.outputs.flatMap { $0 })
        for (pin, c) in connections.sorted(by: { $0.key < $1.key }) where !known.contains(pin) {
            let pins = (spec.inputs + spec.outputs).map { $0.joined(separator: "/") }.joined(separator: ", ")
            throw .badPin(cell: name, pin: pin, rule: "\(type) has pins \(pins)", location: c.2)
        }
        var inputs: [NetID] = []
        for aliases in spec.inputs {
            let found = aliases.compactMap { connections[$0] }
            guard found.count == 1, let expr = found[0].0 else {
                throw .badPin(cell: name, pin: aliases[0], rule: found.count > 1 ? "connected twice under different names" : "input must be connected", location: found.first?.2 ?? loc)
            }
            guard expr.width == 1 else { throw .widthMismatch(what: "pin \(aliases[0]) of \(name)", expected: 1, found: expr.width, location: found[0].2) }
            inputs += try elaborate(expr, into: nil, location: found[0].2)
        }
        var outputs: [NetID?] = []
        for aliases in spec.outputs {
            let found = aliases.compactMap { connections[$0] }
            guard found.count <= 1 else { throw .badPin(cell: name, pin: aliases[0], rule: "connected twice under different names", location: found[1].2) }
            guard let nets = found.first?.1 else { outputs.append(nil); continue }
            guard nets.count == 1 else { throw .widthMismatch(what: "pin \(aliases[0]) of \(name)", expected: 1, found: nets.count, location: found[0].2) }
            outputs.append(nets[0])
        }
        try addCell(spec.kind, inputs, outputs, name: try instanceName(name, location: loc), location: loc)
    }

    /// A unique cell name: the instance name, or a generated one for an unnamed primitive.
    mutating func instanceName(_ name: String?, location loc: SourceLocation) throws(VerilogError) -> String {
        let chosen = name ?? "_g\(cells.count + 1)"
        guard cellNames.insert(chosen).inserted else {
            throw .syntax(expected: "a new instance name", found: "'\(chosen)', already used", location: loc)
        }
        return chosen
    }
}
