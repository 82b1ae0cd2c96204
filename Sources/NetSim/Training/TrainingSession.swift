import Foundation
import Records
import TableFormat

/// Drives the training loop epoch by epoch for a command that writes files, and keeps them
/// consistent (docs/reliability.md): after each epoch the JSONL log record is appended (fsynced),
/// then the checkpoint is rewritten atomically. A crash between the two leaves the log one epoch
/// ahead; `resume` trims it. Used by every training command that checkpoints (`train`, `retrain`).
public struct TrainingSession: Sendable {
    /// The checkpoint and its per-epoch log.
    public let checkpoint: URL
    public let log: URL
    /// The epoch the checkpoint on disk holds; nil while none has been written.
    public private(set) var savedEpoch: Int?

    /// A fresh run: starts an empty log (records of an earlier run in the same file do not mix in).
    public static func fresh(checkpoint: URL, log: URL) throws -> TrainingSession {
        try TrainingLog.reset(log)
        return TrainingSession(checkpoint: checkpoint, log: log, savedEpoch: nil)
    }

    /// A resumed run whose checkpoint holds `epoch` epochs: temporaries of a killed writer are
    /// removed and log records past `epoch` dropped (returned: how many).
    public static func resume(checkpoint: URL, log: URL, epoch: Int) throws -> (session: TrainingSession, dropped: Int) {
        OutputFile.removeStaleTemporaries(inFolder: checkpoint.deletingLastPathComponent())
        OutputFile.removeStaleTemporaries(inFolder: log.deletingLastPathComponent())
        let dropped = try TrainingLog.truncate(log, toEpoch: epoch)
        return (TrainingSession(checkpoint: checkpoint, log: log, savedEpoch: epoch), dropped)
    }

    /// The note a resumed run prints when `resume` trimmed its log to the checkpoint's epoch (nil: nothing dropped).
    public static func droppedNote(_ dropped: Int, epoch: Int) -> String? {
        dropped > 0 ? "note: dropped \(dropped) log record(s) past epoch \(epoch), the epoch the checkpoint holds" : nil
    }

    /// Runs `epoch` until `trainer.epoch` reaches `total` (a one-phase schedule, see `run(_:phases:save:done:)`).
    public mutating func run(_ trainer: inout Trainer, until total: Int,
                             epoch: @escaping (inout Trainer) throws -> EpochRecord,
                             save: (Trainer, URL) throws -> Void,
                             done: (EpochRecord) throws -> Void = { _ in }) throws {
        try run(&trainer, phases: [TrainingPhase("train", until: total, epoch: epoch)], save: save) { _, r in try done(r) }
    }

    /// Runs the schedule's phases from `trainer.epoch` (`TrainingPhase.run`). After each epoch of a
    /// phase that `checkpointed` accepts (all by default): log record, then `save(trainer, checkpoint)`;
    /// then `done(phase, record)`. A NaN/Inf fault is rethrown with where the last good state is kept.
    public mutating func run(_ trainer: inout Trainer, phases: [TrainingPhase], checkpointed: (TrainingPhase) -> Bool = { _ in true },
                             save: (Trainer, URL) throws -> Void, done: (TrainingPhase, EpochRecord) throws -> Void = { _, _ in }) throws {
        do {
            try TrainingPhase.run(phases, &trainer) { phase, record, t in
                if checkpointed(phase) { try commit(record, t, save: save) }
                try done(phase, record)
            }
        } catch {
            throw annotated(error)
        }
    }

    /// Logs the record of the epoch `trainer` has just finished, then saves its checkpoint.
    public mutating func commit(_ record: EpochRecord, _ trainer: Trainer, save: (Trainer, URL) throws -> Void) throws {
        try TrainingLog.append(record, to: log)
        try save(trainer, checkpoint)
        savedEpoch = trainer.epoch
    }

    /// `error`, and for a NaN/Inf fault the same fault saying where the last good state is kept.
    public func annotated(_ error: any Error) -> any Error {
        guard case TrainingError.nonFinite(var fault) = error else { return error }
        fault.lastGood = savedEpoch.map { .checkpoint(path: checkpoint.path, epoch: $0) } ?? .notWritten
        return TrainingError.nonFinite(fault)
    }
}
