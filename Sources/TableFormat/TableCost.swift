/// The cost estimate a version-2 `.axlut` file carries for its source design, so that a table gives the
/// same energy figures as the design it was compiled from (docs/table-format.md, "Cost keys").
///
/// Stored as metadata keys: `cost_luts`, `cost_carry_cells`, `cost_lut_levels`, `cost_delay_ns`,
/// `cost_power_mw`, `cost_power_rel` (absent when no exact reference is known) and `cost_source`; or,
/// when no cost is known, `cost_unknown` = the reason in words. `source_hash` is the design's content hash.
public struct TableCost: Sendable, Equatable {
    /// The name of the cost model every computed and stored cost comes from, and so every energy figure
    /// (`cost_model` of `characterize`, `energy_model` of `evaluate` and `search`): the FPGA toggle model of
    /// docs/cost-model.md (LUT-level netlist, dynamic power of cell output toggles at 100 MHz on uniform
    /// operands, relative to the exact design of the same construction).
    public static let model = "fpga-toggle"

    public var luts: Int
    public var carryCells: Int
    public var lutLevels: Int
    public var delayNs: Double
    public var powerMw: Double
    /// Power relative to the exact design of the same width and construction; nil when unknown.
    public var powerRel: Double?
    /// How the cell counts were obtained, e.g. "lut-mapping" or "yosys synth_xilinx".
    public var source: String

    public init(luts: Int, carryCells: Int, lutLevels: Int, delayNs: Double, powerMw: Double, powerRel: Double?, source: String) {
        (self.luts, self.carryCells, self.lutLevels) = (luts, carryCells, lutLevels)
        (self.delayNs, self.powerMw, self.powerRel, self.source) = (delayNs, powerMw, powerRel, source)
    }

    static let intKeys = ["cost_luts", "cost_carry_cells", "cost_lut_levels"]
    static let doubleKeys = ["cost_delay_ns", "cost_power_mw", "cost_power_rel"]
    static let allKeys = intKeys + doubleKeys + ["cost_source", "cost_unknown"]

    /// The metadata entries of this cost (Double values in Swift's shortest round-trip form, so they read back bit-identical).
    var metadata: [String: String] {
        var m = ["cost_luts": "\(luts)", "cost_carry_cells": "\(carryCells)", "cost_lut_levels": "\(lutLevels)",
                 "cost_delay_ns": "\(delayNs)", "cost_power_mw": "\(powerMw)", "cost_source": source]
        if let powerRel { m["cost_power_rel"] = "\(powerRel)" }
        return m
    }

    /// The cost in `metadata`, or nil when its keys are absent (call `validate` first for error reporting).
    init?(metadata m: [String: String]) {
        guard let l = m["cost_luts"].flatMap(Int.init), let c = m["cost_carry_cells"].flatMap(Int.init),
              let v = m["cost_lut_levels"].flatMap(Int.init), let d = m["cost_delay_ns"].flatMap(Double.init),
              let p = m["cost_power_mw"].flatMap(Double.init) else { return nil }
        self.init(luts: l, carryCells: c, lutLevels: v, delayNs: d, powerMw: p,
                  powerRel: m["cost_power_rel"].flatMap(Double.init), source: m["cost_source"] ?? "")
    }

    /// Checks the cost keys of a version-2 file: numbers where numbers belong, and either a full cost or a reason.
    static func validate(_ m: [String: String], path: String) throws(TableFileError) {
        for k in intKeys { if let v = m[k], Int(v).map({ $0 >= 0 }) != true { throw bad(k, v, "a non-negative integer", path) } }
        for k in doubleKeys { if let v = m[k], Double(v).map({ $0.isFinite && $0 >= 0 }) != true { throw bad(k, v, "a non-negative finite number", path) } }
        if let h = m["source_hash"], TableCost.parseHash(h) == nil { throw bad("source_hash", h, "0x and 16 hex digits", path) }
        let present = (intKeys + ["cost_delay_ns", "cost_power_mw"]).filter { m[$0] != nil }
        if !present.isEmpty && present.count != 5 {
            throw .invalidHeader(path: path, field: "metadata", value: present.joined(separator: ","),
                                 rule: "a stored cost needs all of cost_luts, cost_carry_cells, cost_lut_levels, cost_delay_ns, cost_power_mw")
        }
        if !present.isEmpty, m["cost_unknown"] != nil {
            throw .invalidHeader(path: path, field: "metadata", value: "cost_unknown", rule: "a file holds a cost or cost_unknown, not both")
        }
    }

    private static func bad(_ k: String, _ v: String, _ what: String, _ path: String) -> TableFileError {
        .invalidHeader(path: path, field: "metadata \(k)", value: v, rule: "must be \(what)")
    }

    /// "0x" + 16 hex digits → value.
    static func parseHash(_ s: String) -> UInt64? {
        guard s.count == 18, s.hasPrefix("0x") else { return nil }
        return UInt64(s.dropFirst(2), radix: 16)
    }
}

extension LookupTable {
    /// The source design's cost, if the file carries one.
    public var cost: TableCost? { TableCost(metadata: metadata) }

    /// Why the table has no cost, in words (nil when it has one).
    public var costUnknownReason: String? {
        if cost != nil { return nil }
        if let r = metadata["cost_unknown"] { return r }
        if formatVersion < 2 { return "the table file is format version \(formatVersion), which stores no cost; re-create it with `axmul compile`" }
        return "the table file stores no cost for its design"
    }

    /// The content hash of the design the table was compiled from (`source_hash`), if stored.
    public var sourceHash: UInt64? { metadata["source_hash"].flatMap(TableCost.parseHash) }

    /// Stores `cost`, or `reason` when there is none, replacing any earlier cost keys; and the source hash.
    public mutating func setCost(_ cost: TableCost?, unknownReason reason: String, sourceHash: UInt64?) {
        for k in TableCost.allKeys { metadata[k] = nil }
        if let cost { metadata.merge(cost.metadata) { $1 } } else { metadata["cost_unknown"] = reason.replacingOccurrences(of: "\n", with: " ") }
        metadata["source_hash"] = sourceHash.map(FNV1a64.hex)
    }
}
