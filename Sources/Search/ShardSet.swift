import Foundation
import NetSim
import Records
import TableFormat

/// A candidate set split into shards, in one folder of the shared results folder:
/// `manifest.json` (what to evaluate), `shard-<i>.json` (each task's results, written atomically) and
/// `merged.json` (all results in item order, written by the merge). A task or merge needs nothing but
/// this folder and the binary, so it runs the same on the local cores or as a Slurm array task.
/// The three files are tagged records (`axmul.search-manifest/1`, `axmul.search-shard/1`,
/// `axmul.search-merged/1`; the tags' home is `Records/RecordSchema.swift`); files written before the
/// tags are read by their keys.
public struct ShardSet: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema.searchManifest

    /// How to rebuild the evaluation (model, data, library, validation split).
    public var context: SearchContext
    /// "validation" or "test".
    public var split: String
    /// One item per candidate: a design name per layer (search), or [model, design, method] (sweep).
    public var items: [[String]]
    public var shards: Int

    public init(context: SearchContext, split: String, items: [[String]], shards: Int) {
        (self.context, self.split, self.items) = (context, split, items)
        self.shards = max(1, min(shards, items.count))
    }

    /// Items of shard `i`: a contiguous block, sizes differing by at most one.
    public func range(shard i: Int) -> Range<Int> {
        (items.count * i / shards)..<(items.count * (i + 1) / shards)
    }

    public static func manifestURL(_ folder: URL) -> URL { folder.appendingPathComponent("manifest.json") }
    public static func shardURL(_ folder: URL, _ i: Int) -> URL { folder.appendingPathComponent("shard-\(i).json") }
    public static func mergedURL(_ folder: URL) -> URL { folder.appendingPathComponent("merged.json") }

    /// Writes the manifest atomically (creating the folder).
    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try OutputFile.write(try RecordJSON.encode(self), to: Self.manifestURL(folder))
    }

    /// The manifest in `folder`, checked (`check`).
    public static func read(_ folder: URL) throws -> ShardSet {
        let url = manifestURL(folder)
        let set = try SearchJSON.decode(ShardSet.self, from: url)
        try set.check(file: url.path)
        return set
    }

    /// Refuses a manifest that no driver writes: an unknown split, a shard count outside 1…items, or
    /// an item outside the library (search: one design of `context.designs` per layer, every item
    /// as long as the first; sweep: [model, design of `context.library`, method]).
    public func check(file: String) throws {
        let bad = { (what: String) in SearchError(.badFile, file: file, what, hint: "delete the set's folder; the driver writes it again") }
        guard ["validation", "test"].contains(split) else { throw bad("split '\(split)' must be validation or test") }
        guard shards >= 1, shards <= max(1, items.count) else { throw bad("\(shards) shards for \(items.count) items: use 1…\(max(1, items.count))") }
        let designs = Set(context.kind == "sweep" ? context.library : context.designs)
        for (n, item) in items.enumerated() {
            if context.kind == "sweep" {
                guard item.count == 3, designs.contains(item[1]), context.models.isEmpty || context.models.contains(item[0]) else {
                    throw bad("item \(n) \(item) is not [model, design, method] with a model of \(context.models) and a design of \(context.library)")
                }
            } else {
                guard !item.isEmpty, item.count == items[0].count else {
                    throw bad("item \(n) has \(item.count) designs; item 0 has \(items[0].count) (one per layer)")
                }
                if !designs.isEmpty, let stranger = item.first(where: { !designs.contains($0) }) {
                    throw bad("item \(n) names design '\(stranger)', which is not in the library \(context.designs)")
                }
            }
        }
    }
}

/// One task's results: the accuracy of each item of its range, in order (`shard-<i>.json`).
public struct ShardResult: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema.searchShard
    public var shard: Int
    public var first: Int
    public var accuracies: [Double]

    public init(shard: Int, first: Int, accuracies: [Double]) {
        (self.shard, self.first, self.accuracies) = (shard, first, accuracies)
    }
}

