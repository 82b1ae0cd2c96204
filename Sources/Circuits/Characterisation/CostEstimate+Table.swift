import TableFormat

extension CostEstimate {
    /// The source of figures read from the design's own LUT netlist.
    public static let lutMappingSource = "lut-mapping"
    /// The source of figures from a yosys `synth_xilinx` netlist.
    public static let yosysSource = "yosys synth_xilinx"

    /// The cost a table file carries, or `unavailable` with the file's reason.
    public init(table: LookupTable) {
        guard let c = table.cost else {
            self = .unavailable(table.costUnknownReason ?? "the table file stores no cost")
            return
        }
        self.init(luts: c.luts, carryCells: c.carryCells, lutLevels: c.lutLevels, delayNs: c.delayNs, powerMw: c.powerMw,
                  powerRel: c.powerRel, source: c.source,
                  note: c.powerRel == nil ? "no exact reference design of the same width for power_rel" : nil)
    }

    /// The form a table file stores (nil when the figures are not known).
    public var tableCost: TableCost? {
        guard let luts, let carryCells, let lutLevels, let delayNs, let powerMw else { return nil }
        return TableCost(luts: luts, carryCells: carryCells, lutLevels: lutLevels, delayNs: delayNs, powerMw: powerMw,
                         powerRel: powerRel, source: source ?? "")
    }
}

extension Design {
    /// FNV-1a 64 of what defines the design's circuit or function: its design-file text without name and
    /// summary; a composition hashes its four blocks' content hashes. Keys the synthesis cache and is the
    /// `source_hash` of compiled tables.
    public var contentHash: UInt64 {
        var h = FNV1a64()
        switch body {
        case .composition(let c):
            h.update(Array("compose".utf8))
            for block in c.blocks { h.update(Array(FNV1a64.hex(block.contentHash).utf8)) }
        default:
            var bare = self
            bare.name = "design"
            bare.summary = ""
            h.update(Array(DesignWriter.text(for: bare).utf8))
        }
        return h.value
    }
}
