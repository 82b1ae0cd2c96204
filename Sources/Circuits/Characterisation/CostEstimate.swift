/// The "cost" object of a characterisation. Every field is null for designs without a LUT mapping;
/// `power_rel` is also null when no exact reference design is known.
public struct CostEstimate: Sendable, Codable, Equatable {
    public var luts: Int?
    public var carryCells: Int?
    public var lutLevels: Int?
    public var delayNs: Double?
    public var powerMw: Double?
    public var powerRel: Double?

    enum CodingKeys: String, CodingKey {
        case luts, carryCells = "carry_cells", lutLevels = "lut_levels", delayNs = "delay_ns"
        case powerMw = "power_mw", powerRel = "power_rel"
    }

    public init(luts: Int? = nil, carryCells: Int? = nil, lutLevels: Int? = nil, delayNs: Double? = nil,
                powerMw: Double? = nil, powerRel: Double? = nil) {
        self.luts = luts
        self.carryCells = carryCells
        self.lutLevels = lutLevels
        self.delayNs = delayNs
        self.powerMw = powerMw
        self.powerRel = powerRel
    }

    /// No LUT mapping: all fields null.
    public static let unavailable = CostEstimate()

    /// Writes every key, with explicit nulls (so consumers see the full schema).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(luts, forKey: .luts)
        try c.encode(carryCells, forKey: .carryCells)
        try c.encode(lutLevels, forKey: .lutLevels)
        try c.encode(delayNs, forKey: .delayNs)
        try c.encode(powerMw, forKey: .powerMw)
        try c.encode(powerRel, forKey: .powerRel)
    }
}
