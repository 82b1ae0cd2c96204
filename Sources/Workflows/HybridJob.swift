import Foundation
import NetSim
import ONNX
import Records
import TableFormat

/// `axmul hybrid` as a value (Hammad & El-Sankary): one run approximate for `switchEpoch` epochs then
/// exact, checkpointed after each epoch (resumable), or a sweep over error settings for the smallest
/// exact tail within a tolerance. Writes hybrid.json and per-run .log.jsonl files into `folder`.
public struct HybridJob {
    public enum Mode {
        /// One run; its checkpoint is `folder/hybrid_n<switchEpoch>.safetensors`.
        case single(switchEpoch: Int, source: ApproxSource)
        /// Every error setting (label, spec), switch epochs spaced by `step`.
        case sweep(specs: [(label: String, spec: ErrorSpec)], tolerance: Double, step: Int)
    }

    /// What a run produced (also written to hybrid.json).
    public enum Outcome {
        case single(HybridRun)
        case sweep(HybridSweepResult)
    }

    public var model: String
    public var preprocessing: ONNXPreprocessing?
    public var data: String
    public var hidden: [Int]
    /// The whole schedule's training settings (`epochs` is the total).
    public var config: TrainConfig
    public var mode: Mode
    public var folder: URL
    public var resume: Bool

    public init(model: String, preprocessing: ONNXPreprocessing?, data: String, hidden: [Int], config: TrainConfig, mode: Mode,
                folder: URL, resume: Bool) {
        (self.model, self.preprocessing, self.data, self.hidden, self.config) = (model, preprocessing, data, hidden, config)
        (self.mode, self.folder, self.resume) = (mode, folder, resume)
    }

    /// Runs the schedule or the sweep; `line` receives one line per epoch (sweep: per run).
    public func run(context: ExecutionContext, line: @escaping (String) -> Void = { _ in }) throws -> Outcome {
        try context.withWorkers {
            let (train, test) = try DatasetLoader.load(data)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let lock = try OutputFile.Lock(for: folder.appendingPathComponent("hybrid").path)   // one writer per results folder
            defer { lock.release() }
            let progress = context.epochProgress
            let outcome: Outcome
            switch mode {
            case let .sweep(specs, tolerance, step):
                outcome = .sweep(try HybridSweep.run(make: { try makeTrainer(train) }, specs: specs, tolerance: tolerance, step: step,
                                                     train: train, test: test, progress: progress, log: line, onRun: { name, records in
                    try TrainingLog.write(records, to: folder.appendingPathComponent("\(name).log.jsonl"))
                }))
            case let .single(switchEpoch, source):
                outcome = .single(try single(switchEpoch: switchEpoch, source: source, train: train, test: test, context: context,
                                             progress: progress, line: line))
            }
            try OutputFile.write(try Self.json(outcome), to: folder.appendingPathComponent("hybrid.json"))
            return outcome
        }
    }

    /// The result as hybrid.json holds it.
    public static func json(_ outcome: Outcome) throws -> Data {
        switch outcome {
        case .single(let run): return try RecordJSON.encode(run)
        case .sweep(let result): return try RecordJSON.encode(result)
        }
    }

    private func single(switchEpoch: Int, source: ApproxSource, train: LabeledData, test: LabeledData, context: ExecutionContext,
                        progress: @escaping (BatchProgress) -> Void, line: (String) -> Void) throws -> HybridRun {
        let name = "hybrid_n\(switchEpoch)"
        let checkpoint = folder.appendingPathComponent("\(name).safetensors"), log = folder.appendingPathComponent("\(name).log.jsonl")
        let identity = self.identity(switchEpoch: switchEpoch, source: source)
        var (trainer, session) = try resume ? resumed(checkpoint, log: log, identity: identity, context: context)
            : (try makeTrainer(train), try TrainingSession.fresh(checkpoint: checkpoint, log: log))
        trainer.config.epochs = config.epochs
        if let clip = config.maxGradNorm { trainer.config.maxGradNorm = clip }
        var info = TrainCheckpoint.Info(model: model, inputShape: train.sampleShape, classCount: train.classCount, hidden: hidden, data: data)
        info.extra = try ModelSource.checkpointMetadata(preprocessing)  // an ONNX model's preprocessing, for resume and eval
        info.identity = identity
        let phases = try HybridTraining.phases(switchEpoch: switchEpoch, total: config.epochs, source: source, train: train, test: test,
                                               progress: progress)
        try session.run(&trainer, phases: phases, save: { t, url in try TrainCheckpoint.save(t, info: info, to: url) }) { phase, r in
            line(String(format: "epoch %d/%d %@  loss %.4f  train %.4f  test %.4f", r.epoch, config.epochs,
                        phase.name == HybridTraining.approximatePhase ? "approx" : "exact ", r.trainLoss, r.trainAccuracy, r.testAccuracy))
        }
        let records = try TrainingLog.records(at: log)   // a resumed run's records include the epochs before the kill
        return HybridTraining.summary(records, trainer: trainer, switchEpoch: switchEpoch, source: source, test: test)
    }

    /// What shapes a single run's weights except the total epoch count (its checkpoints record it).
    func identity(switchEpoch: Int, source: ApproxSource) -> RunIdentity {
        let approx: String = switch source {
        case .gaussian(let spec): "MRE \(spec.mre) SD \(spec.sd)"
        case .multiplier(let a, let quant): "\(a.label) (\((a.defaultEntry?.table ?? .exact).contentHash)) \(quant.spec.flags)"
        }
        return RunIdentity(command: "hybrid", settings: [
            "--model": model, "--data": data, "--hidden": hidden.map(String.init).joined(separator: ","), "--batch": "\(config.batchSize)",
            "--lr": "\(config.learningRate)", "--momentum": "\(config.momentum)", "--weight-decay": "\(config.weightDecay)",
            "--schedule": config.schedule, "--seed": "\(config.seed)", "--switch-epoch": "\(switchEpoch)", "--error/--multiplier": approx,
            "--input-mean/--input-std": preprocessing.map { "\($0.mean)/\($0.std)" } ?? "model's",
        ])
    }

    /// Continues the single run whose checkpoint is `url`.
    private func resumed(_ url: URL, log: URL, identity: RunIdentity, context: ExecutionContext) throws -> (Trainer, TrainingSession) {
        let (trainer, info) = try ModelSource.checkpoint(url)
        try identity.checkResume(saved: info.identity, path: url.path)
        let (session, dropped) = try TrainingSession.resume(checkpoint: url, log: log, epoch: trainer.epoch)
        if let note = TrainingSession.droppedNote(dropped, epoch: trainer.epoch) { context.say(note) }
        return (trainer, session)
    }

    private func makeTrainer(_ train: LabeledData) throws -> Trainer {
        _ = try LRSchedule.parse(config.schedule, epochs: config.epochs)
        let net = try ModelSource.fresh(model, inputShape: train.sampleShape, classCount: train.classCount, seed: config.seed,
                                        options: .init(hidden: hidden), preprocessing: preprocessing)
        return Trainer(network: net, config: config)
    }
}
