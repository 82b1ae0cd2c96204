import ArgumentParser
import Foundation
import NetSim

/// `axmul retrain`: retrain a model for an approximate multiplier with one of the paper's methods.
struct RetrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrain",
        abstract: "Retrain a quantised model for an approximate multiplier (behavioural, errormodel, baseline, awgn).",
        discussion: """
        Defaults are the paper's: SGD, momentum 0.9, lr 1e-4, batch 64, 5 epochs. Accuracy before and after is
        always measured with the behavioural simulation; each epoch's wall time is logged to stderr.
        Example: axmul retrain --model m.safetensors --data breast_cancer_wdbc --multiplier smapprox8x8-2222 \\
                 --method errormodel -o m-2222.safetensors --json
        """)

    @OptionGroup var common: ApproxOptions

    @Option(help: "behavioural | errormodel | baseline | awgn")
    var method: RetrainMethod

    @Option(help: "Epochs.") var epochs = 5
    @Option(help: "Learning rate.") var lr: Float = 1e-4
    @Option(help: "Batch size.") var batch = 64
    @Option(help: "SGD momentum.") var momentum: Float = 0.9
    @Option(help: "Seed for shuffling and noise.") var seed: UInt64 = 1

    @Option(name: .customLong("error-model"), help: "Statistics from `axmul errormodel build` (errormodel method); built on the fly if absent.")
    var errorModel: String?

    @Option(help: "Training samples p for the error model when built on the fly.")
    var samples = 512

    @Option(help: "AWGN SNR in dB; default: each layer's SNR measured from the error statistics.")
    var snr: Double?

    @Option(name: .customLong("baseline-sigma"), help: "Baseline Err σ; default: the multiplier's relative-error deviation.")
    var baselineSigma: Float?

    @Flag(name: .customLong("baseline-fixed"), help: "Baseline: draw one Err per layer instead of a fresh one each step.")
    var baselineFixed = false

    @Option(name: .shortAndLong, help: "Output checkpoint for the retrained model.")
    var output: String

    @Flag(help: "End with {approx_accuracy_before, approx_accuracy_after, epoch_seconds} as JSON.")
    var json = false

    func validate() throws {
        guard epochs >= 0, batch > 0, lr > 0 else { throw ValidationError("--epochs must be ≥ 0, --batch and --lr > 0") }
    }

    func run() throws {
        let loaded = try ApproxCLI.loadModel(common.model)
        let data = try ApproxCLI.loadData(common.data)
        let (assignment, _) = try common.assignment()
        var config = RetrainConfig()
        (config.method, config.epochs, config.learningRate, config.batchSize) = (method, epochs, lr, batch)
        (config.momentum, config.seed, config.errorModelSamples) = (momentum, seed, samples)
        (config.snrDB, config.baselineSigma, config.baselineFresh) = (snr, baselineSigma, !baselineFixed)
        config.quant = try common.quantOptions()
        let stats = try errorModel.map { path throws in try ErrorModelFile.read(path) }
        let (network, report) = try Retrainer.retrain(loaded.network, train: data.train, test: data.test,
                                                      assignment: assignment, config: config, errorModel: stats,
                                                      log: { writeStderr($0 + "\n") })
        var trainer = loaded.trainer
        trainer.network = network
        try TrainCheckpoint.save(trainer, info: loaded.info, to: URL(fileURLWithPath: output))
        if json {
            print(try DesignArgument.json(report))
        } else {
            print(String(format: "behavioural accuracy %.4f -> %.4f (%@, %@); wrote %@", report.approxAccuracyBefore,
                         report.approxAccuracyAfter, method.rawValue, assignment.label, output))
        }
    }
}

extension RetrainMethod: ExpressibleByArgument {}