/// A set's results in item order (`merged.json`; written by the merge for people and scripts, not read
/// back: a resumed search merges the shards again). Before the tags it was a bare JSON array.
public struct MergedShards: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema.searchMerged
    public var accuracies: [Double]

    public init(accuracies: [Double]) { self.accuracies = accuracies }
}

extension ShardSet {
    /// Evaluates shard `i` with `accuracy` and writes `shard-<i>.json` atomically.
    public func run(shard i: Int, in folder: URL, accuracy: ([String]) throws -> Double) throws {
        guard (0..<shards).contains(i) else {
            throw SearchError(.invalidArgument, file: folder.path, "shard index \(i) is outside 0…\(shards - 1)")
        }
        let r = range(shard: i)
        let accuracies = try items[r].map(accuracy)
        if let k = accuracies.firstIndex(where: { !($0.isFinite && (0...1).contains($0)) }) {
            throw SearchError(.badFile, file: folder.path, "item \(r.lowerBound + k) measured accuracy \(accuracies[k]), outside [0, 1]: not written")
        }
        let result = ShardResult(shard: i, first: r.lowerBound, accuracies: accuracies)
        try OutputFile.write(try RecordJSON.encode(result), to: Self.shardURL(folder, i))
    }

    /// Indices of shards whose result file is present.
    public func done(in folder: URL) -> [Int] {
        (0..<shards).filter { FileManager.default.fileExists(atPath: Self.shardURL(folder, $0).path) }
    }

    /// All shard results in item order; refuses missing shards, naming them. Writes `merged.json`.
    @discardableResult
    public func merge(in folder: URL) throws -> [Double] {
        let missing = (0..<shards).filter { !done(in: folder).contains($0) }
        guard missing.isEmpty else {
            throw SearchError(.missingShards(missing.map { "shard-\($0).json" }), file: folder.path,
                              "cannot merge: missing \(missing.map { "shard-\($0).json" }.joined(separator: ", ")) of \(shards) shards",
                              hint: "run the missing tasks again (axmul shard run \(folder.path) --index I) or resubmit the array")
        }
        var out: [Double] = []
        for i in 0..<shards {
            let url = Self.shardURL(folder, i)
            let r = try SearchJSON.decode(ShardResult.self, from: url)
            guard r.shard == i, r.first == range(shard: i).lowerBound, r.accuracies.count == range(shard: i).count else {
                throw SearchError(.badFile, file: url.path, "shard \(i) does not match the manifest (items \(range(shard: i)))",
                                  hint: "delete it and run the task again")
            }
            if let k = r.accuracies.firstIndex(where: { !($0.isFinite && (0...1).contains($0)) }) {
                throw SearchError(.badFile, file: url.path, line: Self.lineOfAccuracy(k, in: url),
                                  "accuracy \(r.accuracies[k]) of item \(r.first + k) is outside [0, 1]",
                                  hint: "axmul shard run never writes it: delete the file and run the task again")
            }
            out += r.accuracies
        }
        try OutputFile.write(try RecordJSON.encode(MergedShards(accuracies: out)), to: Self.mergedURL(folder))
        return out
    }
}

extension ShardSet {
    /// The 1-based line of element `k` of the file's `"accuracies"` array (for error messages), or nil.
    static func lineOfAccuracy(_ k: Int, in url: URL) -> Int? {
        guard let bytes = FileManager.default.contents(atPath: url.path).map(Array.init),
              let key = bytes.firstRange(of: Array("\"accuracies\"".utf8)),
              var i = bytes[key.upperBound...].firstIndex(of: UInt8(ascii: "[")) else { return nil }
        var element = 0
        i += 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "]") { return nil }
            if b == UInt8(ascii: ",") { element += 1 } else if element == k, !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09) {
                return 1 + bytes[..<i].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
            i += 1
        }
        return nil
    }
}
