import Foundation
import Records
import TableFormat

/// The per-epoch JSONL log of `axmul train`, kept consistent with the checkpoint.
///
/// An epoch's record is appended (fsynced) before its checkpoint is written, so a crash between
/// the two leaves one record more than the checkpoint holds. On resume, `truncate` drops records
/// past the checkpoint's epoch (one atomic rewrite); the rerun epoch then appends its record once.
public enum TrainingLog {
    /// The records of the complete lines of `url`, in file order (lines that do not decode are skipped).
    public static func records(at url: URL) throws -> [EpochRecord] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        return try OutputFile.completeLines(at: url).compactMap { try? decoder.decode(EpochRecord.self, from: Data($0.utf8)) }
    }

    /// Rewrites `url` atomically keeping only records with `epoch ≤ epoch`, and only the first
    /// record of each epoch; returns how many lines were dropped. A missing log stays missing.
    @discardableResult
    public static func truncate(_ url: URL, toEpoch epoch: Int) throws -> Int {
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        let lines = try OutputFile.completeLines(at: url)
        let decoder = JSONDecoder()
        var kept: [String] = [], seen = Set<Int>()
        for line in lines {
            guard let r = try? decoder.decode(EpochRecord.self, from: Data(line.utf8)), r.epoch <= epoch,
                  seen.insert(r.epoch).inserted else { continue }
            kept.append(line)
        }
        let complete = try Data(contentsOf: url).last == 0x0A || lines.isEmpty
        guard kept.count != lines.count || !complete else { return 0 }
        try OutputFile.write(Data(kept.map { $0 + "\n" }.joined().utf8), to: url)
        return lines.count - kept.count
    }

    /// Starts an empty log for a fresh run (replacing any log of an earlier run, atomically).
    public static func reset(_ url: URL) throws {
        try OutputFile.write(Data(), to: url)
    }

    /// Appends one record as a JSON line (keys sorted), fsynced.
    public static func append(_ record: EpochRecord, to url: URL) throws {
        try OutputFile.append(line: try line(record), to: url)
    }

    /// Writes a whole run's records atomically (runs that are logged when they end, e.g. a hybrid sweep's).
    public static func write(_ records: [EpochRecord], to url: URL) throws {
        try OutputFile.write(Data(try records.map { try line($0) + "\n" }.joined().utf8), to: url)
    }

    /// One record as a JSONL line (`RecordJSON.line`: sorted keys, untagged).
    static func line(_ record: EpochRecord) throws -> String { try RecordJSON.line(record) }
}
