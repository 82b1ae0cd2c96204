import Foundation

/// The readable table of `axmul characterize`: sorting by a metric and flagging Pareto rows.
public enum CharacterisationReport {
    /// Every key `--sort` accepts: "unsigned.<m>", "magnitude.<m>", "<cost key>", or a bare metric
    /// (meaning the magnitude domain).
    public static func sortValue(_ c: Characterisation, key: String) -> Double? {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        let (domain, metric) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts[0])
        let cost: [String: Double?] = ["luts": c.cost.luts.map(Double.init), "carry_cells": c.cost.carryCells.map(Double.init),
                                       "lut_levels": c.cost.lutLevels.map(Double.init), "delay_ns": c.cost.delayNs,
                                       "power_mw": c.cost.powerMw, "power_rel": c.cost.powerRel]
        if domain == "" || domain == "cost", let v = cost[metric] { return v }
        if metric == "name" || metric == "width" { return metric == "width" ? Double(c.width) : nil }
        let m = domain == "unsigned" ? c.unsigned : c.magnitude
        guard domain == "" || domain == "unsigned" || domain == "magnitude" else { return nil }
        return m.keyed.first { $0.0 == metric }?.1
    }

    /// True if `key` names a sortable column.
    public static func isValidSortKey(_ key: String) -> Bool {
        let metrics = ErrorMetrics.keys
        let costs = ["luts", "carry_cells", "lut_levels", "delay_ns", "power_mw", "power_rel"]
        let all = metrics + costs + ["name", "width"] + metrics.flatMap { ["unsigned.\($0)", "magnitude.\($0)"] } + costs.map { "cost.\($0)" }
        return all.contains(key)
    }

    /// Sorted rows (ascending; missing values last; ties by name) with their Pareto flags (`pareto` cost
    /// against magnitude mre_pct, among designs of the same width).
    public static func rows(_ results: [Characterisation], sortKey: String?, pareto: ParetoCost = .powerRel) -> [(Characterisation, Bool)] {
        let flags = ParetoFront.flags(results, cost: pareto)
        var rows = Array(zip(results, flags))
        if let key = sortKey {
            rows.sort { l, r in
                if key == "name" { return l.0.name < r.0.name }
                switch (sortValue(l.0, key: key), sortValue(r.0, key: key)) {
                case let (x?, y?): return x != y ? x < y : l.0.name < r.0.name
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return l.0.name < r.0.name
                }
            }
        }
        return rows
    }

    /// An aligned text table; "*" marks Pareto-optimal rows (`pareto` cost vs magnitude mre_pct, same width).
    public static func text(_ results: [Characterisation], sortKey: String?, pareto: ParetoCost = .powerRel) -> String {
        let header = ["name", "n", "mag.mre%", "mag.ep%", "mag.mae", "mag.wce", "mag.bias", "mag.sd",
                      "uns.mre%", "uns.nmed", "luts", "carry", "levels", "delay_ns", "power_mw", "power_rel", "pareto"]
        var lines = [header]
        for (c, pareto) in rows(results, sortKey: sortKey, pareto: pareto) {
            let m = c.magnitude, u = c.unsigned, k = c.cost
            lines.append([c.name, "\(c.width)", fmt(m.mrePct), fmt(m.epPct), fmt(m.mae), fmt(m.wce), fmt(m.bias), fmt(m.sd),
                          fmt(u.mrePct), fmt(u.nmed), opt(k.luts), opt(k.carryCells), opt(k.lutLevels), fmt(k.delayNs),
                          fmt(k.powerMw), fmt(k.powerRel), pareto ? "*" : ""])
        }
        let widths = header.indices.map { i in lines.map { $0[i].count }.max() ?? 0 }
        return lines.map { row in
            row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func opt(_ v: Int?) -> String { v.map(String.init) ?? "-" }

    /// Four significant digits, plain notation when readable.
    static func fmt(_ v: Double?) -> String {
        guard let v else { return "-" }
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e6 || a < 1e-3 { return String(format: "%.3e", v) }
        let decimals = max(0, 3 - Int((a).log10Floor))
        return String(format: "%.\(decimals)f", v)
    }
}

private extension Double {
    var log10Floor: Double { (Foundation.log10(self)).rounded(.down) }
}
