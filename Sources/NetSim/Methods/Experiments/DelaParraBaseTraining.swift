import Foundation
import Records

/// Trains (or resumes, epoch by epoch) the float base model of the `delaparra` recipe and keeps
/// two checkpoints in the results folder: `base.safetensors` (after `base_epochs`) and
/// `base-under-trained.safetensors` (the same run's snapshot after `under_trained_epochs`); or, with
/// `settings.baseCheckpoint`, takes that trained checkpoint as the base and has no under-trained one.
struct DelaParraBaseTraining {
    let settings: DelaParraSettings
    let folder: URL
    let cells: ExperimentCells
    let log: (String) -> Void

    struct Bases {
        var wellTrained: Network
        var underTrained: Network?
        var wellRecord: DelaParraBase
        var underRecord: DelaParraBase?
    }

    static let wellFile = "base.safetensors", underFile = "base-under-trained.safetensors", partialFile = "base.partial.safetensors"
    static let logFile = "logs/base.log.jsonl"

    /// What the base checkpoints record: the model as ModelZoo builds it here (its default MLP widths).
    func info(_ train: LabeledData) -> TrainCheckpoint.Info {
        TrainCheckpoint.Info(model: settings.model, inputShape: train.sampleShape, classCount: train.classCount,
                             hidden: ModelZoo.Options().hidden, data: settings.data)
    }

    /// Checks, before anything trains, that the recipe can run on this model and data: the model builds for the
    /// data's shape and classes, has a Dense or Conv2D layer to approximate, and a checkpoint of it loads back
    /// (an experiment that cannot run used to fail only after training its base model).
    func preflight(train: LabeledData) throws {
        let net = try ModelZoo.build(settings.model, inputShape: train.sampleShape, classCount: train.classCount, seed: settings.seed)
        guard net.nodes.contains(where: { $0.layer is any QuantisableLayer }) else {
            throw ModelError.invalidArgument(what: "model \(settings.model)", value: "no Dense or Conv2D layer",
                                             rule: "the experiment approximates the multiplications of Dense and Conv2D layers")
        }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-preflight-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: probe) }
        try TrainCheckpoint.save(Trainer(network: net, config: TrainConfig()), info: info(train), to: probe)
        _ = try TrainCheckpoint.load(from: probe)
    }

    func run(train: LabeledData, test: LabeledData) throws -> Bases {
        if let path = settings.baseCheckpoint { return try given(URL(fileURLWithPath: path), train: train, test: test) }
        let info = info(train)
        let under = min(settings.underTrainedEpochs, settings.baseEpochs)
        let well = try cells.cell("base.well-trained") { try trainBase(info, train, test, under: under) }
        let underRecord = try cells.cell("base.under-trained") {
            DelaParraBase(name: "under-trained", epochs: under, floatAccuracy: try accuracy(Self.underFile, test),
                          epochSeconds: Array(well.epochSeconds.prefix(under)), checkpoint: Self.underFile)
        }
        return Bases(wellTrained: try load(Self.wellFile), underTrained: try load(Self.underFile), wellRecord: well, underRecord: underRecord)
    }

    /// The base of `--base`: a checkpoint of `settings.model` for the data's input shape and classes.
    private func given(_ file: URL, train: LabeledData, test: LabeledData) throws -> Bases {
        let (trainer, info) = try TrainCheckpoint.load(from: file)
        guard info.model == settings.model, info.inputShape == train.sampleShape, info.classCount == train.classCount else {
            throw ModelError.invalidArgument(what: "base checkpoint \(file.path)",
                                             value: "\(info.model) for input \(info.inputShape), \(info.classCount) classes",
                                             rule: "--base must be a \(settings.model) checkpoint for input \(train.sampleShape), \(train.classCount) classes")
        }
        let record = try cells.cell("base.given") {
            DelaParraBase(name: "well-trained", epochs: trainer.epoch, floatAccuracy: Trainer.evaluate(trainer.network, on: test).accuracy,
                          epochSeconds: [], checkpoint: settings.baseCheckpoint ?? file.path)
        }
        log(String(format: "base model: %@ (%d epochs), float test accuracy %.4f", file.path, record.epochs, record.floatAccuracy))
        return Bases(wellTrained: trainer.network, underTrained: nil, wellRecord: record, underRecord: nil)
    }

    /// Float training with SGD + momentum, checkpointed after every epoch so a killed run resumes.
    private func trainBase(_ info: TrainCheckpoint.Info, _ train: LabeledData, _ test: LabeledData, under: Int) throws -> DelaParraBase {
        let partial = url(Self.partialFile), logURL = url(Self.logFile)
        var trainer: Trainer
        if FileManager.default.fileExists(atPath: partial.path) {
            trainer = try TrainCheckpoint.load(from: partial).trainer
            log("base model: resuming at epoch \(trainer.epoch)")
        } else {
            var cfg = TrainConfig()
            (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.momentum, cfg.seed) =
                (settings.baseEpochs, settings.batchSize, settings.baseLearningRate, settings.momentum, settings.seed)
            let net = try ModelZoo.build(settings.model, inputShape: train.sampleShape, classCount: train.classCount, seed: settings.seed)
            trainer = Trainer(network: net, config: cfg)
            try FileManager.default.createDirectory(at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: logURL)
        }
        if trainer.epoch == under { try TrainCheckpoint.save(trainer, info: info, to: url(Self.underFile)) }
        while trainer.epoch < settings.baseEpochs {
            let r = try trainer.runEpoch(train: train, test: test)
            try TrainingLog.append(r, to: logURL)
            log(String(format: "base model epoch %d/%d: loss %.4f, test accuracy %.4f, %.1f s", r.epoch, settings.baseEpochs,
                       r.trainLoss, r.testAccuracy, r.seconds))
            if trainer.epoch == under { try TrainCheckpoint.save(trainer, info: info, to: url(Self.underFile)) }
            try TrainCheckpoint.save(trainer, info: info, to: partial)
        }
        try TrainCheckpoint.save(trainer, info: info, to: url(Self.wellFile))
        try? FileManager.default.removeItem(at: partial)
        let records = try TrainingLog.records(at: logURL)
        return DelaParraBase(name: "well-trained", epochs: settings.baseEpochs,
                             floatAccuracy: Trainer.evaluate(trainer.network, on: test).accuracy,
                             epochSeconds: records.map(\.seconds), checkpoint: Self.wellFile)
    }

    private func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
    private func load(_ name: String) throws -> Network { try TrainCheckpoint.load(from: url(name)).trainer.network }
    private func accuracy(_ name: String, _ test: LabeledData) throws -> Double { Trainer.evaluate(try load(name), on: test).accuracy }
}
