import Foundation
import Search
import Testing
@testable import Report

/// The results committed under `results/` were written before the schema tags; the report still reads
/// each of them as its writer's record (values checked against the files).
@Suite struct CommittedResultsTests {
    static let results = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("results")

    static func folder(_ name: String) throws -> ResultsFolder {
        try ResultsFolder(path: results.appendingPathComponent(name).path)
    }

    @Test func experimentsLoad() throws {
        let delaParra = try Self.folder("delaparra"), hammad = try Self.folder("hammad"), table1 = try Self.folder("axtrain-table1")
        #expect(delaParra.delaParras.count == 1 && delaParra.delaParras.first?.experiment.quantisedAccuracy == 0.6525)
        #expect(delaParra.delaParras.first?.experiment.retrains.count == 65)
        #expect(hammad.hammads.count == 1 && hammad.hammads.first?.experiment.baselineAccuracy == 0.7075)
        #expect(table1.experiments.count == 1 && table1.experiments.first?.experiment.fig6.count == 84)
        #expect(table1.experiments.first?.experiment.apps.map(\.name) == ["breast_cancer", "segment", "ionosphere", "satimage", "mnist_mlp", "mnist_cnn"])
        for f in [delaParra, hammad, table1] { #expect(f.skipped.allSatisfy { !$0.hasSuffix(".json") && !$0.hasSuffix(".csv") }, "\(f.skipped)") }
    }

    @Test func searchOutputsAndTrainingLogLoad() throws {
        let run = try Self.folder("search-resnet8"), out = try Self.folder("search-resnet8/out")
        #expect(run.trainingLogs.map(\.file) == ["resnet8-fmnist.safetensors.log.jsonl"] && run.trainingLogs.first?.epochs.first?.lr == 0.05)
        #expect(out.searchFronts.count == 1 && out.searchFronts.first?.front.front.count == 4)
        #expect(out.searchSensitivities.first?.table.layers.prefix(2) == ["stem.conv", "layer1.0.a.conv"])
    }

    /// The search's working files written before the tags: shard results (values as in the files; their
    /// concatenation is the committed merged.json) and the evaluation cache. The committed manifests predate
    /// `SearchContext`'s content hashes and `quant`: they are refused naming the file (a rerun rebuilds such a set).
    @Test func searchShardFilesAndCacheLoad() throws {
        let sets = Self.results.appendingPathComponent("search-resnet8/out/sets")
        #expect(try SearchJSON.decode(ShardResult.self, from: sets.appendingPathComponent("gen-000-validation/shard-0.json"))
                == ShardResult(shard: 0, first: 0, accuracies: [0.818]))
        let gen1 = sets.appendingPathComponent("gen-001-validation")
        let shards = try (0..<7).map { try SearchJSON.decode(ShardResult.self, from: ShardSet.shardURL(gen1, $0)) }
        #expect(shards.map(\.first) == Array(0..<7) && shards.flatMap(\.accuracies) == [0.794, 0.804, 0.824, 0.808, 0.8, 0.802, 0.806])
        #expect(try JSONDecoder().decode([Double].self, from: Data(contentsOf: ShardSet.mergedURL(gen1))) == shards.flatMap(\.accuracies))
        let stale = #expect(throws: SearchError.self) { try ShardSet.read(gen1) }
        #expect(stale?.file == ShardSet.manifestURL(gen1).path && stale?.message.contains("is not a valid ShardSet file") == true, "\(String(describing: stale))")

        let cache = try EvaluationCache(file: Self.results.appendingPathComponent("search-resnet8/out/cache.jsonl"))
        let model = "fnv1a64:0xdea63f153a22c00d"
        #expect(cache[.init(model: model, subset: "fashion-mnist validation 500 seed 1 calibration 4x64 per-channel false",
                            assignment: Array(repeating: "exact8", count: 10))] == 0.806)
        #expect(cache[.init(model: model, subset: "fashion-mnist test limit 2000 calibration 4x64 per-channel false",
                            assignment: Array(repeating: "smapprox8x8-3111", count: 10))] == 0.6135)
    }
}
