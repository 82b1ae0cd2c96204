/// LUT/carry counts, timing and power of a design's LUT-level netlist (compositions flattened with
/// their exact adder). Designs without a LUT mapping are costed from a yosys `synth_xilinx` netlist when
/// `synthesis` is set; designs with no circuit (imported tables) get `CostEstimate.unavailable` with the reason.
public struct CostModel: Sendable, Equatable {
    public var timing = TimingModel()
    public var power = PowerModel()
    /// Operand pairs for the power simulation; nil means `power.uniformStream`.
    public var pairs: [Pair]? = nil
    /// How designs without a LUT mapping get a netlist; nil: they have no cost.
    public var synthesis: YosysCostSynthesis? = nil

    public struct Pair: Sendable, Equatable {
        public var a: UInt64
        public var b: UInt64
        public init(a: UInt64, b: UInt64) { self.a = a; self.b = b }
    }

    /// Reference powers already computed with this model (shared by copies of the model).
    private let referenceCache = PowerCache()
    /// Block simulations already run with this model, keyed by block, position and stream.
    private let blockToggles = CompositionToggles()

    public init() {}

    public static func == (l: CostModel, r: CostModel) -> Bool {
        l.timing == r.timing && l.power == r.power && l.pairs == r.pairs && l.synthesis == r.synthesis
    }

    /// The model with yosys synthesis for designs without a LUT mapping, cached in the standard folder.
    public static func withSynthesis() -> CostModel {
        var m = CostModel()
        m.synthesis = .standard()
        return m
    }

    /// The estimate for `design`; `power_rel` uses `reference` (the exact design of the same construction).
    /// A design without a LUT mapping is synthesised (see `synthesis`), and its `power_rel` uses the
    /// synthesised exact multiplier of the same width instead.
    public func estimate(_ design: Design, reference: Design?) throws(DesignError) -> CostEstimate {
        guard let netlist = try LUTFlattener.flatten(design) else { return try synthesisedEstimate(design) }
        let (levels, delay) = timing.analyse(netlist)
        let p = try powerMw(netlist, design: design)
        var rel: Double? = nil
        if let reference, reference.widthA == design.widthA, reference.widthB == design.widthB,
           let rp = try referencePower(reference) {
            rel = rp > 0 ? p / rp : nil
        }
        return CostEstimate(luts: netlist.lutCount, carryCells: netlist.carryCount, lutLevels: levels,
                            delayNs: delay, powerMw: p, powerRel: rel, source: CostEstimate.lutMappingSource,
                            note: rel == nil ? "no exact reference design of the same width for power_rel" : nil)
    }

    /// The cost of a design without a LUT mapping, from its yosys netlist; the reason in words when there is none.
    func synthesisedEstimate(_ design: Design) throws(DesignError) -> CostEstimate {
        if case .table = design.body { return .unavailable("an imported table has no circuit, so no cell counts or power") }
        guard let synthesis else {
            return .unavailable("no LUT mapping, and synthesis with yosys was not requested")
        }
        if let reason = YosysCostSynthesis.unavailableReason { return .unavailable("no LUT mapping; " + reason) }
        let mapped: Netlist?
        do { mapped = try synthesis.mappedNetlist(design) } catch {
            return .unavailable("yosys synthesis failed: \(error.message)")
        }
        guard let netlist = mapped else { return .unavailable("the design has no circuit that yosys can synthesise") }
        let (levels, delay) = timing.analyse(netlist)
        let p = try powerMw(netlist, design: design)
        var rel: Double? = nil
        if design.widthA == design.widthB {
            let exact = Design(name: "exact\(design.widthA) (yosys)", body: .formula(.exact(width: design.widthA)))
            let key = "synth|\(design.widthA)|\(pairs?.count ?? -1)|\(power.seed)|\(power.streamLength)"
            if let known = referenceCache.value(for: key) {
                rel = known > 0 ? p / known : nil
            } else if let ref = try? synthesis.mappedNetlist(exact) {
                let rp = try powerMw(ref, design: exact)
                referenceCache.store(rp, for: key)
                rel = rp > 0 ? p / rp : nil
            }
        }
        return CostEstimate(luts: netlist.lutCount, carryCells: netlist.carryCount, lutLevels: levels, delayNs: delay,
                            powerMw: p, powerRel: rel, source: CostEstimate.yosysSource,
                            note: rel == nil ? "no synthesised exact reference of the same width for power_rel" : nil)
    }

    /// The reference design's power, memoised by name (many designs share one exact reference).
    private func referencePower(_ reference: Design) throws(DesignError) -> Double? {
        let key = "\(reference.name)|\(pairs?.count ?? -1)|\(power.seed)|\(power.streamLength)"
        if let known = referenceCache.value(for: key) { return known }
        guard let netlist = try LUTFlattener.flatten(reference) else { return nil }
        let p = try powerMw(netlist, design: reference)
        referenceCache.store(p, for: key)
        return p
    }

    /// Compositions of LUT-mapped leaves reuse memoised block simulations (same counts, fewer runs).
    private func powerMw(_ netlist: Netlist, design: Design) throws(DesignError) -> Double {
        let stream = pairs.map { $0.map { ($0.a, $0.b) } } ?? power.uniformStream(widthA: design.widthA, widthB: design.widthB)
        if let toggles = try blockToggles.toggles(design, pairs: stream), toggles.count == netlist.cells.count {
            return power.powerMw(netlist, toggles: toggles, pairCount: stream.count)
        }
        return power.powerMw(netlist, pairs: stream)
    }
}

/// A name → power memo, safe to share between threads.
final class PowerCache: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var values: [String: Double] = [:]

    func value(for key: String) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    func store(_ value: Double, for key: String) {
        lock.lock()
        values[key] = value
        lock.unlock()
    }
}
