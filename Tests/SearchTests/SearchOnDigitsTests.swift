import Foundation
import Multipliers
import NetSim
import Search
import Testing

/// The whole search on a small network: an MLP (64-16-16-10, three Dense layers) on the shipped digits,
/// a library of 4 designs, so 4³ = 64 assignments; the search's front must equal the front found by
/// enumerating all 64 in this test.
struct SearchOnDigitsTests {
    static let library = ["exact8", "smapprox8x8-2222", "truncated8-t6", "drum8-k3"]
    static let powers = [1.0, 0.7, 0.55, 0.4]

    static func setup() throws -> (CandidateEvaluator, CandidateEvaluator, SearchSpace) {
        let (train, test) = try DatasetLoader.load("digits_8x8")
        var config = TrainConfig()
        (config.epochs, config.batchSize, config.learningRate, config.seed) = (6, 32, 0.05, 3)
        let net = try ModelZoo.build("mlp", inputShape: train.sampleShape, classCount: train.classCount, seed: 3, options: .init(hidden: [16, 16]))
        let (rest, validation) = ValidationSplit.split(train, samples: 300, seed: 1, reserved: 256)
        var trainer = Trainer(network: net, config: config)
        for _ in 0..<config.epochs { _ = try trainer.runEpoch(train: rest, test: validation) }
        let entries = try library.map { try MultiplierLoader.load($0, costModel: nil).entry }
        let v = CandidateEvaluator(float: trainer.network, entries: entries, calibration: rest, data: validation)
        let t = CandidateEvaluator(float: trainer.network, entries: entries, calibration: rest, data: test)
        let space = SearchSpace(layers: v.layers, designs: zip(library, powers).map { .init(name: $0, powerRel: $1) })
        return (v, t, space)
    }

    @Test("search finds the exact Pareto front of all 64 assignments (exhaustive enumeration)")
    func findsExhaustiveFront() throws {
        let (v, t, space) = try Self.setup()
        #expect(space.layers.count == 3)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let context = SearchContext(model: "mlp", modelHash: "test", data: "digits_8x8", dataHash: "test", library: Self.library, validationSamples: 300, seed: 1)
        let index = Dictionary(uniqueKeysWithValues: Self.library.enumerated().map { ($1, $0) })
        let executor = LocalExecutor { split, item in (split == "test" ? t : v).accuracy(item.compactMap { index[$0] }) }
        let batches = BatchEvaluator(context: context, cache: try EvaluationCache(file: nil), executor: executor,
                                     root: dir, shards: 3, key: BatchEvaluator.searchKey(context))
        var run = SearchRun(space: space, exact: 0, constraints: .init(), config: .init(population: 12, generations: 8, seed: 4), batches: batches)
        let (result, table) = try run.run()

        // Exhaustive: every assignment measured, then a naive O(n²) domination check.
        var all: [(g: Genome, e: Double, a: Double)] = []
        for a in 0..<4 { for b in 0..<4 { for c in 0..<4 { let g = [a, b, c]; all.append((g, space.energy(g), v.accuracy(g))) } } }
        let optimal = all.filter { p in !all.contains { q in q.e <= p.e && q.a >= p.a && (q.e < p.e || q.a > p.a) } }
        let expected = Set(optimal.map { [$0.e, $0.a] })
        let found = Set(result.front.map { [$0.energyRel, $0.validationAccuracy] })
        #expect(found == expected, "front \(result.front.map(\.assignment)) vs exhaustive \(optimal.map(\.g))")
        #expect(table.accuracy.count == 3 && table.accuracy[0].count == 4)
        #expect(table.accuracy[1][0] == table.exactAccuracy, "a layer on the exact design changes nothing")
        #expect(result.uniform.count == 4 && result.front.allSatisfy { $0.testAccuracy != nil } && result.energyModel == "fpga-toggle")
    }
}
