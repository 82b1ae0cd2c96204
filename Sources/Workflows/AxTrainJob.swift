import Foundation
import NetSim
import ONNX
import Records
import TableFormat

/// `axmul axtrain` as a value: AxTrain (He et al., ISLPED 2018), act then pas, in a results folder
/// (act.log.jsonl, act.safetensors after each act epoch, pas.log.jsonl, model.safetensors,
/// axtrain.json, sensitivity.json). With `resume`, act continues from act.safetensors and pas reruns.
public struct AxTrainJob {
    public var model: String
    public var preprocessing: ONNXPreprocessing?
    public var data: String
    public var hidden: [Int]
    /// Batch size, learning rate, momentum, seed and gradient clipping of both phases.
    public var config: TrainConfig
    /// `--max-grad-norm` given on this run (with `resume`, it overrides the checkpoint's).
    public var maxGradNormGiven: Bool
    public var actEpochs: Int
    public var pasEpochs: Int
    public var gamma: AdaptiveGamma
    public var hardware: HardwareModel
    public var runs: Int
    public var folder: URL
    public var resume: Bool

    /// Called after each epoch with its phase, log record and (act) γ/sensitivity record.
    public typealias EpochReport = (AxTrainRun.Phase, EpochRecord, ActEpochRecord?) -> Void

    public init(model: String, preprocessing: ONNXPreprocessing?, data: String, hidden: [Int], config: TrainConfig,
                actEpochs: Int, pasEpochs: Int, gamma: AdaptiveGamma, hardware: HardwareModel, runs: Int, folder: URL, resume: Bool) {
        (self.model, self.preprocessing, self.data, self.hidden, self.config) = (model, preprocessing, data, hidden, config)
        (self.maxGradNormGiven, self.actEpochs, self.pasEpochs, self.gamma) = (config.maxGradNorm != nil, actEpochs, pasEpochs, gamma)
        (self.hardware, self.runs, self.folder, self.resume) = (hardware, runs, folder, resume)
    }

    /// γ and its history, in the act checkpoint's metadata.
    public static let gammaKey = "axtrain_gamma"

    /// Trains both phases and writes the folder; returns the summary it wrote to axtrain.json.
    public func run(context: ExecutionContext, onEpoch: EpochReport = { _, _, _ in }) throws -> AxTrainSummary {
        try context.withWorkers {
            let (train, test) = try DatasetLoader.load(data)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let lock = try OutputFile.Lock(for: folder.appendingPathComponent("axtrain").path)   // one writer per results folder
            defer { lock.release() }
            let net = try ModelSource.fresh(model, inputShape: train.sampleShape, classCount: train.classCount, seed: config.seed,
                                            options: .init(hidden: hidden), preprocessing: preprocessing)
            var info = TrainCheckpoint.Info(model: model, inputShape: train.sampleShape, classCount: train.classCount, hidden: hidden, data: data)
            info.extra = try ModelSource.checkpointMetadata(preprocessing)   // an ONNX model's preprocessing, for resume and eval
            info.identity = identity
            let actCheckpoint = folder.appendingPathComponent("act.safetensors"), actLog = folder.appendingPathComponent("act.log.jsonl")
            let pasLog = folder.appendingPathComponent("pas.log.jsonl")
            var (session, state) = try resume ? resumed(actCheckpoint, log: actLog, identity: info.identity, context: context)
                : (try TrainingSession.fresh(checkpoint: actCheckpoint, log: actLog), nil)
            try? FileManager.default.removeItem(at: pasLog)   // pas always reruns from the end of act
            var cfg = config
            if !maxGradNormGiven, let state { cfg.maxGradNorm = state.trainer.config.maxGradNorm }   // kept unless given again
            let recipe = AxTrainRun(config: cfg, actEpochs: actEpochs, pasEpochs: pasEpochs, gamma: gamma, hardware: hardware, runs: runs)
            let trained: Network, summary: AxTrainSummary
            do {
                (trained, summary) = try recipe.run(net, train: train, test: test, resume: state, onEpoch: { phase, record, act, state in
                    context.finishProgress()
                    if let state {
                        var saved = info
                        saved.extra[Self.gammaKey] = String(decoding: try RecordJSON.encode(state.gamma).dropLast(), as: UTF8.self)
                        try session.commit(record, state.trainer) { t, url in try TrainCheckpoint.save(t, info: saved, to: url) }
                    } else {
                        try TrainingLog.append(record, to: pasLog)
                    }
                    onEpoch(phase, record, act)
                }, progress: context.progress)
            } catch {
                throw session.annotated(error)
            }
            try TrainCheckpoint.save(Trainer(network: trained, config: cfg), info: info, to: folder.appendingPathComponent("model.safetensors"))
            try OutputFile.write(try RecordJSON.encode(summary), to: folder.appendingPathComponent("axtrain.json"))
            if let map = SensitivityMap.lastDense(trained, probe: test) {
                try OutputFile.write(try RecordJSON.encode(map), to: folder.appendingPathComponent("sensitivity.json"))
            }
            return summary
        }
    }

    /// What shapes the act phase's weights except its length (act checkpoints record it).
    var identity: RunIdentity {
        RunIdentity(command: "axtrain", settings: [
            "--model": model, "--data": data, "--hidden": hidden.map(String.init).joined(separator: ","), "--batch": "\(config.batchSize)",
            "--lr": "\(config.learningRate)", "--momentum": "\(config.momentum)", "--seed": "\(config.seed)", "--gamma": "\(gamma.gamma)",
            "--delta-gamma": "\(gamma.delta)", "--error-bound": "\(gamma.bound)",
            "--input-mean/--input-std": preprocessing.map { "\($0.mean)/\($0.std)" } ?? "model's",
        ])
    }

    /// The act state saved in `url`, and the session that continues its log.
    private func resumed(_ url: URL, log: URL, identity: RunIdentity?, context: ExecutionContext) throws -> (TrainingSession, AxTrainRun.ActState?) {
        let (trainer, info) = try ModelSource.checkpoint(url)
        try identity?.checkResume(saved: info.identity, path: url.path)
        guard trainer.epoch <= actEpochs, let text = info.extra[Self.gammaKey],
              let gamma = try? JSONDecoder().decode(AdaptiveGamma.self, from: Data(text.utf8)) else {
            throw ModelError.checkpoint(path: url.path, reason: "it is not an act checkpoint this run can continue (epoch \(trainer.epoch) "
                + "of \(actEpochs) act epochs, or no γ state); rerun without --resume, or give at least its --act-epochs")
        }
        let (session, dropped) = try TrainingSession.resume(checkpoint: url, log: log, epoch: trainer.epoch)
        if let note = TrainingSession.droppedNote(dropped, epoch: trainer.epoch) { context.say(note) }
        return (session, AxTrainRun.ActState(trainer: trainer, gamma: gamma))
    }
}
