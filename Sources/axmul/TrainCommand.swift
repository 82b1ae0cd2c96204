import ArgumentParser
import Circuits
import Foundation
import NetSim
import Records
import Search
import TableFormat
import Workflows

/// `axmul train`: trains a zoo model on a data set, checkpointing every epoch.
struct TrainCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model-zoo network; writes a safetensors checkpoint and a per-epoch JSONL log.",
        discussion: "Example:\n  axmul train --model lenet5 --data fashion-mnist --epochs 2 --lr 0.05 -o lenet5.safetensors")

    @Option(help: "Model name: \(ModelZoo.names.joined(separator: ", ")).") var model: String
    @Option(help: "Data set: a shipped name (breast_cancer_wdbc, digits_8x8, fashion-mnist, …) or a path.") var data: String
    @Option(help: "Total epochs (with --resume: train until this many are done).") var epochs = 10
    @Option(help: "Mini-batch size (default 32; with --resume, the checkpoint's).") var batch: Int?
    @Option(help: "Base learning rate (default 0.01; with --resume, the checkpoint's).") var lr: Float?
    @Option(help: "Optimizer: sgd or adam (default sgd; with --resume, the checkpoint's).") var optimizer: String?
    @Option(help: "SGD momentum.") var momentum: Float = 0.9
    @Flag(help: "Nesterov momentum (SGD).") var nesterov = false
    @Option(name: .customLong("weight-decay"), help: "L2 weight decay.") var weightDecay: Float = 0
    @Option(help: "LR schedule: constant, step:EVERY:GAMMA, cosine[:MIN] or exp:GAMMA.") var schedule = "constant"
    @Option(help: "Seed for initialisation, shuffling and dropout (default 1; with --resume, the checkpoint's).") var seed: UInt64?
    @Option(name: .customLong("max-grad-norm"),
            help: "Clip the global L2 norm of all gradients to this value (kept in the checkpoint; with --resume, overrides it).")
    var maxGradNorm: Float?
    @Option(help: "MLP hidden widths, comma-separated.") var hidden = "64,64"
    @OptionGroup var threading: ThreadOptions
    @Option(name: .shortAndLong, help: "Checkpoint file (.safetensors), written atomically after each epoch.") var output: String
    @Option(help: "Per-epoch JSONL log (default: <output>.log.jsonl).") var log: String?
    @Flag(help: "Continue from the checkpoint at --output.") var resume = false
    @Option(name: .customLong("hold-out-validation"), help: "Train without the N validation images that `search --validation-samples N` draws (with the two options below), and record it in the checkpoint.")
    var holdOutValidation: Int?
    @Option(name: .customLong("hold-out-seed"), help: "With --hold-out-validation: the search's --seed.") var holdOutSeed: UInt64 = 1
    @Option(name: .customLong("hold-out-calibration-batches"), help: "With --hold-out-validation: the search's --calibration-batches.")
    var holdOutCalibrationBatches = 4
    @Flag(help: "Print a final JSON object instead of text.") var json = false

    @OptionGroup var writing: OutputOptions

    func validate() throws {
        try FlagRules.model(model)
        try FlagRules.epochs(epochs)
        if let batch { try FlagRules.batch(batch) }
        if let lr { try FlagRules.positive("--lr", lr) }
        if let optimizer { try FlagRules.optimizer(optimizer) }
        try FlagRules.fraction("--momentum", momentum)
        try FlagRules.nonNegative("--weight-decay", weightDecay)
        try FlagRules.schedule(schedule, epochs: epochs)
        _ = try FlagRules.hidden(hidden)
        try validateMaxGradNorm(maxGradNorm)
        try FlagRules.int("--hold-out-validation", holdOutValidation, 1...Int.max)
        try FlagRules.int("--hold-out-calibration-batches", holdOutCalibrationBatches, 1...Int.max)
    }

    /// The training split without the held-out validation images, and their description; the split as given otherwise.
    func heldOut(_ train: LabeledData) -> (train: LabeledData, description: String?) {
        guard let n = holdOutValidation else { return (train, nil) }
        let reserved = holdOutCalibrationBatches * QuantSpec().batchSize
        return (ValidationSplit.split(train, samples: n, seed: holdOutSeed, reserved: reserved).rest,
                ValidationSplit.description(samples: n, seed: holdOutSeed, reserved: reserved))
    }

    func run() throws {
        let outURL = URL(fileURLWithPath: output)
        let logURL = URL(fileURLWithPath: log ?? output + ".log.jsonl")
        try OutputFile.checkTarget(output)
        try OutputFile.checkTarget(logURL.path)
        let lock = try OutputFile.Lock(for: output)
        defer { lock.release() }
        let logExisted = FileManager.default.fileExists(atPath: logURL.path)
        var wroteCheckpoint = false
        do {
            try train(outURL, logURL, wroteCheckpoint: &wroteCheckpoint)
        } catch {
            // A fresh run that stops before its first checkpoint leaves no log behind.
            if !resume, !wroteCheckpoint, !logExisted { try? FileManager.default.removeItem(at: logURL) }
            throw error
        }
    }

    private func train(_ outURL: URL, _ logURL: URL, wroteCheckpoint: inout Bool) throws {
        let (all, test) = try DatasetLoader.load(data, allowTestOnly: false)
        let (train, heldOut) = heldOut(all)
        var (trainer, info, session) = try resume ? resumed(outURL, log: logURL, train: train)
            : fresh(train, output: outURL, log: logURL)
        try checkHeldOut(info, heldOut, path: outURL.path)
        info.extra[ValidationSplit.metadataKey] = heldOut
        trainer.config.epochs = epochs
        if let maxGradNorm { trainer.config.maxGradNorm = maxGradNorm }
        let bar = TerminalProgress.ifTerminal()
        let start = Date()
        var last: EpochRecord?
        var saved = false
        defer { wroteCheckpoint = saved }
        try session.run(&trainer, until: epochs, epoch: { t in
            defer { bar?.finish() }
            return try t.runEpoch(train: train, test: test, progress: { bar?.epoch($0) })
        }, save: { t, url in
            try TrainCheckpoint.save(t, info: info, to: url)
            saved = true
        }, done: { record in
            if !json {
                print(String(format: "epoch %d/%d  loss %.4f  train %.4f  test %.4f  lr %.4g  %.1fs", record.epoch, epochs,
                             record.trainLoss, record.trainAccuracy, record.testAccuracy, Double(record.lr), record.seconds))
            }
            last = record
        })
        info.data = data
        let eval = last.map { Evaluation(accuracy: $0.testAccuracy, loss: $0.testLoss, samples: test.count) }
            ?? Trainer.evaluate(trainer.network, on: test, progress: ExecutionContext.terminal.report)
        let result = TrainResult(testAccuracy: eval.accuracy, testLoss: eval.loss, samples: eval.samples, epochs: trainer.epoch,
                                 seconds: Date().timeIntervalSince(start), model: info.model, data: data, checkpoint: output,
                                 trainSamples: train.count)
        if json { print(try DesignArgument.json(result)) } else { print(String(format: "test accuracy: %.4f (%d samples)", eval.accuracy, eval.samples)) }
    }

    private func fresh(_ train: LabeledData, output: URL, log: URL) throws -> (Trainer, TrainCheckpoint.Info, TrainingSession) {
        let kind = Optimizer.Kind(rawValue: optimizer ?? "sgd") ?? .sgd  // checked in validate()
        let widths = try FlagRules.hidden(hidden)
        let seed = seed ?? 1
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.optimizer) = (epochs, batch ?? 32, lr ?? 0.01, kind)
        (cfg.momentum, cfg.nesterov, cfg.weightDecay, cfg.schedule, cfg.seed) = (momentum, nesterov, weightDecay, schedule, seed)
        _ = try LRSchedule.parse(schedule, epochs: epochs)
        let net = try ModelSource.fresh(model, inputShape: train.sampleShape, classCount: train.classCount, seed: seed,
                                        options: .init(hidden: widths, source: data))
        let info = TrainCheckpoint.Info(model: model, inputShape: train.sampleShape, classCount: train.classCount,
                                        hidden: widths, data: data)
        return (Trainer(network: net, config: cfg), info, try TrainingSession.fresh(checkpoint: output, log: log))
    }

    /// Loads the checkpoint, checks it against the data and the flags given, then makes the log agree
    /// with it: records past its epoch (written just before a crash that prevented the checkpoint)
    /// are dropped, so the rerun epoch is logged once.
    /// A resume must hold out what the checkpoint's run held out (nothing, or the same split).
    private func checkHeldOut(_ info: TrainCheckpoint.Info, _ heldOut: String?, path: String) throws {
        guard resume, info.extra[ValidationSplit.metadataKey] != heldOut else { return }
        let recorded = info.extra[ValidationSplit.metadataKey].map { "held out validation \($0)" } ?? "no held-out validation"
        throw ModelError.checkpoint(path: path, reason: "it was trained with \(recorded), this run with "
                                    + (heldOut.map { "held out validation \($0)" } ?? "none") + ": resume with the same --hold-out-* options")
    }

    private func resumed(_ url: URL, log: URL, train: LabeledData) throws -> (Trainer, TrainCheckpoint.Info, TrainingSession) {
        let (trainer, info) = try ModelSource.checkpoint(url)
        guard info.model == model else {
            throw ModelError.checkpoint(path: url.path, reason: "it holds model '\(info.model)', not '\(model)'")
        }
        _ = try ModelData.fit(train, info, url.path, data)
        try ResumeFlags.check(trainer.config, path: url.path, batch: batch, lr: lr, optimizer: optimizer, seed: seed)
        let (session, dropped) = try TrainingSession.resume(checkpoint: url, log: log, epoch: trainer.epoch)
        noteDropped(dropped, epoch: trainer.epoch)
        return (trainer, info, session)
    }
}

