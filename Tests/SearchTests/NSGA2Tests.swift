import NetSim
import Search
import Testing

/// NSGA-II on a discretised two-objective problem whose Pareto front is known in closed form.
struct NSGA2Tests {
    /// Gene 0 sets x = g0/20; genes 1…4 (0…7) add a penalty h = Σ g_i / 10. Objectives:
    /// f1 = x, f2 = 1 − √x + h. The true front is h = 0: the 21 points (x, 1 − √x).
    static let alphabet = [21, 8, 8, 8, 8]
    static func evaluate(_ g: Genome) -> Fitness {
        let x = Double(g[0]) / 20, h = Double(g[1...].reduce(0, +)) / 10
        return Fitness(objectives: [x, 1 - x.squareRoot() + h])
    }

    static let reference = [1.1, 1.1]
    static var trueHypervolume: Double {
        Pareto.hypervolume((0...20).map { i in let x = Double(i) / 20; return [x, 1 - x.squareRoot()] }, reference: reference)
    }

    static func run(seed: UInt64) -> NSGA2.Archive {
        let nsga = NSGA2(alphabet: alphabet, config: .init(population: 24, generations: 40, seed: seed))
        return nsga.run(initial: []) { _, genomes in genomes.map(evaluate) }
    }

    @Test("the hypervolume of the archive's front is within 2 % of the true front's, for several seeds")
    func hypervolumeWithinTwoPercent() {
        // The true front's staircase by formula: 20 columns of width 0.05 and height 1.1 − (1 − √(i/20)),
        // plus the column right of x = 1 (width 0.1, height 1.1).
        var formula = 0.1 * 1.1
        for i in 0..<20 { formula += 0.05 * (0.1 + (Double(i) / 20).squareRoot()) }
        #expect(abs(Self.trueHypervolume - formula) < 1e-12, "true hypervolume \(Self.trueHypervolume) vs \(formula)")
        for seed: UInt64 in [1, 2, 3] {
            let a = Self.run(seed: seed)
            let front = Pareto.front(a.evaluations).map { a.evaluations[$0].objectives }
            let hv = Pareto.hypervolume(front, reference: Self.reference)
            #expect(hv >= 0.98 * Self.trueHypervolume, "seed \(seed): hypervolume \(hv) vs true \(Self.trueHypervolume)")
        }
    }

    @Test("the same seed gives the same run; another seed a different one")
    func deterministicPerSeed() {
        let a = Self.run(seed: 7), b = Self.run(seed: 7), c = Self.run(seed: 8)
        #expect(a.genomes == b.genomes)
        #expect(a.evaluations == b.evaluations)
        #expect(a.genomes != c.genomes)
    }

    @Test("hypervolume of a hand-computed staircase")
    func hypervolumeByHand() {
        // Points (0, 2), (1, 1), (2, 0) against (3, 3): 3·1 + 2·1 + 1·1 = 6.
        #expect(Pareto.hypervolume([[0, 2], [1, 1], [2, 0], [2.5, 2.5]], reference: [3, 3]) == 6)
    }

    @Test("constrained domination: feasible beats infeasible, smaller violation wins")
    func constrainedDomination() {
        let good = Fitness(objectives: [5, 5]), bad = Fitness(objectives: [0, 0], violation: 0.1)
        let worse = Fitness(objectives: [0, 0], violation: 0.2)
        #expect(Pareto.dominates(good, bad))
        #expect(Pareto.dominates(bad, worse))
        #expect(Pareto.fronts([bad, good, worse]) == [[1], [0], [2]])
    }
}
