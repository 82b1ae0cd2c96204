/// Pareto ranking for objectives to minimise, with Deb's constrained domination: a feasible point
/// (violation 0) beats an infeasible one, and of two infeasible points the smaller violation wins.
public enum Pareto {
    /// True when `a` constrained-dominates `b`.
    public static func dominates(_ a: Fitness, _ b: Fitness) -> Bool {
        if a.violation != b.violation { return a.violation < b.violation }
        var better = false
        for (x, y) in zip(a.objectives, b.objectives) {
            if x > y { return false }
            if x < y { better = true }
        }
        return better
    }

    /// Fronts of `points` by fast non-dominated sorting (indices, first front first; each front in index order).
    public static func fronts(_ points: [Fitness]) -> [[Int]] {
        let n = points.count
        var dominatedBy = [Int](repeating: 0, count: n), dominating = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                if dominates(points[i], points[j]) { dominating[i].append(j) }
                else if dominates(points[j], points[i]) { dominatedBy[i] += 1 }
            }
        }
        var fronts: [[Int]] = []
        var current = (0..<n).filter { dominatedBy[$0] == 0 }
        while !current.isEmpty {
            fronts.append(current)
            var next: [Int] = []
            for i in current {
                for j in dominating[i] {
                    dominatedBy[j] -= 1
                    if dominatedBy[j] == 0 { next.append(j) }
                }
            }
            current = next.sorted()
        }
        return fronts
    }

    /// Crowding distance of each member of one front (same order); boundary points get infinity.
    public static func crowding(_ points: [Fitness], front: [Int]) -> [Double] {
        var distance = [Double](repeating: 0, count: front.count)
        guard front.count > 2, let m = points.first?.objectives.count else {
            return [Double](repeating: .infinity, count: front.count)
        }
        for k in 0..<m {
            let order = front.indices.sorted { (points[front[$0]].objectives[k], $0) < (points[front[$1]].objectives[k], $1) }
            let lo = points[front[order[0]]].objectives[k], hi = points[front[order[order.count - 1]]].objectives[k]
            distance[order[0]] = .infinity
            distance[order[order.count - 1]] = .infinity
            guard hi > lo else { continue }
            for r in 1..<(order.count - 1) {
                let gap = points[front[order[r + 1]]].objectives[k] - points[front[order[r - 1]]].objectives[k]
                distance[order[r]] += gap / (hi - lo)
            }
        }
        return distance
    }

    /// The feasible non-dominated points (indices, sorted by first objective then index), duplicates of
    /// the same objectives kept once (the lowest index).
    public static func front(_ points: [Fitness]) -> [Int] {
        let feasible = points.indices.filter { points[$0].violation == 0 }
        var seen = Set<[Double]>()
        return feasible.filter { i in !feasible.contains { dominates(points[$0], points[i]) } }
            .sorted { precedes(points[$0].objectives, $0, points[$1].objectives, $1) }
            .filter { seen.insert(points[$0].objectives).inserted }
    }

    /// The area dominated by 2-objective `points` (minimised) and bounded by `reference`.
    public static func hypervolume(_ points: [[Double]], reference: [Double]) -> Double {
        let inside = points.filter { $0[0] < reference[0] && $0[1] < reference[1] }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        var volume = 0.0, bestY = reference[1]
        for p in inside where p[1] < bestY {
            volume += (reference[0] - p[0]) * (bestY - p[1])
            bestY = p[1]
        }
        return volume
    }

    /// Lexicographic order of objectives, ties broken by index.
    static func precedes(_ a: [Double], _ i: Int, _ b: [Double], _ j: Int) -> Bool {
        a == b ? i < j : a.lexicographicallyPrecedes(b)
    }
}
