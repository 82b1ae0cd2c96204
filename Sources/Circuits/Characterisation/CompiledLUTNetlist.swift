/// A LUT-mapped netlist flattened into one array of integer operands, so the power model's toggle
/// simulation runs without per-cell array retains or allocations. Bit-for-bit the same as
/// `LUTNetlistEvaluator` (LUT6, LUT6_2 with O5 ignoring I5, CARRY4, CARRY8).
struct CompiledLUTNetlist: Sendable {
    /// Per cell: kind code, INIT bits and the offset of its operands in `args`.
    struct Op: Sendable {
        var kind: UInt8          // 0 LUT6, 1 LUT6_2, 4 CARRY4, 8 CARRY8
        var initBits: UInt64
        var start: Int
    }

    let ops: [Op]
    /// Cell operands: LUTs have 6 inputs then 1 (LUT6) or 2 (LUT6_2: O5, O6) outputs; carries have
    /// 2 + 2n inputs then 2n outputs. A missing output is −1.
    let args: [Int]
    /// Every cell output as (cell index, net), in cell order then output order (for toggle counts).
    let outputs: [(cell: Int, net: Int)]
    let netCount: Int

    init(_ netlist: Netlist) {
        var ops: [Op] = [], args: [Int] = [], outputs: [(cell: Int, net: Int)] = []
        for (k, cell) in netlist.cells.enumerated() {
            var kind: UInt8 = 0, bits: UInt64 = 0
            switch cell.kind {
            case .lut6(let i): bits = i.bits
            case .lut6_2(let i): kind = 1; bits = i.bits
            case .carry4: kind = 4
            case .carry8: kind = 8
            default: preconditionFailure("CompiledLUTNetlist takes LUT-mapped netlists only (cell \(cell.name))")
            }
            ops.append(Op(kind: kind, initBits: bits, start: args.count))
            args += cell.inputs
            args += cell.outputs.map { $0 ?? -1 }
            for net in cell.outputs.compactMap({ $0 }) { outputs.append((k, net)) }
        }
        self.ops = ops
        self.args = args
        self.outputs = outputs
        netCount = netlist.netCount
    }

    /// Evaluates every cell once on the words in `nets` (inputs and constants already set).
    func evaluate(_ nets: UnsafeMutablePointer<UInt64>) {
        args.withUnsafeBufferPointer { argBuffer in
            guard let a = argBuffer.baseAddress else { return }
            for op in ops {
                let p = a + op.start
                switch op.kind {
                case 0:
                    nets[p[6]] = Self.lut(op.initBits, 6, nets, p)
                case 1:
                    if p[6] >= 0 { nets[p[6]] = Self.lut(op.initBits & 0xFFFF_FFFF, 5, nets, p) }
                    if p[7] >= 0 { nets[p[7]] = Self.lut(op.initBits, 6, nets, p) }
                default:
                    let n = Int(op.kind)
                    var c = n == 4 ? nets[p[0]] | nets[p[1]] : nets[p[0]]
                    let out = p + 2 + 2 * n
                    for bit in 0..<n {
                        let s = nets[p[2 + n + bit]], di = nets[p[2 + bit]]
                        if out[bit] >= 0 { nets[out[bit]] = s ^ c }
                        c = (s & c) | (~s & di)
                        if out[n + bit] >= 0 { nets[out[n + bit]] = c }
                    }
                }
            }
        }
    }

    /// A k-input LUT (the low 2^k INIT bits) on 64 lanes, by Shannon expansion on the highest input;
    /// constant sub-tables and inputs the sub-table does not depend on are skipped.
    static func lut(_ table: UInt64, _ k: Int, _ nets: UnsafeMutablePointer<UInt64>, _ inputs: UnsafePointer<Int>) -> UInt64 {
        let size = 1 << k
        let mask: UInt64 = size == 64 ? ~0 : (1 << UInt64(size)) - 1
        let t = table & mask
        if t == 0 { return 0 }
        if t == mask { return ~0 }
        let half = UInt64(size / 2)
        let lo = t & ((1 << half) - 1), hi = t >> half
        if lo == hi { return lut(lo, k - 1, nets, inputs) }
        let s = nets[inputs[k - 1]]
        return (s & lut(hi, k - 1, nets, inputs)) | (~s & lut(lo, k - 1, nets, inputs))
    }
}
