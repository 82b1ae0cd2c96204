import Foundation
import Records
import TableFormat

/// The whole search: the sensitivity table and uniform assignments, NSGA-II seeded with both, the
/// feasible Pareto front of everything evaluated, and the test accuracies of the front. Every batch
/// goes through the cache and the shard executor, so a resumed run re-derives the same generations
/// from the seed and measures only what the killed run had not finished.
public struct SearchRun {
    public var space: SearchSpace
    /// Index of the exact multiplier in the library.
    public var exact: Int
    public var constraints: SearchConstraints
    public var config: NSGA2.Config
    public var batches: BatchEvaluator
    /// Called after each generation with (generation, candidates measured so far).
    public var progress: (Int, Int) -> Void = { _, _ in }

    public init(space: SearchSpace, exact: Int, constraints: SearchConstraints, config: NSGA2.Config, batches: BatchEvaluator) {
        (self.space, self.exact, self.constraints, self.config, self.batches) = (space, exact, constraints, config, batches)
    }

    /// Validation accuracy of each genome (label names the shard-set folder).
    mutating func accuracies(_ label: String, _ genomes: [Genome], split: String = "validation") throws -> [Double] {
        try batches.accuracies(label, split: split, genomes.map(space.names))
    }

    public mutating func sensitivity() throws -> SensitivityTable {
        let n = space.layers.count
        var genomes = [space.uniform(exact)]
        for l in 0..<n { for d in space.designs.indices { genomes.append(SensitivityTable.genome(layer: l, design: d, layers: n, exact: exact)) } }
        let acc = try accuracies("sensitivity", genomes)
        let rows = (0..<n).map { l in Array(acc[(1 + l * space.designs.count)..<(1 + (l + 1) * space.designs.count)]) }
        return SensitivityTable(layers: space.layers.map(\.name), designs: space.designs.map(\.name), accuracy: rows, exactAccuracy: acc[0])
    }

    /// Runs everything; returns the result (refine "none") and the sensitivity table.
    public mutating func run() throws -> (SearchResult, SensitivityTable) {
        let table = try sensitivity()
        let exactAcc = table.exactAccuracy
        let uniform = space.designs.indices.map(space.uniform)
        let uniformAcc = try accuracies("uniform", uniform)
        var known: [Genome: Double] = Dictionary(zip(uniform, uniformAcc), uniquingKeysWith: { a, _ in a })
        for l in space.layers.indices {
            for d in space.designs.indices {
                known[SensitivityTable.genome(layer: l, design: d, layers: space.layers.count, exact: exact)] = table.accuracy[l][d]
            }
        }
        let budgets = [0.1, 0.25, 0.5, 1, 2, 5] + (constraints.maxAccuracyLoss.map { [$0] } ?? [])
        let space = self.space, constraints = self.constraints
        let evaluation = { (g: Genome, a: Double) in
            Fitness(objectives: [space.energy(g), 1 - a],
                       violation: constraints.violation(energy: space.energy(g), accuracy: a, exactAccuracy: exactAcc))
        }
        let nsga = NSGA2(alphabet: space.alphabet, config: config, repair: space.repair)
        let archive = try nsga.run(initial: uniform + table.seeds(space: space, exact: exact, budgets: budgets)) { generation, genomes in
            let acc = try accuracies(String(format: "gen-%03d", generation), genomes)
            progress(generation, batches.measured)
            return zip(genomes, acc).map(evaluation)
        }
        zip(archive.genomes, archive.evaluations).forEach { known[$0] = 1 - $1.objectives[1] }
        let all = known.keys.filter { g in space.maxDistinct.map { SearchSpace.distinct(g) <= $0 } ?? true }
            .sorted { $0.lexicographicallyPrecedes($1) }
        let points = all.map { evaluation($0, known[$0] ?? 0) }
        let front = Pareto.front(points).map { all[$0] }
        let test = try accuracies("front", [space.uniform(exact)] + front + uniform, split: "test")
        let point = { (g: Genome, t: Double) in
            SearchResult.Point(assignment: space.names(g), energyRel: space.energy(g), validationAccuracy: known[g] ?? 0,
                               testAccuracy: t, distinct: SearchSpace.distinct(g))
        }
        let result = SearchResult(
            layers: space.layers.map(\.name), designs: space.designs.map(\.name), exact8ValidationAccuracy: exactAcc,
            exact8TestAccuracy: test[0], constraints: constraints, maxDistinct: space.maxDistinct, population: config.population,
            generations: config.generations, seed: config.seed, candidates: known.count,
            front: zip(front, test[1...]).map(point), uniform: zip(uniform, test[(1 + front.count)...]).map(point),
            refine: "none", refined: nil, energyModel: TableCost.model)
        return (result, table)
    }
}
