import NetSim
import Search
import Testing

/// The "at most k distinct multipliers" constraint is never violated: not by repair, not by NSGA-II.
struct DistinctConstraintTests {
    static func randomSpace(_ rng: inout SplitMix64) -> SearchSpace {
        let layers = (0..<Int(1 + rng.next() % 8)).map { SearchSpace.Layer(name: "l\($0)", macs: Int(1 + rng.next() % 1000)) }
        let designs = (0..<Int(2 + rng.next() % 9)).map { SearchSpace.Design(name: "d\($0)", powerRel: Double(rng.next() % 100) / 100) }
        return SearchSpace(layers: layers, designs: designs, maxDistinct: Int(1 + rng.next() % 4))
    }

    @Test("repair keeps at most k distinct designs and leaves feasible genomes alone (500 random cases)")
    func repairProperty() {
        var rng = SplitMix64(seed: 19)
        for case_ in 0..<500 {
            let space = Self.randomSpace(&rng)
            let g = space.alphabet.map { Int(rng.next() % UInt64($0)) }
            let r = space.repair(g)
            let k = space.maxDistinct ?? 0
            #expect(SearchSpace.distinct(r) <= k, "case \(case_) (seed 19): \(g) → \(r), k = \(k)")
            #expect(Set(r).isSubset(of: Set(g)), "case \(case_): repair only reuses designs already present")
            if SearchSpace.distinct(g) <= k { #expect(r == g, "case \(case_): a feasible genome changed") }
        }
    }

    @Test("every genome NSGA-II evaluates has at most k distinct designs")
    func searchNeverViolates() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<20 {
            let space = Self.randomSpace(&rng)
            let nsga = NSGA2(alphabet: space.alphabet, config: .init(population: 8, generations: 5, seed: rng.next()), repair: space.repair)
            let initial = (0..<4).map { _ in space.alphabet.map { Int(rng.next() % UInt64($0)) } }
            let archive = nsga.run(initial: initial) { _, gs in gs.map { Fitness(objectives: [space.energy($0), Double($0.reduce(0, +))]) } }
            for g in archive.genomes { #expect(SearchSpace.distinct(g) <= space.maxDistinct ?? 0, "\(g) breaks k = \(space.maxDistinct ?? 0)") }
        }
    }

    @Test("energy is the MAC-weighted mean power (hand-computed)")
    func energyByHand() {
        let space = SearchSpace(layers: [.init(name: "a", macs: 100), .init(name: "b", macs: 300)],
                                designs: [.init(name: "exact", powerRel: 1), .init(name: "x", powerRel: 0.5)])
        // (100·1 + 300·0.5) / 400 = 0.625
        #expect(space.energy([0, 1]) == 0.625)
    }
}
