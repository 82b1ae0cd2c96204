/// Static timing of a LUT-level netlist with fixed per-primitive delays (UltraScale+ assumptions,
/// see docs/cost-model.md): the longest input-to-product path in ns and in LUT levels.
public struct TimingModel: Sendable, Equatable, Codable {
    /// LUT6/LUT6_2 input-to-output delay.
    public var lutNs = 0.125
    /// Routed net in front of each LUT input.
    public var netNs = 0.300
    /// CARRY8: S or DI input to the next carry.
    public var carryEntryNs = 0.100
    /// CARRY8: carry propagation per bit.
    public var carryBitNs = 0.015
    /// CARRY8: carry (or S) to the O output XOR.
    public var carryXorNs = 0.080

    public init() {}

    /// (levels, delay) of the slowest product bit; `netlist` must be validated (topological order).
    public func analyse(_ netlist: Netlist) -> (levels: Int, delayNs: Double) {
        var time = [Double](repeating: 0, count: netlist.netCount)
        var level = [Int](repeating: 0, count: netlist.netCount)
        for cell in netlist.cells {
            let i = cell.inputs
            switch cell.kind {
            case .carry8, .carry4:
                let n = cell.kind == .carry8 ? 8 : 4
                var c = time[i[0]], cl = level[i[0]]
                if cell.kind == .carry4 { c = max(c, time[i[1]]); cl = max(cl, level[i[1]]) }
                for bit in 0..<n {
                    let s = i[2 + n + bit], d = i[2 + bit]
                    let inT = max(time[s], time[d]), inL = max(level[s], level[d])
                    if let o = cell.outputs[bit] { time[o] = max(c, time[s]) + carryXorNs; level[o] = max(cl, level[s]) }
                    c = max(c + carryBitNs, inT + carryEntryNs)
                    cl = max(cl, inL)
                    if let co = cell.outputs[n + bit] { time[co] = c; level[co] = cl }
                }
            default:
                let t = i.map { time[$0] }.max() ?? 0, l = i.map { level[$0] }.max() ?? 0
                let lutCost = cell.kind.isLUT ? 1 : 0
                for o in cell.outputs.compactMap({ $0 }) {
                    time[o] = t + (cell.kind.isLUT ? netNs + lutNs : 0)
                    level[o] = l + lutCost
                }
            }
        }
        let p = netlist.product.nets
        return (p.map { level[$0] }.max() ?? 0, p.map { time[$0] }.max() ?? 0)
    }
}
