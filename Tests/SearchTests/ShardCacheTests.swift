import Foundation
import NetSim
import Search
import Testing

/// The evaluation cache and the shard files: cached accuracies come back identical (also after a
/// reload from disk), shards merge in item order, and a missing shard is named.
struct ShardCacheTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("axmul-search-\(UUID().uuidString)")
    }

    static let context = SearchContext(model: "m", modelHash: "fnv1a64:0x1", data: "d", dataHash: "fnv1a64:0x2", library: ["a", "b"],
                                       validationSamples: 10, seed: 1)

    /// A deterministic accuracy that counts its calls.
    final class Counter: @unchecked Sendable {
        var calls = 0
        func accuracy(_ split: String, _ item: [String]) -> Double {
            calls += 1
            return Double(item.joined().unicodeScalars.reduce(0) { $0 + Int($1.value) } % 97) / 97 + (split == "test" ? 0.001 : 0)
        }
    }

    @Test("repeated candidates cost nothing and return identical accuracies, also from a reloaded cache")
    func cacheReturnsIdenticalAccuracies() throws {
        let dir = Self.folder(), counter = Counter()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let items = [["a", "b"], ["b", "b"], ["a", "a"], ["a", "b"]]
        var batches = BatchEvaluator(context: Self.context, cache: try EvaluationCache(file: dir.appendingPathComponent("cache.jsonl")),
                                     executor: LocalExecutor(accuracy: counter.accuracy), root: dir, shards: 2,
                                     key: BatchEvaluator.searchKey(Self.context))
        let first = try batches.accuracies("one", split: "validation", items)
        #expect(counter.calls == 3)
        #expect(first == items.map { Counter().accuracy("validation", $0) })
        let again = try batches.accuracies("two", split: "validation", items.reversed())
        #expect(counter.calls == 3)
        #expect(again == first.reversed())
        var reloaded = BatchEvaluator(context: Self.context, cache: try EvaluationCache(file: dir.appendingPathComponent("cache.jsonl")),
                                      executor: LocalExecutor(accuracy: counter.accuracy), root: dir, shards: 2,
                                      key: BatchEvaluator.searchKey(Self.context))
        #expect(try reloaded.accuracies("three", split: "validation", items) == first)
        #expect(counter.calls == 3 && reloaded.measured == 0)
        _ = try reloaded.accuracies("four", split: "test", [items[0]])
        #expect(counter.calls == 4, "another data subset is another cache key")
    }

    @Test("shards split items into contiguous blocks and merge in item order")
    func shardsMergeInOrder() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = ShardSet(context: Self.context, split: "validation", items: (0..<7).map { ["d\($0)"] }, shards: 3)
        #expect((0..<3).map { set.range(shard: $0) } == [0..<2, 2..<4, 4..<7])
        try set.write(to: dir)
        for i in [2, 0, 1] { try set.run(shard: i, in: dir) { Double($0[0].dropFirst())! / 10 } }
        #expect(try set.merge(in: dir) == (0..<7).map { Double($0) / 10 })
        #expect(try ShardSet.read(dir) == set)
    }

    @Test("merge refuses missing shards, naming them")
    func missingShardIsNamed() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = ShardSet(context: Self.context, split: "validation", items: (0..<6).map { ["d\($0)"] }, shards: 4)
        try set.write(to: dir)
        try set.run(shard: 0, in: dir) { _ in 0.5 }
        try set.run(shard: 2, in: dir) { _ in 0.5 }
        do {
            try set.merge(in: dir)
            Issue.record("merge accepted missing shards")
        } catch let e as SearchError {
            #expect(e.kind == .missingShards(["shard-1.json", "shard-3.json"]))
            #expect(e.description.contains("shard-1.json, shard-3.json"))
        }
    }

    @Test("the sbatch jobs: array over the shards with --requeue, output and user options as sbatch arguments, merge with the same binary")
    func slurmScripts() throws {
        let set = ShardSet(context: Self.context, split: "validation", items: (0..<5).map { ["d\($0)"] }, shards: 3)
        let s = SlurmScripts(binary: "/shared/bin/axmul", options: ["--partition=cpu", "--account=p1"])
        let array = try s.array(set, folder: "/shared/run/sets/gen-001-validation", name: "axmul-gen-001")
        for line in ["#SBATCH --array=0-2", "#SBATCH --requeue",
                     "'/shared/bin/axmul' shard run '/shared/run/sets/gen-001-validation' --index \"$SLURM_ARRAY_TASK_ID\""] {
            #expect(array.script.contains(line + "\n"), "missing: \(line)")
        }
        #expect(array.arguments == ["--output=/shared/run/sets/gen-001-validation/logs/task-%a.out", "--partition=cpu", "--account=p1"])
        #expect(!array.script.contains("#SBATCH --partition") && !array.script.contains("#SBATCH --output"))
        let merge = try s.merge(folder: "/x", name: "n")
        #expect(merge.script.contains("exec '/shared/bin/axmul' shard merge '/x'\n"))
        #expect(merge.arguments.first == "--output=/x/logs/merge.out")
    }
}
