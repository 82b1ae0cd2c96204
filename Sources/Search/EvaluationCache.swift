import Foundation
import NetSim

/// Accuracies already measured, keyed by (model hash, data subset, assignment), kept in memory and
/// appended to a JSONL file so a resumed or repeated search measures nothing twice.
public struct EvaluationCache: Sendable {
    public struct Key: Sendable, Hashable, Codable {
        /// FNV-1a 64 of the model file, "fnv1a64:0x…".
        public var model: String
        /// Which samples and settings the accuracy is measured on (e.g. "validation 2000 seed 1 ...").
        public var subset: String
        /// Design name per layer.
        public var assignment: [String]

        public init(model: String, subset: String, assignment: [String]) {
            (self.model, self.subset, self.assignment) = (model, subset, assignment)
        }
    }

    struct Record: Codable {
        var key: Key
        var accuracy: Double
    }

    public private(set) var values: [Key: Double] = [:]
    /// The JSONL file behind the cache; nil keeps it in memory only.
    public let file: URL?

    /// The cache stored in `file` (loaded when it exists; a partial last line from a kill is ignored).
    public init(file: URL?) throws {
        self.file = file
        guard let file, FileManager.default.fileExists(atPath: file.path) else { return }
        for line in try AtomicFile.completeLines(at: file) where !line.isEmpty {
            let r = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
            values[r.key] = r.accuracy
        }
    }

    public subscript(key: Key) -> Double? { values[key] }

    /// Stores a measured accuracy (and appends it to the file).
    public mutating func store(_ key: Key, _ accuracy: Double) throws {
        guard values[key] != accuracy else { return }
        values[key] = accuracy
        guard let file else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.append(line: String(decoding: try encoder.encode(Record(key: key, accuracy: accuracy)), as: UTF8.self), to: file)
    }
}
