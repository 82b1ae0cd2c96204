import Foundation
import NetSim
import Records
import TableFormat

/// Accuracies already measured, keyed by (model hash, data subset, assignment), kept in memory and
/// appended to a JSONL file so a resumed or repeated search measures nothing twice. Only an identical
/// key is reused: the subset names the data by content hash, the split, the calibration and the
/// quantisation (`SearchContext.subsetKey`), so a run with other settings measures again.
/// A line of the file is the record `SearchCacheEntry` (Records; untagged, as it explains).
public struct EvaluationCache: Sendable {
    public typealias Key = SearchCacheEntry.Key

    public private(set) var values: [Key: Double] = [:]
    /// The JSONL file behind the cache; nil keeps it in memory only.
    public let file: URL?

    /// The cache stored in `file`, loaded when it exists. Every complete line must be a record with an
    /// accuracy in [0, 1], else the error names the file and line; a partial last line (a crash in the
    /// middle of an append) is ignored, so its evaluation is measured again, and the next append cuts it off.
    public init(file: URL?) throws {
        self.file = file
        guard let file, FileManager.default.fileExists(atPath: file.path) else { return }
        for (n, line) in try OutputFile.completeLines(at: file).enumerated() where !line.isEmpty {
            let r = try Self.record(line, file: file.path, line: n + 1)
            values[r.key] = r.accuracy
        }
    }

    /// Decodes and checks one line.
    static func record(_ text: String, file: String, line: Int) throws -> SearchCacheEntry {
        let hint = "delete line \(line) (or the whole file) to measure its evaluation again"
        let r: SearchCacheEntry
        do { r = try JSONDecoder().decode(SearchCacheEntry.self, from: Data(text.utf8)) } catch {
            throw SearchError(.badFile, file: file, line: line, "is not a cache record: \(FoundationErrorText.describe(error)?.reason ?? "it is not valid JSON")", hint: hint)
        }
        guard r.accuracy.isFinite, (0...1).contains(r.accuracy) else {
            throw SearchError(.badFile, file: file, line: line, "accuracy \(r.accuracy) is outside [0, 1]", hint: hint)
        }
        guard !r.key.assignment.isEmpty else {
            throw SearchError(.badFile, file: file, line: line, "the record's assignment is empty", hint: hint)
        }
        return r
    }

    public subscript(key: Key) -> Double? { values[key] }

    /// Stores a measured accuracy (and appends it to the file); refuses one outside [0, 1].
    public mutating func store(_ key: Key, _ accuracy: Double) throws {
        guard accuracy.isFinite, (0...1).contains(accuracy) else {
            throw SearchError(.badFile, file: file?.path, "refusing to cache accuracy \(accuracy) of \(key.assignment): outside [0, 1]")
        }
        guard values[key] != accuracy else { return }
        values[key] = accuracy
        guard let file else { return }
        try OutputFile.append(line: try RecordJSON.line(SearchCacheEntry(key: key, accuracy: accuracy)), to: file)
    }
}
