import Foundation
import Records
import TableFormat

/// The resumable store of an experiment's cells: each finished cell (one retraining, one
/// evaluation setting, one trained base model's record) is a JSON file `cells/<key>.json` in the
/// results folder, written atomically when the cell finishes. A rerun into the same folder
/// decodes the finished cells instead of recomputing them, so a killed run continues where it
/// stopped. `log` receives "cell <key>: computed in S s" or "cell <key>: reused".
public struct ExperimentCells {
    public let folder: URL
    public var log: (String) -> Void

    /// Opens the store of `resultsFolder`; temporaries left by a killed earlier run (in the folder,
    /// `cells/`, `logs/` and one level below) are removed first.
    public init(resultsFolder: URL, log: @escaping (String) -> Void = { _ in }) {
        self.folder = resultsFolder.appendingPathComponent("cells")
        self.log = log
        OutputFile.removeStaleTemporaries(inFolder: resultsFolder, depth: 2)
    }

    /// The file of cell `key` (keys are file-name safe: letters, digits, '.', '-', '_').
    public func url(_ key: String) -> URL {
        let safe = String(key.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return folder.appendingPathComponent(safe + ".json")
    }

    /// Records `settings` as `cells/settings.json` on the first run; a rerun with other settings is
    /// refused, since its finished cells would mix two configurations.
    public func checkSettings<T: Codable & Equatable>(_ settings: T, recipe: String) throws {
        let file = folder.appendingPathComponent("settings.json")
        if let data = FileManager.default.contents(atPath: file.path), let old = try? JSONDecoder().decode(T.self, from: data) {
            guard old == settings else {
                throw ModelError.invalidArgument(what: "settings of \(recipe) in \(folder.deletingLastPathComponent().path)",
                                                 value: "other than those in cells/settings.json",
                                                 rule: "resume with the same flags, or write to a new folder (-o)")
            }
            return
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try OutputFile.write(try RecordJSON.encode(settings), to: file)
    }

    /// Whether cell `key` is finished (its file exists).
    public func isDone(_ key: String) -> Bool { FileManager.default.fileExists(atPath: url(key).path) }

    /// The finished value of cell `key` if its file exists and decodes, without computing it.
    public func finished<T: Decodable>(_ key: String, as type: T.Type = T.self) -> T? {
        FileManager.default.contents(atPath: url(key).path).flatMap { try? JSONDecoder().decode(T.self, from: $0) }
    }

    /// The keys of every finished cell whose key starts with `prefix`, sorted.
    public func finishedKeys(prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The finished value of cell `key`, or `compute()`'s, written atomically before it is returned.
    /// A cell file that no longer decodes (older schema) is recomputed.
    public func cell<T: Codable>(_ key: String, _ compute: () throws -> T) throws -> T {
        let file = url(key)
        if let data = FileManager.default.contents(atPath: file.path), let value = try? JSONDecoder().decode(T.self, from: data) {
            log("cell \(key): reused")
            return value
        }
        let start = Date()
        let value = try compute()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try OutputFile.write(try encoder.encode(value), to: file)
        log(String(format: "cell %@: computed in %.1f s", key, Date().timeIntervalSince(start)))
        return value
    }
}
