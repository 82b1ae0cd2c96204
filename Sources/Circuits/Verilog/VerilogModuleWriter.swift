/// Writes one `Netlist` as a structural Verilog-2001 module.
///
/// FPGA primitives become UNISIM instances (LUT6, LUT6_2 with their INIT, CARRY4, CARRY8); generic gates
/// become `assign` statements using only `& | ^ ~`. Ports come in the netlist's order (operands, then the
/// product), and every name is derived from the netlist, so the text is deterministic.
public enum VerilogModuleWriter {
    /// The module text; `header` lines become `//` comments above it.
    public static func module(_ netlist: Netlist, name: String, header: [String] = []) -> String {
        var ids = VerilogIdentifiers()
        let portNames = (netlist.inputs + [netlist.product]).map { ids.unique($0.name) }
        var expr = [String?](repeating: nil, count: netlist.netCount)
        expr[NetID.const0] = "1'b0"
        expr[NetID.const1] = "1'b1"
        for (port, pname) in zip(netlist.inputs, portNames) {
            for (bit, net) in port.nets.enumerated() where expr[net] == nil { expr[net] = "\(pname)[\(bit)]" }
        }
        var wires: [String] = []
        for cell in netlist.cells {
            for net in cell.outputs.compactMap({ $0 }) where expr[net] == nil {
                let w = ids.unique(netlist.netNames[net])
                expr[net] = w
                wires.append(w)
            }
        }
        let ref: (NetID) -> String = { expr[$0] ?? "1'bx" }
        var body: [String] = []
        for cell in netlist.cells {
            body += statements(for: cell, ref: ref, ids: &ids, wires: &wires)
        }
        var lines = header.map { $0.isEmpty ? "//" : "// \($0)" }
        lines.append("module \(name) (")
        var decls: [String] = []
        for (port, pname) in zip(netlist.inputs, portNames) {
            decls.append("    input  wire [\(port.width - 1):0] \(pname)")
        }
        decls.append("    output wire [\(netlist.product.width - 1):0] \(portNames[portNames.count - 1])")
        lines.append(decls.joined(separator: ",\n"))
        lines.append(");")
        lines += wires.map { "    wire \($0);" }
        lines += body.map { "    " + $0 }
        let productBits = netlist.product.nets.reversed().map(ref).joined(separator: ", ")
        lines.append("    assign \(portNames[portNames.count - 1]) = {\(productBits)};")
        lines.append("endmodule")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Verilog for one cell: an instance for a primitive, `assign`s for a gate.
    static func statements(for cell: Cell, ref: (NetID) -> String, ids: inout VerilogIdentifiers,
                           wires: inout [String]) -> [String] {
        let inst = ids.unique(cell.name)
        let i = cell.inputs.map(ref)
        func out(_ k: Int) -> String? { cell.outputs[k].map(ref) }
        /// A vector pin: `{msb, ..., lsb}`, with a fresh dummy wire for each open bit.
        func outVector(_ range: Range<Int>, pin: String) -> String {
            guard range.contains(where: { cell.outputs[$0] != nil }) else { return "" }
            let bits = range.map { k -> String in
                if let s = out(k) { return s }
                let dummy = ids.unique("\(inst)_\(pin)\(k - range.lowerBound)_open")
                wires.append(dummy)
                return dummy
            }
            return "{" + bits.reversed().joined(separator: ", ") + "}"
        }
        func inVector(_ range: Range<Int>) -> String { "{" + range.map { i[$0] }.reversed().joined(separator: ", ") + "}" }
        switch cell.kind {
        case .lut6(let initial):
            let pins = (0..<6).map { ".I\($0)(\(i[$0]))" }.joined(separator: ", ")
            return ["LUT6 #(.INIT(64'h\(initial.hex))) \(inst) (\(pins), .O(\(out(0) ?? "")));"]
        case .lut6_2(let initial):
            let pins = (0..<6).map { ".I\($0)(\(i[$0]))" }.joined(separator: ", ")
            return ["LUT6_2 #(.INIT(64'h\(initial.hex))) \(inst) (\(pins), .O5(\(out(0) ?? "")), .O6(\(out(1) ?? "")));"]
        case .carry4:
            return ["CARRY4 \(inst) (.CI(\(i[0])), .CYINIT(\(i[1])), .DI(\(inVector(2..<6))), .S(\(inVector(6..<10))), "
                    + ".O(\(outVector(0..<4, pin: "O"))), .CO(\(outVector(4..<8, pin: "CO"))));"]
        case .carry8:
            return ["CARRY8 #(.CARRY_TYPE(\"SINGLE_CY8\")) \(inst) (.CI(\(i[0])), .CI_TOP(\(i[1])), "
                    + ".DI(\(inVector(2..<10))), .S(\(inVector(10..<18))), "
                    + ".O(\(outVector(0..<8, pin: "O"))), .CO(\(outVector(8..<16, pin: "CO"))));"]
        default:
            return gateExpressions(cell.kind, i).enumerated().compactMap { k, e in
                out(k).map { "assign \($0) = \(e);" }
            }
        }
    }

    /// The output expressions of a generic gate, in the kind's output-pin order.
    static func gateExpressions(_ kind: CellKind, _ i: [String]) -> [String] {
        switch kind {
        case .and: [i.joined(separator: " & ")]
        case .or: [i.joined(separator: " | ")]
        case .xor: [i.joined(separator: " ^ ")]
        case .nand: ["~(" + i.joined(separator: " & ") + ")"]
        case .nor: ["~(" + i.joined(separator: " | ") + ")"]
        case .xnor: ["~(" + i.joined(separator: " ^ ") + ")"]
        case .not: ["~" + i[0]]
        case .buf: [i[0]]
        case .mux2: ["(\(i[0]) & \(i[2])) | (~\(i[0]) & \(i[1]))"]
        case .halfAdder: ["\(i[0]) ^ \(i[1])", "\(i[0]) & \(i[1])"]
        case .fullAdder: ["\(i[0]) ^ \(i[1]) ^ \(i[2])", "(\(i[0]) & \(i[1])) | (\(i[2]) & (\(i[0]) ^ \(i[1])))"]
        case .lut6, .lut6_2, .carry4, .carry8: []
        }
    }
}
