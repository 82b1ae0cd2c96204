import Foundation
import Records
import Testing
@testable import NetSim
import TableFormat

/// The training log is made to agree with the checkpoint on resume; stale temporaries are cleaned up.
@Suite struct TrainingLogTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func record(_ epoch: Int) -> EpochRecord {
        EpochRecord(epoch: epoch, lr: 0.01, trainLoss: 1 / Double(epoch), trainAccuracy: 0.5, testLoss: 0.25,
                    testAccuracy: 0.75, seconds: 0.5)
    }

    @Test func truncateKeepsRecordsUpToTheCheckpointOncePerEpoch() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("m.log.jsonl")
        for e in [1, 2, 3, 2, 4] { try TrainingLog.append(Self.record(e), to: log) }
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"epoch":5,"lr"#.utf8))   // torn last line
        try handle.close()
        #expect(try TrainingLog.truncate(log, toEpoch: 3) == 2)        // the second 2 and the 4
        #expect(try TrainingLog.records(at: log) == [1, 2, 3].map(Self.record))
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.hasSuffix("}\n") && !text.contains(#""epoch":5"#))
        #expect(try TrainingLog.truncate(log, toEpoch: 3) == 0)
        #expect(try TrainingLog.truncate(dir.appendingPathComponent("missing.jsonl"), toEpoch: 1) == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("missing.jsonl").path))
        try TrainingLog.reset(log)
        #expect(try TrainingLog.records(at: log).isEmpty)
    }

    @Test func staleTemporariesOfDeadWritersAreRemoved() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("m.safetensors")
        let dead = dir.appendingPathComponent(".m.safetensors.tmp-\(Int32.max)-17")   // above any pid_max
        let live = dir.appendingPathComponent(".m.safetensors.tmp-\(getpid())-18")
        let other = dir.appendingPathComponent(".n.safetensors.tmp-\(Int32.max)-19")
        for url in [dead, live, other] { try Data([1]).write(to: url) }
        #expect(OutputFile.removeStaleTemporaries(for: target) == 1)
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: live.path) && FileManager.default.fileExists(atPath: other.path))
        // A resume removes the dead temporaries of every file in the checkpoint's folder.
        _ = try TrainingSession.resume(checkpoint: target, log: dir.appendingPathComponent("m.log.jsonl"), epoch: 0)
        #expect(!FileManager.default.fileExists(atPath: other.path) && FileManager.default.fileExists(atPath: live.path))
    }
}
