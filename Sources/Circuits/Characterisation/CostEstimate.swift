import TableFormat

/// The "cost" object of a characterisation. Every figure is null when no cost is known (then `note`
/// says why); `power_rel` is also null when no exact reference design is known. `source` says where
/// the cell counts come from: "lut-mapping" (the design's own LUT netlist), "yosys synth_xilinx" or a table file.
public struct CostEstimate: Sendable, Codable, Equatable {
    public var luts: Int?
    public var carryCells: Int?
    public var lutLevels: Int?
    public var delayNs: Double?
    public var powerMw: Double?
    public var powerRel: Double?
    /// Where the figures come from; nil when there are none.
    public var source: String?
    /// Why there is no cost (or no `power_rel`), in words; nil when everything is known.
    public var note: String?
    /// The model the figures come from (`TableCost.model` for every computed or stored cost); nil when there are none.
    public var costModel: String?

    enum CodingKeys: String, CodingKey {
        case luts, carryCells = "carry_cells", lutLevels = "lut_levels", delayNs = "delay_ns"
        case powerMw = "power_mw", powerRel = "power_rel", source, note, costModel = "cost_model"
    }

    public init(luts: Int? = nil, carryCells: Int? = nil, lutLevels: Int? = nil, delayNs: Double? = nil,
                powerMw: Double? = nil, powerRel: Double? = nil, source: String? = nil, note: String? = nil) {
        self.source = source
        self.note = note
        self.costModel = source == nil ? nil : TableCost.model
        self.luts = luts
        self.carryCells = carryCells
        self.lutLevels = lutLevels
        self.delayNs = delayNs
        self.powerMw = powerMw
        self.powerRel = powerRel
    }

    /// No cost known: all figures null, `note` says why.
    public static func unavailable(_ why: String) -> CostEstimate { CostEstimate(note: why) }

    /// True when the cell counts, delay and power are known.
    public var isKnown: Bool { luts != nil && powerMw != nil }

    /// Writes every key, with explicit nulls (so consumers see the full schema).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(luts, forKey: .luts)
        try c.encode(carryCells, forKey: .carryCells)
        try c.encode(lutLevels, forKey: .lutLevels)
        try c.encode(delayNs, forKey: .delayNs)
        try c.encode(powerMw, forKey: .powerMw)
        try c.encode(powerRel, forKey: .powerRel)
        try c.encode(source, forKey: .source)
        try c.encode(note, forKey: .note)
        try c.encode(costModel, forKey: .costModel)
    }
}
