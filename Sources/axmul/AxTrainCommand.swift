import ArgumentParser
import Foundation
import NetSim
import Records
import TableFormat

/// `axmul axtrain`: AxTrain (He et al., ISLPED 2018) — sensitivity-regularised training (act),
/// then training through the hardware model (pas); writes a results folder `report` can render.
struct AxTrainCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "axtrain",
        abstract: "AxTrain: act (E + γ·S(w)) then pas (DRUM/NTV hardware model in the forward pass).",
        discussion: "Example:\n  axmul axtrain --data breast_cancer_wdbc --flip-rate 0.1 -o axtrain-out")

    @Option(help: "Model name: \(ModelZoo.names.joined(separator: ", ")), or an ONNX model (.onnx, its weights as the start).") var model = "mlp"
    @Option(help: "Data set: a shipped name (breast_cancer_wdbc, digits_8x8, …) or a path.") var data: String
    @Option(help: "MLP hidden widths, comma-separated.") var hidden = "64,64"
    @Option(name: .customLong("act-epochs"), help: "AxTrain-act epochs (γ = 0 gives plain BP).") var actEpochs = 10
    @Option(name: .customLong("pas-epochs"), help: "AxTrain-pas epochs after act.") var pasEpochs = 3
    @Option(help: "Mini-batch size.") var batch = 32
    @Option(help: "Learning rate.") var lr: Float = 0.01
    @Option(help: "SGD momentum.") var momentum: Float = 0.9
    @Option(help: "Initial preference factor γ.") var gamma = 0.01
    @Option(name: .customLong("delta-gamma"), help: "Per-epoch γ step Δγ (§3.1.3).") var deltaGamma = 0.005
    @Option(name: .customLong("error-bound"), help: "Training error below which γ always grows.") var errorBound = 0.02
    @Option(help: "Approximate multiplier (e.g. drum8-k1 … drum8-k4): \(ApproxCLI.multiplierKinds); quantised with the default calibration (percentile 99.99), batch norm kept in float.") var multiplier: String?
    @Option(name: .customLong("flip-rate"), help: "NTV weight-storage bit-flip rate per read (0.1, 0.01, 0.001).") var flipRate: Double?
    @Option(name: .customLong("weight-bits"), help: "Stored weight word width (dynamic fixed point).") var weightBits = 8
    @Option(name: .customLong("activation-bits"), help: "Activation word width when no multiplier is set.") var activationBits = 16
    @Option(help: "Hardware evaluations with fresh bit flips.") var runs = 10
    @Option(help: "Seed for initialisation, shuffling and bit flips.") var seed: UInt64 = 1
    @OptionGroup var threading: ThreadOptions
    @Option(name: .customLong("max-grad-norm"), help: "Clip the global L2 norm of all gradients to this value.")
    var maxGradNorm: Float?
    @Option(name: .shortAndLong, help: "Results folder (act.log.jsonl, act.safetensors, pas.log.jsonl, axtrain.json, model.safetensors).")
    var output: String
    @Flag(help: "Continue from DIR/act.safetensors (written after each act epoch); pas reruns from the end of act.") var resume = false
    @OptionGroup var input: InputNormalisationOptions
    @Flag(help: "Print the summary as JSON.") var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let (train, test) = try DatasetLoader.load(data)
        let widths = try FlagRules.hidden(hidden)   // --flip-rate is checked in validate()
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lock = try OutputFile.Lock(for: folder.appendingPathComponent("axtrain").path)   // one writer per results folder
        defer { lock.release() }
        var cfg = TrainConfig()
        (cfg.batchSize, cfg.learningRate, cfg.momentum, cfg.seed) = (batch, lr, momentum, seed)
        cfg.maxGradNorm = maxGradNorm
        let net = try ModelZoo.build(model, inputShape: train.sampleShape, classCount: train.classCount, seed: seed,
                                     options: .init(hidden: widths), metadata: input.checkpointMetadata)
        let hw = HardwareModel(multiplier: try multiplier.map { try ApproxCLI.multiplier($0) },
                               storage: flipRate.map { NTVStorage(bits: weightBits, flipRate: $0) }, activationBits: activationBits)
        var info = TrainCheckpoint.Info(model: model, inputShape: train.sampleShape, classCount: train.classCount,
                                        hidden: widths, data: data)
        info.extra = input.checkpointMetadata   // an ONNX model's --input-mean/--input-std, for resume and eval
        let actCheckpoint = folder.appendingPathComponent("act.safetensors"), actLog = folder.appendingPathComponent("act.log.jsonl")
        let pasLog = folder.appendingPathComponent("pas.log.jsonl")
        var (session, state) = try resume ? resumed(actCheckpoint, log: actLog)
            : (try TrainingSession.fresh(checkpoint: actCheckpoint, log: actLog), nil)
        try? FileManager.default.removeItem(at: pasLog)   // pas always reruns from the end of act
        if maxGradNorm == nil, let state { cfg.maxGradNorm = state.trainer.config.maxGradNorm }   // kept unless given again
        let recipe = AxTrainRun(config: cfg, actEpochs: actEpochs, pasEpochs: pasEpochs,
                                gamma: AdaptiveGamma(gamma: gamma, delta: deltaGamma, bound: errorBound), hardware: hw, runs: runs)
        let bar = TrainingProgressBar()
        let trained: Network, summary: AxTrainSummary
        do {
            (trained, summary) = try recipe.run(net, train: train, test: test, resume: state, onEpoch: { phase, record, act, state in
                bar.finish()
                if let state {
                    var saved = info
                    saved.extra[Self.gammaKey] = try DesignArgument.json(state.gamma)
                    try session.commit(record, state.trainer) { t, url in try TrainCheckpoint.save(t, info: saved, to: url) }
                } else {
                    try TrainingLog.append(record, to: pasLog)
                }
                if !json {
                    let extra = act.map { String(format: "  γ %.4g→%.4g  S %.4g", $0.gamma, $0.nextGamma, $0.sensitivity) } ?? ""
                    print(String(format: "%@ epoch %d  loss %.4f  train %.4f  test %.4f", phase.rawValue, record.epoch,
                                 record.trainLoss, record.trainAccuracy, record.testAccuracy) + extra)
                }
            }, progress: bar.update)
        } catch {
            throw session.annotated(error)
        }
        try TrainCheckpoint.save(Trainer(network: trained, config: cfg), info: info, to: folder.appendingPathComponent("model.safetensors"))
        let text = try RecordJSON.encode(summary)
        try OutputFile.write(text, to: folder.appendingPathComponent("axtrain.json"))
        if let map = SensitivityMap.lastDense(trained, probe: test) { try OutputFile.write(try RecordJSON.encode(map), to: folder.appendingPathComponent("sensitivity.json")) }
        if json {
            print(String(decoding: text, as: UTF8.self), terminator: "")
        } else {
            print(String(format: "exact accuracy %.4f  hardware accuracy %.4f ± %.4f (%d runs)  S %.4g",
                         summary.exactAccuracy, summary.hardwareAccuracyMean, summary.hardwareAccuracyStd,
                         summary.hardwareRuns, summary.sensitivityFinal))
        }
    }

    /// γ and its history, in the act checkpoint's metadata.
    static let gammaKey = "axtrain_gamma"

    /// The act state saved in `url`, and the session that continues its log.
    private func resumed(_ url: URL, log: URL) throws -> (TrainingSession, AxTrainRun.ActState?) {
        let (trainer, info) = try TrainCheckpoint.load(from: url)
        guard info.model == model, trainer.config.seed == seed, trainer.epoch <= actEpochs,
              let text = info.extra[Self.gammaKey], let gamma = try? JSONDecoder().decode(AdaptiveGamma.self, from: Data(text.utf8)) else {
            throw ModelError.checkpoint(path: url.path, reason: "it is not the act checkpoint of this run (model '\(info.model)', seed "
                + "\(trainer.config.seed), epoch \(trainer.epoch)); rerun without --resume, or give the same --model, --seed and --act-epochs")
        }
        let (session, dropped) = try TrainingSession.resume(checkpoint: url, log: log, epoch: trainer.epoch)
        noteDropped(dropped, epoch: trainer.epoch)
        return (session, AxTrainRun.ActState(trainer: trainer, gamma: gamma))
    }
}
