/// Switching-activity power: simulate the LUT-level netlist on a stream of operand pairs, count toggles on
/// every cell output between consecutive pairs, and weight them by per-primitive energies
/// (assumptions in docs/cost-model.md), plus static power per cell.
public struct PowerModel: Sendable, Equatable, Codable {
    /// Clock: one operand pair per cycle.
    public var clockMHz = 100.0
    /// Energy per toggle of a LUT output, including its local routing (pJ).
    public var lutTogglePJ = 1.2
    /// Energy per toggle of a carry-chain output (pJ).
    public var carryTogglePJ = 0.3
    /// Static power per LUT and per carry cell (mW).
    public var lutStaticMw = 0.002
    public var carryStaticMw = 0.001
    /// Uniform stream length and seed when no operand file is given.
    public var streamLength = 10_000
    public var seed: UInt64 = 0x5EED

    public init() {}

    /// A seeded uniform stream of operand pairs for the given widths (SplitMix64).
    public func uniformStream(widthA: Int, widthB: Int) -> [(UInt64, UInt64)] {
        var rng = SplitMix64(seed: seed)
        let ma: UInt64 = (1 << UInt64(widthA)) - 1, mb: UInt64 = (1 << UInt64(widthB)) - 1
        return (0..<streamLength).map { _ in (rng.next() & ma, rng.next() & mb) }
    }

    /// Power in mW of a validated two-operand netlist on `pairs` (at least two pairs).
    public func powerMw(_ netlist: Netlist, pairs: [(UInt64, UInt64)]) -> Double {
        powerMw(netlist, toggles: ToggleCounter.toggles(netlist, pairs: pairs), pairCount: pairs.count)
    }

    /// Power in mW from per-cell toggle counts (in `netlist.cells` order) over `pairCount` pairs.
    func powerMw(_ netlist: Netlist, toggles: [Int], pairCount: Int) -> Double {
        let transitions = Double(max(1, pairCount - 1))
        var dynamicPJ = 0.0, staticMw = 0.0
        for (k, cell) in netlist.cells.enumerated() {
            let energy = cell.kind.isLUT ? lutTogglePJ : (cell.kind.isCarry ? carryTogglePJ : lutTogglePJ)
            dynamicPJ += Double(toggles[k]) / transitions * energy
            staticMw += cell.kind.isCarry ? carryStaticMw : lutStaticMw
        }
        // pJ per cycle × MHz = µW; / 1000 → mW.
        return dynamicPJ * clockMHz / 1000 + staticMw
    }
}

/// SplitMix64, the seeded generator used for streams and tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Toggle counts per cell (summed over its outputs) when a netlist sees a sequence of operand pairs.
public enum ToggleCounter {
    public static func toggles(_ netlist: Netlist, pairs: [(UInt64, UInt64)]) -> [Int] {
        toggles(netlist, pairs: pairs, observe: { _ in })
    }

    /// As `toggles(_:pairs:)`; `observe` sees the net words after each 64-pair word is evaluated.
    static func toggles(_ netlist: Netlist, pairs: [(UInt64, UInt64)],
                        observe: (UnsafeMutablePointer<UInt64>) -> Void) -> [Int] {
        guard netlist.isLUTMapped else { return genericToggles(netlist, pairs: pairs) }
        let operandNets = netlist.inputs.prefix(2).map(\.nets)
        return count(CompiledLUTNetlist(netlist), cellCount: netlist.cells.count, pairCount: pairs.count,
                     setInputs: { nets, start, lanes in setOperands(operandNets, pairs: pairs, start: start, lanes: lanes, nets: nets) },
                     observe: observe)
    }

    /// The toggle loop: per word of 64 pairs, `setInputs(nets, start, lanes)` drives the input nets,
    /// the netlist is evaluated, and output changes against the previous pair are counted.
    static func count(_ compiled: CompiledLUTNetlist, cellCount: Int, pairCount: Int,
                      setInputs: (UnsafeMutablePointer<UInt64>, Int, Int) -> Void,
                      observe: (UnsafeMutablePointer<UInt64>) -> Void) -> [Int] {
        var nets = [UInt64](repeating: 0, count: compiled.netCount)
        var previousTop = [UInt64](repeating: 0, count: compiled.netCount)  // lane 63 of the previous word
        var counts = [Int](repeating: 0, count: cellCount)
        nets.withUnsafeMutableBufferPointer { nb in
            guard let np = nb.baseAddress else { return }
            for start in stride(from: 0, to: pairCount, by: 64) {
                let lanes = min(64, pairCount - start)
                np[NetID.const0] = 0
                np[NetID.const1] = ~0
                setInputs(np, start, lanes)
                compiled.evaluate(np)
                observe(np)
                let valid: UInt64 = lanes == 64 ? ~0 : (1 << UInt64(lanes)) - 1
                let firstValid: UInt64 = start == 0 ? ~1 : ~0            // lane 0 of the first word has no predecessor
                for (k, net) in compiled.outputs {
                    let w = np[net] & valid
                    let shifted = (w << 1) | previousTop[net]
                    counts[k] += ((w ^ shifted) & valid & firstValid).nonzeroBitCount
                    previousTop[net] = (w >> UInt64(lanes - 1)) & 1
                }
            }
        }
        return counts
    }

    /// Packs lanes start..<start+lanes of the operand stream into the operand nets' words.
    private static func setOperands(_ ports: [[NetID]], pairs: [(UInt64, UInt64)], start: Int, lanes: Int,
                                    nets: UnsafeMutablePointer<UInt64>) {
        for (pick, port) in ports.enumerated() {
            var words = [UInt64](repeating: 0, count: port.count)
            for lane in 0..<lanes {
                let v = pick == 0 ? pairs[start + lane].0 : pairs[start + lane].1
                for bit in 0..<port.count { words[bit] |= ((v >> UInt64(bit)) & 1) << UInt64(lane) }
            }
            for (bit, net) in port.enumerated() { nets[net] = words[bit] }
        }
    }

    /// The same count for netlists of generic gates (slow path, via `BitParallelSimulator`).
    static func genericToggles(_ netlist: Netlist, pairs: [(UInt64, UInt64)]) -> [Int] {
        let generic = BitParallelSimulator(netlist)
        var nets = [UInt64](repeating: 0, count: netlist.netCount)
        var previousTop = [UInt64](repeating: 0, count: netlist.netCount)
        var counts = [Int](repeating: 0, count: netlist.cells.count)
        let operandNets = netlist.inputs.prefix(2).map(\.nets)
        for start in stride(from: 0, to: pairs.count, by: 64) {
            let lanes = min(64, pairs.count - start)
            nets[NetID.const0] = 0
            nets[NetID.const1] = ~0
            nets.withUnsafeMutableBufferPointer { nb in
                if let np = nb.baseAddress { setOperands(operandNets, pairs: pairs, start: start, lanes: lanes, nets: np) }
            }
            generic.evaluateCells(&nets)
            let valid: UInt64 = lanes == 64 ? ~0 : (1 << UInt64(lanes)) - 1
            let firstValid: UInt64 = start == 0 ? ~1 : ~0
            for (k, cell) in netlist.cells.enumerated() {
                for net in cell.outputs.compactMap({ $0 }) {
                    let w = nets[net] & valid
                    let shifted = (w << 1) | previousTop[net]
                    counts[k] += ((w ^ shifted) & valid & firstValid).nonzeroBitCount
                    previousTop[net] = (w >> UInt64(lanes - 1)) & 1
                }
            }
        }
        return counts
    }
}
