extension DesignFileParser {
    /// Parses `view lut|gates` up to its `end` into a validated netlist.
    mutating func parseView(_ line: DesignLine) throws(DesignError) {
        guard line.tokens.count == 2, ["lut", "gates"].contains(line.tokens[1].text) else {
            let found = line.tokens.count > 1 ? "'\(line.tokens[1].text)'" : "end of line"
            throw syntax("'view lut' or 'view gates'", found: found, at: line.tokens.last ?? line.keyword)
        }
        let kind = line.tokens[1].text
        if (kind == "lut" && lutView != nil) || (kind == "gates" && gateView != nil) {
            throw .duplicateName(name: "view \(kind)", location: line.tokens[1].location(file))
        }
        try claimBody(line, isView: true)
        guard let inputs, let output else {
            throw syntax("'inputs' and 'output' declared before the first 'view'", found: "'view'", at: line.keyword)
        }
        var builder = ViewBuilder(file: file, view: kind, inputs: inputs, output: output)
        while index < lines.count {
            let inner = lines[index]
            index += 1
            switch inner.keyword.text {
            case "cell": try builder.addCell(inner)
            case "assign": try builder.addAssign(inner)
            case "end":
                let netlist = try builder.finish(at: inner.keyword)
                if kind == "lut" { lutView = netlist } else { gateView = netlist }
                return
            default:
                throw syntax("'cell', 'assign' or 'end' inside 'view \(kind)'", found: "'\(inner.keyword.text)'",
                             at: inner.keyword)
            }
        }
        let last = lines.last?.tokens.last ?? line.keyword
        throw syntax("'end' closing the 'view \(kind)' opened at line \(line.number)", found: "end of file", at: last)
    }
}

/// Collects the cells, nets and output assignments of one view.
struct ViewBuilder {
    let file: String
    let view: String
    let output: PortDeclaration
    var ports: [Port] = []
    var netNames = ["const0", "const1"]
    var ids: [String: NetID] = [:]
    var cells: [Cell] = []
    var cellNames: Set<String> = []
    var driven: Set<NetID> = [NetID.const0, NetID.const1]
    var assigned: [(net: NetID, token: DesignToken)?]

    init(file: String, view: String, inputs: [PortDeclaration], output: PortDeclaration) {
        self.file = file
        self.view = view
        self.output = output
        assigned = Array(repeating: nil, count: output.width)
        for port in inputs {
            let nets = (0..<port.width).map { bit in newNet("\(port.name)\(bit)") }
            ports.append(Port(name: port.name, nets: nets))
            driven.formUnion(nets)
        }
    }

    private mutating func newNet(_ name: String) -> NetID {
        let id = netNames.count
        netNames.append(name)
        ids[name] = id
        return id
    }

    /// The net a token names, created on first use; `-` (allowed only for outputs) gives nil.
    mutating func net(_ token: DesignToken, isOutput: Bool = false) throws(DesignError) -> NetID? {
        if token.text == "-" {
            if isOutput { return nil }
            throw .syntax(expected: "a net name or constant 0/1 (only outputs may be '-')", found: "'-'",
                          location: token.location(file))
        }
        if let constant = NetNames.constant(token.text) {
            if isOutput {
                throw .syntax(expected: "a net name or '-' for a cell output", found: "constant '\(token.text)'",
                              location: token.location(file))
            }
            return constant
        }
        let name = NetNames.canonical(token.text)
        guard NetNames.isIdentifier(name) else {
            throw .syntax(expected: "a net name (a letter or '_', then letters, digits, '_', '$' or '.'), 0, 1 or a bit like a[0]",
                          found: "'\(token.text)'", location: token.location(file))
        }
        return ids[name] ?? newNet(name)
    }

    /// `assign p = n1 n2 ...` (all bits, LSB first) or `assign p3 = n` / `assign p[3] = n`.
    mutating func addAssign(_ line: DesignLine) throws(DesignError) {
        let t = line.tokens
        guard t.count >= 4, t[2].text == "=" else {
            throw .syntax(expected: "'assign \(output.name) = <nets, LSB first>' or 'assign \(output.name)<bit> = <net>'",
                          found: t.count > 2 ? "'\(t[2].text)'" : "end of line", location: (t.count > 2 ? t[2] : t[0]).location(file))
        }
        let target = NetNames.canonical(t[1].text)
        let values = Array(t[3...])
        if target == output.name {
            guard values.count == output.width else {
                throw .syntax(expected: "\(output.width) nets for \(output.name), LSB first", found: "\(values.count)",
                              location: t[1].location(file))
            }
            for (bit, token) in values.enumerated() { try assign(bit: bit, token) }
            return
        }
        let prefix = output.name
        guard target.hasPrefix(prefix), let bit = Int(target.dropFirst(prefix.count)), (0..<output.width).contains(bit) else {
            throw .syntax(expected: "the output '\(prefix)' or one of its bits \(prefix)0..\(prefix)\(output.width - 1)",
                          found: "'\(t[1].text)'", location: t[1].location(file))
        }
        guard values.count == 1 else {
            throw .syntax(expected: "one net for \(target)", found: "\(values.count)", location: values[1].location(file))
        }
        try assign(bit: bit, values[0])
    }

    private mutating func assign(bit: Int, _ token: DesignToken) throws(DesignError) {
        if assigned[bit] != nil {
            throw .duplicateName(name: "assignment to \(output.name)\(bit)", location: token.location(file))
        }
        guard let id = try net(token) else { return }
        assigned[bit] = (id, token)
    }

    /// The validated netlist; every output bit must be assigned or driven by a cell under its own name.
    func finish(at end: DesignToken) throws(DesignError) -> Netlist {
        var productNets: [NetID] = []
        for bit in 0..<output.width {
            if let (id, token) = assigned[bit] {
                guard driven.contains(id) else {
                    throw .undrivenNet(net: netNames[id], cell: "assign \(output.name)\(bit)", location: token.location(file))
                }
                productNets.append(id)
            } else if let id = ids["\(output.name)\(bit)"], driven.contains(id) {
                productNets.append(id)
            } else {
                throw .syntax(expected: "'assign \(output.name)\(bit) = <net>' or a cell driving \(output.name)\(bit) in view \(view)",
                              found: "'end'", location: end.location(file))
            }
        }
        let netlist = Netlist(netNames: netNames, inputs: ports, product: Port(name: output.name, nets: productNets), cells: cells)
        return try netlist.validated()
    }
}
