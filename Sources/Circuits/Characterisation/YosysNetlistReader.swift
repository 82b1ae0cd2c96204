import Foundation

/// Reads the `write_json` netlist of a flattened `synth_xilinx` run into a LUT-level `Netlist`:
/// LUT1..LUT6 become LUT6 cells (unused inputs tied to 0, so the INIT's low 2^k bits decide), INV a LUT1, CARRY4 and
/// CARRY8 keep their pins. Yosys bit numbers (from 2) are used as net ids; "0"/"1" are the constants.
enum YosysNetlistReader {
    private struct File: Decodable { var modules: [String: Module] }
    private struct Module: Decodable {
        var ports: [String: PortDecl]
        var cells: [String: CellDecl]
    }
    private struct PortDecl: Decodable { var direction: String; var bits: [Bit] }
    private struct CellDecl: Decodable {
        var type: String
        var parameters: [String: String]?
        var connections: [String: [Bit]]
    }
    /// A bit: a net number, or a constant string ("0", "1", "x", "z").
    private enum Bit: Decodable {
        case net(Int), constant(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .net(n) } else { self = .constant(try c.decode(String.self)) }
        }
        var id: NetID {
            switch self {
            case .net(let n): n
            case .constant(let s): s == "1" ? NetID.const1 : NetID.const0
            }
        }
    }

    /// The netlist of module `top` with ports a, b (operands) and p (product).
    static func netlist(_ json: Data, top: String, path: String) throws(DesignError) -> Netlist {
        guard let file = try? JSONDecoder().decode(File.self, from: json), let m = file.modules[top] else {
            throw .io(path: path, reason: "not a yosys JSON netlist with module \(top); delete the file to re-run yosys")
        }
        guard let pa = m.ports["a"], let pb = m.ports["b"], let pp = m.ports["p"] else {
            throw .io(path: path, reason: "the yosys netlist lacks the ports a, b and p")
        }
        var cells: [Cell] = []
        var maxNet = 1
        for (name, c) in m.cells.sorted(by: { $0.key < $1.key }) {
            let pin = { (p: String) -> [NetID] in (c.connections[p] ?? []).map(\.id) }
            let kind: CellKind, inputs: [NetID], outputs: [NetID]
            if c.type == "INV" {                                     // an inverter occupies a LUT1 (INIT 01)
                kind = .lut6(LUTInit(1))
                inputs = [pin("I").first ?? NetID.const0] + Array(repeating: NetID.const0, count: 5)
                outputs = pin("O")
            } else if c.type.hasPrefix("LUT"), let k = Int(c.type.dropFirst(3)), (1...6).contains(k) {
                guard let text = c.parameters?["INIT"], let bits = UInt64(text, radix: 2) else {
                    throw .io(path: path, reason: "cell \(name) (\(c.type)) has no binary INIT")
                }
                kind = .lut6(LUTInit(bits))
                inputs = (0..<6).map { $0 < k ? (pin("I\($0)").first ?? NetID.const0) : NetID.const0 }
                outputs = pin("O")
            } else if c.type == "CARRY4" || c.type == "CARRY8" {
                let n = c.type == "CARRY4" ? 4 : 8
                kind = n == 4 ? .carry4 : .carry8
                let second = n == 4 ? "CYINIT" : "CI_TOP"
                inputs = [pin("CI").first ?? NetID.const0, pin(second).first ?? NetID.const0]
                    + padded(pin("DI"), n) + padded(pin("S"), n)
                outputs = padded(pin("O"), n) + padded(pin("CO"), n)
            } else {
                throw .unsupported(what: "the yosys cell type \(c.type) in \(path) (LUT1..LUT6, INV, CARRY4 and CARRY8 are read)", location: nil)
            }
            maxNet = max(maxNet, (inputs + outputs).max() ?? 1)
            cells.append(Cell(name: name, kind: kind, inputs: inputs, outputs: outputs.map { $0 > 1 ? $0 : nil }))
        }
        for port in [pa, pb, pp] { maxNet = max(maxNet, port.bits.map(\.id).max() ?? 1) }
        let names = ["const0", "const1"] + (2...max(2, maxNet)).map { "n\($0)" }
        let netlist = Netlist(netNames: names, operandA: Port(name: "a", nets: pa.bits.map(\.id)),
                              operandB: Port(name: "b", nets: pb.bits.map(\.id)),
                              product: Port(name: "p", nets: pp.bits.map(\.id)), cells: cells)
        return try netlist.validated()
    }

    private static func padded(_ nets: [NetID], _ n: Int) -> [NetID] {
        Array((nets + Array(repeating: NetID.const0, count: max(0, n - nets.count))).prefix(n))
    }
}
