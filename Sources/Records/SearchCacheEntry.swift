/// One line of a search's evaluation cache, `cache.jsonl` (`Search.EvaluationCache`, which checks
/// each line as it loads it): a measured accuracy under the key of everything it depends on.
///
/// A line carries no `"schema"` tag, like `EpochRecord`: the cache is a stream of lines of this one
/// kind, appended one evaluation at a time, so its kind is its name, `cache.jsonl`, and these keys; a
/// change of what an accuracy depends on is versioned inside the key (`subset` begins `v3`), so old
/// entries miss instead of being misread. A tag per line would add ~10% to a file of thousands of lines
/// and tell nothing its name does not.
public struct SearchCacheEntry: Sendable, Codable, Equatable {
    public struct Key: Sendable, Hashable, Codable {
        /// FNV-1a 64 of the model file, "fnv1a64:0x…".
        public var model: String
        /// Which samples and settings the accuracy is measured on (`SearchContext.subsetKey`).
        public var subset: String
        /// Design per layer (`SearchContext.keyed`: name and table hash).
        public var assignment: [String]

        public init(model: String, subset: String, assignment: [String]) {
            (self.model, self.subset, self.assignment) = (model, subset, assignment)
        }
    }

    public var key: Key
    public var accuracy: Double

    public init(key: Key, accuracy: Double) { (self.key, self.accuracy) = (key, accuracy) }
}
