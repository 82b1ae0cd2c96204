import Foundation
import Records
import TableFormat

/// Writes the Table 1 recipe's results folder: `experiment.json`, `fig6.csv`, `fig7.csv`
/// (atomically) and the per-network JSONL training logs under `logs/`.
public enum Table1Output {
    /// Pretty, key-sorted JSON of `result` (the `experiment.json` bytes).
    public static func json(_ result: Table1Result) throws -> Data {
        try ExperimentOutput.json(result)
    }

    /// Writes the JSON and both CSVs into `folder`; returns the file names written.
    @discardableResult
    public static func write(_ result: Table1Result, to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try OutputFile.write(try json(result), to: folder.appendingPathComponent("experiment.json"))
        try OutputFile.write(Data(Table1CSV.fig6(result.fig6).utf8), to: folder.appendingPathComponent("fig6.csv"))
        try OutputFile.write(Data(Table1CSV.fig7(result.fig7).utf8), to: folder.appendingPathComponent("fig7.csv"))
        return ["experiment.json", "fig6.csv", "fig7.csv"]
    }

    /// Reads `experiment.json` back.
    public static func read(from folder: URL) throws -> Table1Result {
        let url = folder.appendingPathComponent("experiment.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ModelError.io(path: url.path, reason: "cannot read experiment.json; run `axmul experiment axtrain-table1 -o FOLDER` first")
        }
        do { return try JSONDecoder().decode(Table1Result.self, from: data) } catch {
            throw ModelError.io(path: url.path, reason: "experiment.json is not an axtrain-table1 result: \(error)")
        }
    }

    /// Appends epoch records to JSONL logs relative to a results folder; a log that existed
    /// before this run is replaced on its first record.
    public final class Logs {
        public let folder: URL
        private var started: Set<String> = []

        public init(folder: URL) {
            self.folder = folder
        }

        public func append(_ record: EpochRecord, to name: String) throws {
            let url = folder.appendingPathComponent(name)
            if started.insert(name).inserted {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? FileManager.default.removeItem(at: url)
            }
            try TrainingLog.append(record, to: url)
        }
    }
}
