import Foundation
import Records
import NetSim
import Testing
@testable import Search

/// Issue 25, class 5 (cache and merge integrity): the cache key follows the data's content, the split and
/// the settings, never a path; a corrupt cache line is named by file and line, a torn last line is
/// measured again; a merge refuses forged values and items outside the library, naming file and line.
@Suite struct CacheIntegrityTests {
    static let context = ShardCacheTests.context

    static func folder() throws -> URL {
        let dir = ShardCacheTests.folder()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("the subset key changes with the data's content, the validation split (both splits), the test limit and the quantisation, and not with the data's path")
    func subsetKeyFollowsContentSplitAndSettings() {
        let base = Self.context
        var moved = base, other = base, seed = base, size = base, limit = base, calib = base, perChannel = base
        moved.data = "/elsewhere/same-bytes.csv"
        other.dataHash = "fnv1a64:0x3"
        seed.seed = 2
        size.validationSamples = 11
        limit.testLimit = 100
        calib.quant.calibrationBatches = 8
        perChannel.quant.perChannelWeights.toggle()
        for split in ["validation", "test"] {
            #expect(moved.subsetKey(split) == base.subsetKey(split), "the path is not part of the key")
            for (name, c) in [("data content", other), ("seed", seed), ("validation size", size), ("calibration", calib), ("per-channel", perChannel)] {
                #expect(c.subsetKey(split) != base.subsetKey(split), "\(name) must change the \(split) key")
            }
        }
        #expect(limit.subsetKey("test") != base.subsetKey("test") && limit.subsetKey("validation") == base.subsetKey("validation"))
        var designs = base
        (designs.designs, designs.designHashes) = (["a", "b"], ["fnv1a64:0xa", "fnv1a64:0xb"])
        #expect(designs.keyed(["b", "a"]) == ["b@fnv1a64:0xb", "a@fnv1a64:0xa"], "a design is keyed by its table's content too")
    }

    @Test("a batch evaluator refuses a context without a data hash rather than key by path")
    func contextWithoutDataHashIsRefused() throws {
        var context = Self.context
        context.dataHash = ""
        var batches = BatchEvaluator(context: context, cache: try EvaluationCache(file: nil), executor: LocalExecutor { _, _ in 0.5 },
                                     root: ShardCacheTests.folder(), shards: 1, key: BatchEvaluator.searchKey(context))
        #expect(throws: SearchError.self) { try batches.accuracies("x", split: "validation", [["a"]]) }
    }

    /// A cache file of `n` records (items ["d0"] … ) written through the cache itself; its lines.
    static func cacheFile(_ dir: URL, _ n: Int) throws -> (URL, [String]) {
        let url = dir.appendingPathComponent("cache.jsonl")
        var cache = try EvaluationCache(file: url)
        for i in 0..<n { try cache.store(BatchEvaluator.searchKey(context)("validation", ["d\(i)"]), Double(i) / 10) }
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
        return (url, lines)
    }

    @Test("a corrupt or out-of-range line in the middle of the cache is an error naming the file and line")
    func corruptCacheLineIsNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, lines) = try Self.cacheFile(dir, 3)
        let forged = [("{\"key\": {\"model\"", "not a cache record"),
                      (lines[1].replacingOccurrences(of: "\"accuracy\":0.1", with: "\"accuracy\":7.5"), "accuracy 7.5 is outside [0, 1]"),
                      (lines[1].replacingOccurrences(of: "\"accuracy\":0.1", with: "\"accuracy\":-3"), "accuracy -3.0 is outside [0, 1]")]
        for (line, why) in forged {
            try Data(([lines[0], line, lines[2]].joined(separator: "\n") + "\n").utf8).write(to: url)
            do {
                _ = try EvaluationCache(file: url)
                Issue.record("loaded a cache with line 2 = \(line)")
            } catch let e as SearchError {
                #expect(e.kind == .badFile && e.file == url.path && e.line == 2, "\(e)")
                #expect(e.description.hasPrefix(url.path + ":2: ") && e.description.contains(why), "\(e)")
            }
        }
    }

    @Test("a torn last line (a crash mid-append) is measured again, and the file is whole lines afterwards")
    func tornLastLineIsRecomputed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (url, lines) = try Self.cacheFile(dir, 3)
        let torn = lines[0] + "\n" + lines[1] + "\n" + lines[2].prefix(lines[2].count / 2)
        try Data(torn.utf8).write(to: url)
        let counter = ShardCacheTests.Counter()
        var batches = BatchEvaluator(context: Self.context, cache: try EvaluationCache(file: url), executor: LocalExecutor(accuracy: counter.accuracy),
                                     root: dir.appendingPathComponent("sets"), shards: 1, key: BatchEvaluator.searchKey(Self.context))
        _ = try batches.accuracies("again", split: "validation", [["d0"], ["d1"], ["d2"]])
        #expect(counter.calls == 1 && batches.measured == 1, "only the torn record is measured again")
        let reloaded = try EvaluationCache(file: url)
        #expect(reloaded.values.count == 3)
        #expect(try Data(contentsOf: url).last == 0x0A)
    }

    /// A set of 6 items in 3 shards, every shard run.
    static func finishedSet(_ dir: URL, context: SearchContext = context) throws -> ShardSet {
        let set = ShardSet(context: context, split: "validation", items: (0..<6).map { ["d\($0)"] }, shards: 3)
        try set.write(to: dir)
        for i in 0..<3 { try set.run(shard: i, in: dir) { _ in 0.5 } }
        return set
    }

    @Test("merge refuses forged accuracies (7.5, -3, 1e999), naming the shard file and the value's line")
    func forgedShardValuesAreRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = try Self.finishedSet(dir)
        let url = ShardSet.shardURL(dir, 1)
        for (values, line) in [([7.5, 0.5], 3), ([0.5, -3], 4)] {
            try RecordJSON.encode(ShardResult(shard: 1, first: 2, accuracies: values)).write(to: url)
            do {
                try set.merge(in: dir)
                Issue.record("merged \(values)")
            } catch let e as SearchError {
                #expect(e.kind == .badFile && e.file == url.path && e.line == line, "\(e)")
                #expect(e.description.hasPrefix("\(url.path):\(line): ") && e.description.contains("outside [0, 1]"), "\(e)")
            }
        }
        try Data("{\"accuracies\": [0.5, 1e999], \"first\": 2, \"shard\": 1}\n".utf8).write(to: url)
        #expect(throws: SearchError.self) { try set.merge(in: dir) }
        #expect(!FileManager.default.fileExists(atPath: ShardSet.mergedURL(dir).path), "nothing merged")
    }

    @Test("shard files written before the tags still load and merge; a file with another record's tag or an unknown tag is refused, naming the tag")
    func untaggedShardFilesLoadAndOtherTagsAreNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = ShardSet(context: Self.context, split: "validation", items: [["a"], ["b"], ["a"]], shards: 2)
        try JSONEncoder().encode(set).write(to: ShardSet.manifestURL(dir))   // the manifest as written before the tag
        try Data(#"{"accuracies":[0.25],"first":0,"shard":0}"#.utf8).write(to: ShardSet.shardURL(dir, 0))
        try Data(#"{"accuracies":[0.5,0.75],"first":1,"shard":1}"#.utf8).write(to: ShardSet.shardURL(dir, 1))
        #expect(RecordSchema.tag(of: try Data(contentsOf: ShardSet.manifestURL(dir))) == nil)
        #expect(try ShardSet.read(dir) == set)
        #expect(try set.merge(in: dir) == [0.25, 0.5, 0.75])
        let merged = String(decoding: try Data(contentsOf: ShardSet.mergedURL(dir)), as: UTF8.self)
        #expect(merged == "{\n  \"accuracies\" : [\n    0.25,\n    0.5,\n    0.75\n  ],\n  \"schema\" : \"axmul.search-merged\\/1\"\n}\n", "\(merged.debugDescription)")   // JSONEncoder writes / as \/

        let shard = ShardSet.shardURL(dir, 1), manifest = ShardSet.manifestURL(dir)
        try RecordJSON.encode(set).write(to: shard)   // a manifest where a shard belongs
        var future = try #require(try JSONSerialization.jsonObject(with: try RecordJSON.encode(set)) as? [String: Any])
        future["schema"] = "axmul.search-manifest/2"
        try JSONSerialization.data(withJSONObject: future).write(to: manifest)
        for (url, read, why) in [(shard, { _ = try set.merge(in: dir) }, "is not a axmul.search-shard/1 file: it is a 'axmul.search-manifest/1' record"),
                                 (manifest, { _ = try ShardSet.read(dir) },
                                  "is not a axmul.search-manifest/1 file: its schema 'axmul.search-manifest/2' is not one this version of axmul reads")]
            as [(URL, () throws -> Void, String)] {
            do {
                try read()
                Issue.record("read \(url.lastPathComponent)")
            } catch let e as SearchError {
                #expect(e.kind == .badFile && e.file == url.path && e.message == why && e.hint != nil, "\(e)")
            }
        }
    }

    @Test("a manifest whose item names a design outside the library, or a split or shard count no driver writes, is refused")
    func manifestOutsideTheLibraryIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var context = Self.context
        (context.designs, context.designHashes) = (["exact8", "a"], ["fnv1a64:0x0", "fnv1a64:0xa"])
        for (set, why) in [(ShardSet(context: context, split: "validation", items: [["a", "exact8"], ["a", "zz"]], shards: 1), "design 'zz'"),
                           (ShardSet(context: context, split: "validation", items: [["a", "a"], ["a"]], shards: 1), "item 1 has 1 designs"),
                           (ShardSet(context: context, split: "train", items: [["a"]], shards: 1), "split 'train'")] {
            try set.write(to: dir)
            do {
                _ = try ShardSet.read(dir)
                Issue.record("read a manifest with \(why)")
            } catch let e as SearchError {
                #expect(e.file == ShardSet.manifestURL(dir).path && e.message.contains(why), "\(e)")
            }
        }
    }

    @Test("a shard task refuses to write an accuracy outside [0, 1]")
    func shardRunRefusesOutOfRangeAccuracy() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = ShardSet(context: Self.context, split: "validation", items: [["a"], ["b"]], shards: 1)
        try set.write(to: dir)
        #expect(throws: SearchError.self) { try set.run(shard: 0, in: dir) { $0 == ["b"] ? .nan : 0.5 } }
        #expect(set.done(in: dir).isEmpty)
    }
}
