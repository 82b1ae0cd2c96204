import NetSim
import Records

/// NSGA-II (Deb et al. 2002) over integer genomes: binary tournaments on (rank, crowding), uniform
/// crossover, per-gene mutation, elitist survival by non-dominated fronts and crowding distance.
/// Seeded and deterministic: the same seed, initial genomes and evaluations give the same run. A
/// generation is evaluated as one batch, so the evaluator may shard it (locally or on Slurm).
public struct NSGA2: Sendable {
    public struct Config: Sendable, Equatable {
        public var population: Int
        public var generations: Int
        public var seed: UInt64
        public var crossoverRate = 0.9
        /// Per-gene mutation probability; nil = 1 / genes.
        public var mutationRate: Double?

        public init(population: Int, generations: Int, seed: UInt64) {
            (self.population, self.generations, self.seed) = (population, generations, seed)
        }
    }

    /// Choices per gene (gene i takes values 0..<alphabet[i]).
    public var alphabet: [Int]
    public var config: Config
    /// Makes a genome feasible for the hard constraints (e.g. at most k distinct values); identity by default.
    public var repair: @Sendable (Genome) -> Genome

    public init(alphabet: [Int], config: Config, repair: @escaping @Sendable (Genome) -> Genome = { $0 }) {
        (self.alphabet, self.config, self.repair) = (alphabet, config, repair)
    }

    /// Every genome evaluated, in first-evaluation order, with its evaluation.
    public struct Archive: Sendable {
        public var genomes: [Genome] = []
        public var evaluations: [Fitness] = []
        var index: [Genome: Int] = [:]

        mutating func add(_ g: Genome, _ e: Fitness) {
            guard index[g] == nil else { return }
            index[g] = genomes.count
            genomes.append(g)
            evaluations.append(e)
        }
    }

    /// Runs the search from `initial` (repaired; topped up with random genomes to the population size).
    /// `evaluate` gets each generation as one batch and returns one evaluation per genome, in order.
    public func run(initial: [Genome], evaluate: (_ generation: Int, [Genome]) throws -> [Fitness]) rethrows -> Archive {
        var rng = SplitMix64(seed: config.seed)
        var archive = Archive()
        var population = unique(initial.map(repair))
        var attempts = 0
        while population.count < config.population && attempts < 100 * config.population {
            let g = repair(alphabet.map { Int(rng.next() % UInt64($0)) })
            if !population.contains(g) { population.append(g) }
            attempts += 1
        }
        var evaluations = try evaluate(0, population)
        zip(population, evaluations).forEach { archive.add($0, $1) }
        (population, evaluations) = survivors(population, evaluations)
        guard !alphabet.isEmpty else { return archive }
        for generation in stride(from: 1, through: config.generations, by: 1) {
            let ranks = rankAndCrowding(evaluations)
            var children: [Genome] = []
            while children.count < config.population {
                let a = population[tournament(ranks, &rng)], b = population[tournament(ranks, &rng)]
                let (c, d) = crossover(a, b, &rng)
                children.append(repair(mutate(c, &rng)))
                if children.count < config.population { children.append(repair(mutate(d, &rng))) }
            }
            let childEvaluations = try evaluate(generation, children)
            zip(children, childEvaluations).forEach { archive.add($0, $1) }
            (population, evaluations) = survivors(population + children, evaluations + childEvaluations)
        }
        return archive
    }

    /// The best `config.population` distinct genomes by front, then crowding distance (ties by index).
    func survivors(_ genomes: [Genome], _ evaluations: [Fitness]) -> ([Genome], [Fitness]) {
        var seen = Set<Genome>(), keep: [Int] = []
        let distinct = genomes.indices.filter { seen.insert(genomes[$0]).inserted }
        let points = distinct.map { evaluations[$0] }
        for front in Pareto.fronts(points) {
            if keep.count + front.count <= config.population {
                keep += front
                continue
            }
            let d = Pareto.crowding(points, front: front)
            let order = front.indices.sorted { (d[$0], -$0) > (d[$1], -$1) }
            keep += order.prefix(config.population - keep.count).map { front[$0] }
            break
        }
        return (keep.map { genomes[distinct[$0]] }, keep.map { points[$0] })
    }

    /// (rank, crowding distance) of each member.
    func rankAndCrowding(_ evaluations: [Fitness]) -> [(rank: Int, crowding: Double)] {
        var out = [(rank: Int, crowding: Double)](repeating: (0, 0), count: evaluations.count)
        for (r, front) in Pareto.fronts(evaluations).enumerated() {
            let d = Pareto.crowding(evaluations, front: front)
            for (k, i) in front.enumerated() { out[i] = (r, d[k]) }
        }
        return out
    }

    func tournament(_ ranks: [(rank: Int, crowding: Double)], _ rng: inout SplitMix64) -> Int {
        let i = Int(rng.next() % UInt64(ranks.count)), j = Int(rng.next() % UInt64(ranks.count))
        if ranks[i].rank != ranks[j].rank { return ranks[i].rank < ranks[j].rank ? i : j }
        return ranks[j].crowding > ranks[i].crowding ? j : i
    }

    func crossover(_ a: Genome, _ b: Genome, _ rng: inout SplitMix64) -> (Genome, Genome) {
        guard unit(&rng) < config.crossoverRate else { return (a, b) }
        var c = a, d = b
        for i in a.indices where rng.next() & 1 == 1 { (c[i], d[i]) = (b[i], a[i]) }
        return (c, d)
    }

    func mutate(_ g: Genome, _ rng: inout SplitMix64) -> Genome {
        let rate = config.mutationRate ?? 1 / Double(max(1, g.count))
        var out = g
        for i in g.indices where alphabet[i] > 1 && unit(&rng) < rate {
            out[i] = (g[i] + 1 + Int(rng.next() % UInt64(alphabet[i] - 1))) % alphabet[i]
        }
        return out
    }

    func unit(_ rng: inout SplitMix64) -> Double { Double(rng.next() >> 11) * 0x1.0p-53 }

    func unique(_ genomes: [Genome]) -> [Genome] {
        var seen = Set<Genome>()
        return genomes.filter { seen.insert($0).inserted }
    }
}
