/// The exact adder of a composition, LUT6_2 + CARRY8 mapped:
/// sum = LL + (HL + LH)·2^n + HH·2^2n for four 2n-bit partial products.
///
/// Stage 1 adds HL + LH (2n bits, carry out = bit 2n). Stage 2 adds that to W = {HH, LL[2n−1:n]}, the
/// concatenation of the two non-overlapping terms, giving sum bits n..4n; bits 0..n−1 are LL's low bits.
/// Each bit uses one LUT6_2 (I0 = one addend bit, I1 = the other, I5 = 1): O6 = I0 ⊕ I1 drives the carry
/// chain's S, O5 = I0 drives DI. The sum port is 4n + 1 bits wide (the top bit is the final carry).
public enum CompositionAdder {
    /// INIT of the per-bit LUT6_2: upper half I0 ⊕ I1 (0x6 per nibble), lower half I0 (0xA per nibble).
    public static let bitInit = LUTInit(0x6666_6666_AAAA_AAAA)

    /// The adder netlist for n-bit blocks; inputs LL, HL, LH, HH (2n bits each), output "sum" (4n + 1 bits).
    public static func netlist(blockWidth n: Int) -> Netlist {
        precondition(n >= 1, "block width must be positive")
        var names = ["const0", "const1"]
        func fresh(_ name: String) -> NetID {
            names.append(name)
            return names.count - 1
        }
        let ports = ["LL", "HL", "LH", "HH"].map { p in Port(name: p, nets: (0..<2 * n).map { fresh("\(p)[\($0)]") }) }
        var cells: [Cell] = []
        let ll = ports[0].nets, hl = ports[1].nets, lh = ports[2].nets, hh = ports[3].nets
        let x = addChain(hl, lh, prefix: "s1", fresh: fresh, cells: &cells)          // 2n + 1 bits
        let w = Array(ll[n..<2 * n]) + hh                                             // 3n bits
        let xPadded = x + [NetID](repeating: NetID.const0, count: 3 * n - x.count)
        let upper = addChain(w, xPadded, prefix: "s2", fresh: fresh, cells: &cells)   // 3n + 1 bits
        let sum = Array(ll[0..<n]) + upper
        return Netlist(netNames: names, inputs: ports, product: Port(name: "sum", nets: sum), cells: cells)
    }

    /// A ripple adder of two equal-width operands: one LUT6_2 per bit and ⌈w/8⌉ CARRY8s; returns w + 1 nets.
    static func addChain(_ p: [NetID], _ q: [NetID], prefix: String, fresh: (String) -> NetID,
                         cells: inout [Cell]) -> [NetID] {
        precondition(p.count == q.count)
        var s: [NetID] = [], di: [NetID] = []
        for i in p.indices {
            let o5 = fresh("\(prefix).g\(i)"), o6 = fresh("\(prefix).p\(i)")
            cells.append(Cell(name: "\(prefix).lut\(i)", kind: .lut6_2(bitInit),
                              inputs: [p[i], q[i], .const0, .const0, .const0, .const1], outputs: [o5, o6]))
            di.append(o5)
            s.append(o6)
        }
        var carryIn = NetID.const0
        var out: [NetID] = []
        for base in stride(from: 0, to: p.count, by: 8) {
            let used = min(8, p.count - base)
            let pad = [NetID](repeating: .const0, count: 8 - used)
            let o: [NetID?] = (0..<8).map { $0 < used ? fresh("\(prefix).o\(base + $0)") : nil }
            let last = fresh("\(prefix).co\(base + used - 1)")
            let co: [NetID?] = (0..<8).map { $0 == used - 1 ? last : nil }
            cells.append(Cell(name: "\(prefix).carry\(base / 8)", kind: .carry8,
                              inputs: [carryIn, .const0] + Array(di[base..<base + used]) + pad + Array(s[base..<base + used]) + pad,
                              outputs: o + co))
            out += o.compactMap { $0 }
            carryIn = last
        }
        return out + [carryIn]
    }
}
