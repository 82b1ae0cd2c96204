/// Evaluates a validated, LUT-mapped netlist (LUT6, LUT6_2, CARRY4, CARRY8) on 64 vectors per word
/// without allocating per cell, for the power model's toggle simulation.
struct LUTNetlistEvaluator {
    let netlist: Netlist

    /// Evaluates every cell once on the words in `nets` (inputs and constants already set).
    func evaluate(_ nets: UnsafeMutableBufferPointer<UInt64>) {
        for cell in netlist.cells {
            let i = cell.inputs, o = cell.outputs
            switch cell.kind {
            case .lut6(let initValue):
                if let out = o[0] { nets[out] = Self.lut(initValue.bits, nets, i) }
            case .lut6_2(let initValue):
                let low = initValue.bits & 0xFFFF_FFFF            // O5 = INIT[k mod 32]: the low half, repeated
                if let o5 = o[0] { nets[o5] = Self.lut(low | low << 32, nets, i) }
                if let o6 = o[1] { nets[o6] = Self.lut(initValue.bits, nets, i) }
            case .carry4, .carry8:
                let n = cell.kind == .carry4 ? 4 : 8
                var c = cell.kind == .carry4 ? nets[i[0]] | nets[i[1]] : nets[i[0]]
                for bit in 0..<n {
                    let s = nets[i[2 + n + bit]], di = nets[i[2 + bit]]
                    if let out = o[bit] { nets[out] = s ^ c }
                    c = (s & c) | (~s & di)
                    if let co = o[n + bit] { nets[co] = c }
                }
            default:
                preconditionFailure("LUTNetlistEvaluator takes LUT-mapped netlists only (cell \(cell.name))")
            }
        }
    }

    /// A 6-input LUT on 64 lanes: a mux tree over the INIT bits, I0 first, in a fixed-size buffer.
    @inline(__always) static func lut(_ initBits: UInt64, _ nets: UnsafeMutableBufferPointer<UInt64>, _ inputs: [NetID]) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { layer in
            let s0 = nets[inputs[0]]
            for k in 0..<32 {
                let bits = (initBits >> UInt64(2 * k)) & 3
                switch bits {
                case 0: layer[k] = 0
                case 1: layer[k] = ~s0
                case 2: layer[k] = s0
                default: layer[k] = ~0
                }
            }
            var count = 32
            for level in 1..<6 {
                let s = nets[inputs[level]]
                count >>= 1
                for k in 0..<count { layer[k] = (s & layer[2 * k + 1]) | (~s & layer[2 * k]) }
            }
            return layer[0]
        }
    }
}
