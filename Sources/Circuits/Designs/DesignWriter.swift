/// Writes a `Design` as design-file text that `DesignParser` reads back to the same function.
///
/// Net and cell names that are not valid identifiers (or collide) are renamed; composition
/// blocks are written by their design name, so they must be built-ins or resolvable paths.
public enum DesignWriter {
    public static func text(for design: Design) -> String {
        var out = "design \(design.name)\n"
        if !design.summary.isEmpty {
            out += "summary \"\(design.summary.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " "))\"\n"
        }
        if design.isSigned { out += "operands \(design.operands.rawValue)\n" }
        switch design.body {
        case .netlists(let views):
            let ports = portNames(views.primary)
            out += "inputs \(ports.a)[\(design.widthA)] \(ports.b)[\(design.widthB)]\n"
            out += "output \(ports.p)[\(design.outputWidth)]\n"
            if let lut = views.lut { out += "\n" + viewText(lut, kind: "lut", ports: ports) }
            if let gates = views.gates { out += "\n" + viewText(gates, kind: "gates", ports: ports) }
        case .composition(let c):
            out += "compose ll=\(c.ll.name) hl=\(c.hl.name) lh=\(c.lh.name) hh=\(c.hh.name)\n"
        case .formula(let f):
            out += "formula " + formulaText(f) + "\n"
        case .table(let t):
            out += "inputs a[\(t.widthA)] b[\(t.widthB)]\noutput p[\(t.outputWidth)]\ntable\n"
            for a in 0..<t.rows {
                out += (0..<t.columns).map { String(t[a, $0]) }.joined(separator: " ") + "\n"
            }
            out += "end\n"
        }
        return out
    }

    static func formulaText(_ f: Formula) -> String {
        switch f {
        case .drum(let w, let k): "drum width=\(w) k=\(k)"
        case .mitchell(let w): "mitchell width=\(w)"
        case .kulkarni(let w): "kulkarni width=\(w)"
        case .truncated(let w, let t): "truncated width=\(w) t=\(t)"
        case .exact(let w): "exact width=\(w)"
        }
    }

    /// Port names usable in a file (a, b, p unless the netlist's own names are valid and distinct).
    static func portNames(_ n: Netlist) -> (a: String, b: String, p: String) {
        let names = [n.operandA.name, n.operandB.name, n.product.name]
        let valid = names.allSatisfy { NetNames.isIdentifier($0) && NetNames.constant($0 + "0") == nil }
        return valid && Set(names).count == 3 ? (names[0], names[1], names[2]) : ("a", "b", "p")
    }

    private static func viewText(_ n: Netlist, kind: String, ports: (a: String, b: String, p: String)) -> String {
        let names = NameTable(n, ports: ports)
        var out = "view \(kind)\n"
        var cellNames = UniqueNames()
        for cell in n.cells {
            out += "  cell \(cellNames.claim(cell.name)) " + cellText(cell, names) + "\n"
        }
        out += "  assign \(ports.p) = " + n.product.nets.map { names[$0] }.joined(separator: " ") + "    # LSB first\nend\n"
        return out
    }

    private static func cellText(_ cell: Cell, _ names: NameTable) -> String {
        let ins = cell.inputs.map { names[$0] }, outs = cell.outputs.map { $0.map { names[$0] } ?? "-" }
        switch cell.kind {
        case .lut6(let i), .lut6_2(let i):
            let pins = Array(zip(cell.kind.inputPins(count: 6), ins)) + Array(zip(cell.kind.outputPins, outs))
            return "\(cell.kind.keyword) INIT=\(i.hex) " + pins.map { "\($0)=\($1)" }.joined(separator: " ")
        case .carry4, .carry8:
            let n = cell.kind == .carry4 ? 4 : 8
            let first = cell.kind == .carry4 ? "CYINIT" : "CI_TOP"
            let bus = { (list: [String]) in list.joined(separator: ",") }
            return "\(cell.kind.keyword) CI=\(ins[0]) \(first)=\(ins[1]) DI=\(bus(Array(ins[2..<2 + n]))) "
                + "S=\(bus(Array(ins[(2 + n)...]))) O=\(bus(Array(outs[..<n]))) CO=\(bus(Array(outs[n...])))"
        default:
            return "\(cell.kind.keyword) " + ins.joined(separator: " ") + " -> " + outs.joined(separator: " ")
        }
    }
}

/// Hands out identifiers, renaming invalid or repeated ones.
struct UniqueNames {
    private var used: Set<String> = []

    init(reserved: Set<String> = []) { used = reserved }

    mutating func claim(_ wanted: String) -> String {
        var base = String(wanted.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_$.".contains($0)) ? $0 : "_" })
        if !NetNames.isIdentifier(base) || NetNames.constant(base) != nil { base = "n_" + base }
        var name = base, k = 1
        while used.contains(name) {
            name = "\(base)_\(k)"
            k += 1
        }
        used.insert(name)
        return name
    }
}

/// The file spelling of every net of one netlist: constants 0/1, operand bits a0.., others unique.
struct NameTable {
    private var names: [String]

    init(_ n: Netlist, ports: (a: String, b: String, p: String)) {
        names = Array(repeating: "", count: n.netCount)
        names[NetID.const0] = "0"
        names[NetID.const1] = "1"
        var reserved: Set<String> = []
        for (port, name) in zip(n.inputs, [ports.a, ports.b]) {
            for (bit, net) in port.nets.enumerated() {
                names[net] = "\(name)\(bit)"
                reserved.insert(names[net])
            }
        }
        var unique = UniqueNames(reserved: reserved)
        for id in names.indices where names[id].isEmpty {
            names[id] = unique.claim(n.netNames[id])
        }
    }

    subscript(_ id: NetID) -> String { names[id] }
}
