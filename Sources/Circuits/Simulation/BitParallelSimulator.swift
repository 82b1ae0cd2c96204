/// Evaluates a netlist over every operand pair, 64 input vectors per machine word.
///
/// Vector v encodes the operands as v = a << widthB | b, so the six low bits of v vary within a word
/// (fixed lane masks) and the higher bits are constant across a word.
public struct BitParallelSimulator: Sendable {
    public let netlist: Netlist

    /// `netlist` must be validated (topologically ordered).
    public init(_ netlist: Netlist) { self.netlist = netlist }

    private static let laneMasks: [UInt64] = [
        0xAAAA_AAAA_AAAA_AAAA, 0xCCCC_CCCC_CCCC_CCCC, 0xF0F0_F0F0_F0F0_F0F0,
        0xFF00_FF00_FF00_FF00, 0xFFFF_0000_FFFF_0000, 0xFFFF_FFFF_0000_0000,
    ]

    /// The full truth table. Requires widthA + widthB ≤ `TruthTable.maxTotalWidth`.
    public func truthTable() -> TruthTable {
        precondition(netlist.inputs.count == 2, "a truth table needs exactly two operand ports")
        let wa = netlist.operandA.width, wb = netlist.operandB.width
        let total = wa + wb
        let vectorCount = 1 << total
        let words = max(1, vectorCount >> 6)
        var values = [UInt32](repeating: 0, count: vectorCount)
        var nets = [UInt64](repeating: 0, count: netlist.netCount)
        let inputs = netlist.operandB.nets + netlist.operandA.nets   // bit i of v drives inputs[i]
        let lanes = min(64, vectorCount)
        for word in 0..<words {
            nets[NetID.const0] = 0
            nets[NetID.const1] = ~0
            for (bit, net) in inputs.enumerated() {
                nets[net] = bit < 6 ? Self.laneMasks[bit] : ((word >> (bit - 6)) & 1 == 1 ? ~0 : 0)
            }
            evaluateCells(&nets)
            let base = word << 6
            for (k, net) in netlist.product.nets.enumerated() {
                let w = nets[net]
                if w == 0 { continue }
                for lane in 0..<lanes where (w >> UInt64(lane)) & 1 == 1 {
                    values[base + lane] |= 1 << UInt32(k)
                }
            }
        }
        return TruthTable(widthA: wa, widthB: wb, outputWidth: netlist.product.width, values: values)
    }

    /// Evaluates every cell once on 64 vectors held in `nets`.
    public func evaluateCells(_ nets: inout [UInt64]) {
        for cell in netlist.cells {
            let i = cell.inputs, o = cell.outputs
            switch cell.kind {
            case .and: set(o[0], i.dropFirst().reduce(nets[i[0]]) { $0 & nets[$1] }, &nets)
            case .or: set(o[0], i.dropFirst().reduce(nets[i[0]]) { $0 | nets[$1] }, &nets)
            case .xor: set(o[0], i.dropFirst().reduce(nets[i[0]]) { $0 ^ nets[$1] }, &nets)
            case .nand: set(o[0], ~i.dropFirst().reduce(nets[i[0]]) { $0 & nets[$1] }, &nets)
            case .nor: set(o[0], ~i.dropFirst().reduce(nets[i[0]]) { $0 | nets[$1] }, &nets)
            case .xnor: set(o[0], ~i.dropFirst().reduce(nets[i[0]]) { $0 ^ nets[$1] }, &nets)
            case .not: set(o[0], ~nets[i[0]], &nets)
            case .buf: set(o[0], nets[i[0]], &nets)
            case .mux2:
                let s = nets[i[0]]
                set(o[0], (s & nets[i[2]]) | (~s & nets[i[1]]), &nets)
            case .halfAdder:
                let a = nets[i[0]], b = nets[i[1]]
                set(o[0], a ^ b, &nets)
                set(o[1], a & b, &nets)
            case .fullAdder:
                let a = nets[i[0]], b = nets[i[1]], c = nets[i[2]]
                set(o[0], a ^ b ^ c, &nets)
                set(o[1], (a & b) | (c & (a ^ b)), &nets)
            case .lut6(let initValue):
                let x = (nets[i[0]], nets[i[1]], nets[i[2]], nets[i[3]], nets[i[4]], nets[i[5]])
                set(o[0], Self.lut(initValue.bits, x), &nets)
            case .lut6_2(let initValue):
                let x = (nets[i[0]], nets[i[1]], nets[i[2]], nets[i[3]], nets[i[4]], nets[i[5]])
                // O5 ignores I5: evaluate the lower 32 INIT bits as a 5-input LUT.
                if o[0] != nil { set(o[0], Self.lut(initValue.bits & 0xFFFF_FFFF, (x.0, x.1, x.2, x.3, x.4, 0)), &nets) }
                if o[1] != nil { set(o[1], Self.lut(initValue.bits, x), &nets) }
            case .carry4, .carry8:
                let n = cell.kind == .carry4 ? 4 : 8
                // CARRY4: c0 = CI | CYINIT. CARRY8 (SINGLE_CY8): c0 = CI, CI_TOP unused.
                var c = cell.kind == .carry4 ? nets[i[0]] | nets[i[1]] : nets[i[0]]
                for bit in 0..<n {
                    let s = nets[i[2 + n + bit]], di = nets[i[2 + bit]]
                    set(o[bit], s ^ c, &nets)
                    c = (s & c) | (~s & di)
                    set(o[n + bit], c, &nets)
                }
            }
        }
    }

    @inline(__always) private func set(_ net: NetID?, _ value: UInt64, _ nets: inout [UInt64]) {
        if let net { nets[net] = value }
    }

    /// A 6-input LUT on 64 vectors: Shannon expansion from I0 up to I5, on a stack buffer (no heap allocation).
    @inline(__always) static func lut(_ initBits: UInt64,
                                      _ x: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { layer in
            // level 0: INIT bits 2k and 2k+1 selected by I0.
            let s0 = x.0
            for k in 0..<32 {
                let lo: UInt64 = (initBits >> UInt64(2 * k)) & 1 == 1 ? ~0 : 0
                let hi: UInt64 = (initBits >> UInt64(2 * k + 1)) & 1 == 1 ? ~0 : 0
                layer[k] = (s0 & hi) | (~s0 & lo)
            }
            var count = 32
            func fold(_ s: UInt64) {
                count >>= 1
                for k in 0..<count {
                    layer[k] = (s & layer[2 * k + 1]) | (~s & layer[2 * k])
                }
            }
            fold(x.1)
            fold(x.2)
            fold(x.3)
            fold(x.4)
            fold(x.5)
            return layer[0]
        }
    }
}

extension Netlist {
    /// The full truth table of this netlist (validates it first).
    public func truthTable() throws(DesignError) -> TruthTable {
        let checked = try validated()
        guard checked.operandA.width + checked.operandB.width <= TruthTable.maxTotalWidth else {
            throw .unsupported(what: "exhaustive simulation of \(checked.operandA.width)x\(checked.operandB.width) operands (at most \(TruthTable.maxTotalWidth) input bits)", location: nil)
        }
        return BitParallelSimulator(checked).truthTable()
    }
}
