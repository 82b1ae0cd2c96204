/// Pareto optimality for two costs to minimise (e.g. power_rel and magnitude mre_pct).
public enum ParetoFront {
    /// For each point, true when no other point is at least as good in both costs and better in one.
    /// Points with a missing cost are never optimal.
    public static func flags(_ points: [(Double, Double)?]) -> [Bool] {
        points.map { p in
            guard let (x, y) = p else { return false }
            return !points.contains { q in
                guard let (u, v) = q else { return false }
                return u <= x && v <= y && (u < x || v < y)
            }
        }
    }
}

/// The cost axis of a Pareto front against magnitude mre_pct.
public enum ParetoCost: String, Sendable, CaseIterable {
    case powerRel = "power_rel"
    case luts

    /// The cost of `c` on this axis, nil when unknown.
    public func value(_ c: Characterisation) -> Double? {
        switch self {
        case .powerRel: c.cost.powerRel
        case .luts: c.cost.luts.map(Double.init)
        }
    }
}

extension ParetoFront {
    /// Pareto flags of `cost` against magnitude mre_pct, each design compared only with designs of its width.
    public static func flags(_ results: [Characterisation], cost: ParetoCost) -> [Bool] {
        var out = [Bool](repeating: false, count: results.count)
        for width in Set(results.map(\.width)) {
            let idx = results.indices.filter { results[$0].width == width }
            let f = flags(idx.map { i in cost.value(results[i]).map { ($0, results[i].magnitude.mrePct) } })
            for (k, i) in idx.enumerated() { out[i] = f[k] }
        }
        return out
    }
}
