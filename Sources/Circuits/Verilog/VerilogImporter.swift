/// Reads a flat gate-level Verilog module into a gate-level `Design`.
///
/// The first input vector in port order is the first operand (the multiplier's row operand) unless
/// `swapOperands` is set; the single output vector is the product. BUF cells and plain `assign x = y`
/// aliases are folded away, so the netlist holds only logic.
public enum VerilogImporter {
    /// The design read from Verilog text; `name` defaults to the module name. `signed` reads operands and
    /// product as two's complement (EvoApproxLib's `mul8s_*`); a port declared `signed` requires it.
    public static func design(text: String, file: String, name: String? = nil,
                              swapOperands: Bool = false, signed: Bool = false) throws(VerilogError) -> Design {
        var parser = try VerilogParser(text: text, file: file)
        try parser.parseModule()
        if let at = parser.signedPort, !signed {
            throw .unsupportedConstruct(construct: "a signed port without --signed (pass --signed to read the operands as two's complement)", location: at)
        }
        let (module, netlist) = (parser.moduleName, try parser.finish(swapOperands: swapOperands))
        let a = netlist.operandA, b = netlist.operandB
        let summary = "imported from \(file.split(separator: "/").last.map(String.init) ?? file) (module \(module)); "
            + "first operand \(a.name), second operand \(b.name)"
        return Design(name: name ?? module, summary: summary + (signed ? "; two's complement" : ""),
                      body: .netlists(NetlistViews(lut: nil, gates: netlist)), operands: signed ? .twosComplement : .unsigned)
    }

    /// The module name and its validated netlist.
    public static func netlist(text: String, file: String,
                               swapOperands: Bool = false) throws(VerilogError) -> (module: String, netlist: Netlist) {
        var parser = try VerilogParser(text: text, file: file)
        try parser.parseModule()
        return (parser.moduleName, try parser.finish(swapOperands: swapOperands))
    }
}

extension VerilogParser {
    /// Checks the interface and drivers, folds buffers, and returns the validated netlist.
    func finish(swapOperands: Bool) throws(VerilogError) -> Netlist {
        let moduleLocation = SourceLocation(file: file, line: tokens.first?.line ?? 1, column: 1)
        var inputs: [Signal] = [], outputs: [Signal] = []
        for name in portOrder {
            guard let s = signals[name], s.direction != .wire else {
                throw .badInterface(reason: "port '\(name)' is listed but never declared input or output", location: moduleLocation)
            }
            if s.direction == .input { inputs.append(s) } else { outputs.append(s) }
        }
        for s in signals.values where s.direction != .wire && !portOrder.contains(s.name) {
            throw .badInterface(reason: "'\(s.name)' is declared \(s.direction) but missing from the port list", location: s.location)
        }
        guard inputs.count == 2, outputs.count == 1 else {
            throw .badInterface(reason: "expected two input vectors (the operands) and one output vector (the product), found \(inputs.count) input(s) and \(outputs.count) output(s)", location: moduleLocation)
        }
        try checkDrivers(product: outputs[0])
        let (cells, substitute) = try foldBuffers()
        let ports = inputs.map { Port(name: $0.name, nets: $0.nets) }
        let product = Port(name: outputs[0].name, nets: outputs[0].nets.map(substitute))
        let netlist = Netlist(netNames: Self.uniqueNames(netNames), inputs: swapOperands ? ports.reversed() : ports,
                              product: product, cells: cells)
        do {
            return try netlist.validated()
        } catch {
            throw .invalidNetlist(error, file: file)
        }
    }

    /// Every net read by a cell, and every product bit, must have a driver.
    func checkDrivers(product: Signal) throws(VerilogError) {
        for (net, loc) in firstRead.sorted(by: { ($0.value.line, $0.key) < ($1.value.line, $1.key) }) where driver[net] == nil {
            throw .undriven(name: netNames[net], location: loc)
        }
        for (k, net) in product.nets.enumerated() where driver[net] == nil {
            let i = product.msb >= product.lsb ? product.lsb + k : product.lsb - k
            throw .undriven(name: "\(product.name)[\(i)]", location: product.location)
        }
    }

    /// Removes BUF cells, rewiring their readers to the buffer's source; reports a loop of buffers.
    func foldBuffers() throws(VerilogError) -> ([Cell], (NetID) -> NetID) {
        var source: [NetID: (NetID, SourceLocation?)] = [:]
        for cell in cells where cell.kind == .buf {
            if let out = cell.outputs[0] { source[out] = (cell.inputs[0], cell.location) }
        }
        var resolved: [NetID: NetID] = [:]
        for start in source.keys.sorted() {
            var net = start, steps = 0
            while let (next, loc) = source[net] {
                net = next
                steps += 1
                if steps > source.count {
                    let here = loc ?? SourceLocation(file: file, line: 0, column: 0)
                    throw .invalidNetlist(.combinationalCycle(path: [netNames[start], netNames[start]], location: here), file: file)
                }
            }
            resolved[start] = net
        }
        let substitute: (NetID) -> NetID = { resolved[$0] ?? $0 }
        let kept = cells.filter { $0.kind != .buf }.map { cell in
            var c = cell
            c.inputs = c.inputs.map(substitute)
            return c
        }
        return (kept, substitute)
    }

    /// Net names made unique (the first keeps its name, later ones get `_2`, `_3`, ...).
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { name in
            var candidate = name, k = 2
            while !seen.insert(candidate).inserted {
                candidate = "\(name)_\(k)"
                k += 1
            }
            return candidate
        }
    }
}
