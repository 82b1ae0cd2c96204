import ArgumentParser
import Foundation
import NetSim
import Records
import TableFormat
import Workflows

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
        let summary = try job().run(context: .terminal) { phase, record, act in
            guard !json else { return }
            let extra = act.map { String(format: "  γ %.4g→%.4g  S %.4g", $0.gamma, $0.nextGamma, $0.sensitivity) } ?? ""
            print(String(format: "%@ epoch %d  loss %.4f  train %.4f  test %.4f", phase.rawValue, record.epoch,
                         record.trainLoss, record.trainAccuracy, record.testAccuracy) + extra)
        }
        if json { print(try RecordJSON.text(summary), terminator: ""); return }
        print(String(format: "exact accuracy %.4f  hardware accuracy %.4f ± %.4f (%d runs)  S %.4g", summary.exactAccuracy,
                     summary.hardwareAccuracyMean, summary.hardwareAccuracyStd, summary.hardwareRuns, summary.sensitivityFinal))
    }

    /// The flags as an `AxTrainJob` (--flip-rate and the widths are checked in validate()).
    func job() throws -> AxTrainJob {
        var cfg = TrainConfig()
        (cfg.batchSize, cfg.learningRate, cfg.momentum, cfg.seed, cfg.maxGradNorm) = (batch, lr, momentum, seed, maxGradNorm)
        let hw = HardwareModel(multiplier: try multiplier.map { try ApproxCLI.multiplier($0) },
                               storage: flipRate.map { NTVStorage(bits: weightBits, flipRate: $0) }, activationBits: activationBits)
        return AxTrainJob(model: model, preprocessing: try input.parsed(), data: data, hidden: try FlagRules.hidden(hidden), config: cfg,
                          actEpochs: actEpochs, pasEpochs: pasEpochs, gamma: AdaptiveGamma(gamma: gamma, delta: deltaGamma, bound: errorBound),
                          hardware: hw, runs: runs, folder: URL(fileURLWithPath: output), resume: resume)
    }
}
