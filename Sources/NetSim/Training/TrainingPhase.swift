import Records

/// One stretch of a training schedule: epochs until `trainer.epoch` reaches `end`, each run by `epoch`,
/// with transforms of the trainer on entry and exit (installing and removing a hardware model, say).
/// Schedules are lists of phases: retraining is one phase, hybrid training is [approximate, exact],
/// AxTrain is [act, pas]. `TrainingPhase.run` and `TrainingSession.run(_:phases:…)` drive them, so a
/// resumed trainer (its epoch past some phases) continues in the right phase.
public struct TrainingPhase {
    public var name: String
    /// The epoch count at which the phase ends (not its length).
    public var end: Int
    public var enter: (inout Trainer) throws -> Void
    public var epoch: (inout Trainer) throws -> EpochRecord
    public var exit: (inout Trainer) throws -> Void

    public init(_ name: String, until end: Int, enter: @escaping (inout Trainer) throws -> Void = { _ in },
                epoch: @escaping (inout Trainer) throws -> EpochRecord, exit: @escaping (inout Trainer) throws -> Void = { _ in }) {
        (self.name, self.end, self.enter, self.epoch, self.exit) = (name, end, enter, epoch, exit)
    }

    /// Plain training epochs (`Trainer.runEpoch`) until `end`.
    public static func plain(_ name: String, until end: Int, train: LabeledData, test: LabeledData,
                             progress: ((BatchProgress) -> Void)? = nil) -> TrainingPhase {
        TrainingPhase(name, until: end) { t in try t.runEpoch(train: train, test: test, progress: progress) }
    }

    /// Runs `phases` in order from `trainer.epoch`. A phase the trainer has passed (`epoch > end`) is
    /// skipped, neither entered nor left; one it has just finished (`epoch == end`, as a checkpoint taken
    /// after the phase's last epoch holds it) is entered and left without epochs, so its exit transform
    /// still runs once. `done` sees each epoch's phase, record and the trainer after it.
    public static func run(_ phases: [TrainingPhase], _ trainer: inout Trainer,
                           done: (TrainingPhase, EpochRecord, Trainer) throws -> Void = { _, _, _ in }) throws {
        for phase in phases where trainer.epoch <= phase.end {
            try phase.enter(&trainer)
            while trainer.epoch < phase.end {
                let record = try phase.epoch(&trainer)
                try done(phase, record, trainer)
            }
            try phase.exit(&trainer)
        }
    }
}
