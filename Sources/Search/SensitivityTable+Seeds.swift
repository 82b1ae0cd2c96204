import Records

/// The search's use of a sensitivity table: one-layer genomes, and greedy seeds for NSGA-II.
extension SensitivityTable {
    /// The genome of layer `l` on design `d`, the others on `exact` (the exact design's index).
    public static func genome(layer l: Int, design d: Int, layers: Int, exact: Int) -> Genome {
        (0..<layers).map { $0 == l ? d : exact }
    }

    /// Accuracy loss in percentage points of layer l on design d.
    public func loss(_ l: Int, _ d: Int) -> Double { 100 * (exactAccuracy - accuracy[l][d]) }

    /// Greedy seeds: for each loss budget, every layer on the lowest-power design whose own loss stays
    /// within the budget (exact when none does).
    public func seeds(space: SearchSpace, exact: Int, budgets: [Double]) -> [Genome] {
        budgets.map { budget in
            space.layers.indices.map { l in
                space.designs.indices.filter { loss(l, $0) <= budget }
                    .min { (space.designs[$0].powerRel, $0) < (space.designs[$1].powerRel, $1) } ?? exact
            }
        }
    }
}