/// `--max-grad-norm`, shared by every training command: positive and finite.
func validateMaxGradNorm(_ value: Float?) throws {
    if let value, !(value > 0 && value.isFinite) {
        throw ValidationError("--max-grad-norm \(value) must be a positive finite number")
    }
}

/// The note a resumed command prints when it trimmed its log to the checkpoint's epoch.
func noteDropped(_ dropped: Int, epoch: Int) {
    if let note = TrainingSession.droppedNote(dropped, epoch: epoch) { writeStderr(note + "\n") }
}

/// The final `train --json` object.
struct TrainResult: Codable {
    var testAccuracy: Double
    var testLoss: Double
    var samples: Int
    var epochs: Int
    var seconds: Double
    var model: String
    var data: String
    var checkpoint: String
    /// Training images used (all of the training split, or all but the held-out validation images).
    var trainSamples: Int

    enum CodingKeys: String, CodingKey {
        case testAccuracy = "test_accuracy", testLoss = "test_loss", samples, epochs, seconds, model, data, checkpoint
        case trainSamples = "train_samples"
    }
}

extension TrainingError: UserFacingError {
    public var location: SourceLocation? { nil }
}

extension ModelError: UserFacingError {
    public var location: SourceLocation? { file.map { SourceLocation(file: $0, line: 0, column: 0) } }
}
