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
