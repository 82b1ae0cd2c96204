import Foundation

/// Runs a shard set to completion: every shard file present afterwards.
public protocol ShardExecutor {
    func run(_ set: ShardSet, in folder: URL) throws
}

/// Evaluates the shards one after another in this process (each evaluation uses the cores); shards
/// already written (by a killed run) are kept.
public struct LocalExecutor: ShardExecutor {
    public var accuracy: (_ split: String, _ item: [String]) throws -> Double

    public init(accuracy: @escaping (_ split: String, _ item: [String]) throws -> Double) { self.accuracy = accuracy }

    public func run(_ set: ShardSet, in folder: URL) throws {
        let done = set.done(in: folder)
        for i in 0..<set.shards where !done.contains(i) {
            try set.run(shard: i, in: folder) { try accuracy(set.split, $0) }
        }
    }
}

/// Accuracies of batches of items through the cache: items not cached become a shard set in
/// `root/<label>`, run by the executor, merged, and stored in the cache.
public struct BatchEvaluator {
    public var context: SearchContext
    public var cache: EvaluationCache
    public var executor: any ShardExecutor
    public var root: URL
    public var shards: Int
    /// The cache key of an item on a split.
    public var key: (_ split: String, _ item: [String]) -> EvaluationCache.Key
    /// Candidates measured (not cached) so far.
    public private(set) var measured = 0

    public init(context: SearchContext, cache: EvaluationCache, executor: any ShardExecutor, root: URL, shards: Int,
                key: @escaping (_ split: String, _ item: [String]) -> EvaluationCache.Key) {
        (self.context, self.cache, self.executor, self.root, self.shards, self.key) = (context, cache, executor, root, shards, key)
    }

    /// The search's key: (model hash, subset: data hash, split and settings, assignment with table hashes).
    public static func searchKey(_ context: SearchContext) -> (String, [String]) -> EvaluationCache.Key {
        { split, item in EvaluationCache.Key(model: context.modelHash, subset: context.subsetKey(split), assignment: context.keyed(item)) }
    }

    /// Accuracy of every item on `split`, measuring only those not cached.
    public mutating func accuracies(_ label: String, split: String, _ items: [[String]]) throws -> [Double] {
        guard !context.dataHash.isEmpty else {
            throw SearchError(.invalidArgument, "the search context has no data hash: the cache keys accuracies by the data's content",
                              hint: "set SearchContext.dataHash (LabeledData.contentHash of the data as evaluated)")
        }
        var seen = Set<[String]>()
        let missing = items.filter { cache[key(split, $0)] == nil && seen.insert($0).inserted }
        if !missing.isEmpty {
            let folder = root.appendingPathComponent("\(label)-\(split)")
            let set = ShardSet(context: context, split: split, items: missing, shards: shards)
            if (try? ShardSet.read(folder)) != set {
                try? FileManager.default.removeItem(at: folder)
                try set.write(to: folder)
            }
            try executor.run(set, in: folder)
            for (item, acc) in zip(missing, try set.merge(in: folder)) { try cache.store(key(split, item), acc) }
            measured += missing.count
        }
        return try items.map { item in
            guard let a = cache[key(split, item)] else {
                throw SearchError(.badFile, file: root.path, "no accuracy for \(item) after the merge")
            }
            return a
        }
    }
}
