import ArgumentParser
import Foundation
import NetSim
import Records
import TableFormat
import Workflows

/// `axmul retrain`: retrain a model for an approximate multiplier with one of the paper's methods.
struct RetrainCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "retrain",
        abstract: "Retrain a quantised model for an approximate multiplier (behavioural, errormodel, baseline, baseline-mean, awgn).",
        discussion: """
        Defaults are the paper's: SGD, momentum 0.9, lr 1e-4, batch 64, 5 epochs. Accuracy before and after is
        always measured with the behavioural simulation; each epoch's wall time is logged to stderr.
        The two readings of the paper's baseline (eq. 16): `baseline` ("baseline-sd") draws Err ~ N(1, σ),
        σ the multiplier's relative-error SD; `baseline-mean` draws Err ~ N(1 + m, σ), m its mean signed
        relative error (a biased multiplier's offset is modelled).
        Example: axmul retrain --model m.safetensors --data breast_cancer_wdbc --multiplier smapprox8x8-2222 \\
                 --method errormodel -o m-2222.safetensors --json
        """)

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var common: ApproxOptions

    @Option(help: "behavioural | errormodel | baseline (Err ~ N(1, σ)) | baseline-mean (Err ~ N(1 + m, σ)) | awgn")
    var method: RetrainMethod

    @Option(help: "Epochs.") var epochs = 5
    @Option(help: "Learning rate.") var lr: Float = 1e-4
    @Option(help: "Batch size.") var batch = 64
    @Option(help: "SGD momentum.") var momentum: Float = 0.9
    @Option(help: "Seed for shuffling and noise.") var seed: UInt64 = 1

    @Option(name: .customLong("error-model"), help: "Statistics from `axmul errormodel build` (errormodel method); built on the fly if absent.")
    var errorModel: String?

    @Option(name: .customLong("train-limit"), help: "Retrain on the first N training samples only (default: all; --limit cuts the test set).")
    var trainLimit: Int?

    @Option(help: "Training samples p for the error model when built on the fly.")
    var samples = 512

    @Option(help: "AWGN SNR in dB; default: each layer's SNR measured from the error statistics.")
    var snr: Double?

    @Option(name: .customLong("baseline-sigma"), help: "Baseline Err σ; default: the multiplier's relative-error deviation.")
    var baselineSigma: Float?

    @Option(name: .customLong("baseline-mean"),
            help: "baseline-mean: the mean error m of Err ~ N(1 + m, σ); default: the multiplier's mean signed relative error.")
    var baselineMean: Float?

    @Flag(name: .customLong("baseline-fixed"), help: "Baseline: draw one Err per layer instead of a fresh one each step.")
    var baselineFixed = false

    @Option(name: .customLong("max-grad-norm"),
            help: "Clip the global L2 norm of all gradients to this value (kept in the checkpoint; with --resume, overrides it).")
    var maxGradNorm: Float?

    @Option(name: .shortAndLong, help: "Output checkpoint for the retrained model, written atomically after each epoch.")
    var output: String

    @Option(help: "Per-epoch JSONL log (default: <output>.log.jsonl).") var log: String?

    @Flag(help: "Continue an interrupted run from the checkpoint at --output (same --model and settings).")
    var resume = false

    @Flag(help: "End with {approx_accuracy_before, approx_accuracy_after, epoch_seconds} as JSON.")
    var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let report = try job().run(context: .terminal)
        if json {
            print(try RecordJSON.text(report), terminator: "")
        } else {
            print(String(format: "behavioural accuracy %.4f -> %.4f (%@, %@); wrote %@", report.approxAccuracyBefore,
                         report.approxAccuracyAfter, method.rawValue, report.multiplier, output))
        }
    }

    /// The flags as a `RetrainJob`.
    func job() throws -> RetrainJob {
        var config = RetrainConfig()
        (config.method, config.epochs, config.learningRate, config.batchSize) = (method, epochs, lr, batch)
        (config.momentum, config.seed, config.errorModelSamples) = (momentum, seed, samples)
        (config.snrDB, config.baselineSigma, config.baselineFresh) = (snr, baselineSigma, !baselineFixed)
        (config.baselineMean, config.quant, config.maxGradNorm) = (baselineMean, try common.quantOptions(), maxGradNorm)
        let multipliers = RetrainJob.Multipliers(assignment: try common.assignment().0, spec: common.multiplier,
                                                 layerSpecs: common.layerSpecs)
        return RetrainJob(model: common.model, preprocessing: try common.input.parsed(), data: common.data, trainLimit: trainLimit,
                          subset: common.subset.subset, multipliers: multipliers, config: config, errorModel: errorModel,
                          output: URL(fileURLWithPath: output), log: log.map { URL(fileURLWithPath: $0) }, resume: resume)
    }
}

extension RetrainMethod: ExpressibleByArgument {}

/// `axmul bench retrain`: seconds per retraining epoch, behavioural vs error model vs float training
/// (the paper's Table 5), measured in one run.
struct BenchRetrainCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "retrain",
        abstract: "Time one retraining epoch per method next to float training (build with -c release).",
        discussion: """
        --data synthetic-cifar makes random 3x32x32 data with 10 classes (CIFAR-10 size) when no real CIFAR is at hand.
        Each epoch is broken down by phase (PhaseClock: GEMMs, im2col, batch norm, quantisation, error_model, ...),
        and the run ends with the ratios errormodel/float and errormodel/behavioural. --json prints the results
        (each with phase_seconds). Quantisation takes the flags and defaults of `evaluate` (batch norm folded,
        percentile 99.99); the float epoch trains the same network (folded unless --no-fold-bn).
        Example: axmul bench retrain --model lenet5 --data fashion-mnist --multiplier smapprox8x8-2222 --limit 10000
        """)

    @Option(help: "Zoo model name (freshly initialised), a checkpoint path or an ONNX model (.onnx).") var model: String
    @Option(help: "Dataset name or path, or synthetic-cifar.") var data: String
    @Option(help: "Multiplier: \(ApproxCLI.multiplierKinds).") var multiplier: String
    @Option(help: "Training samples per epoch (0 = all).") var limit = 0
    @Option(help: "Batch size (the paper's 64).") var batch = 64
    @Option(help: "Methods to time, comma-separated.") var methods = "behavioural,errormodel"
    @Option(help: "Error-model samples p.") var samples = 512
    @OptionGroup var threading: ThreadOptions
    @OptionGroup var input: InputNormalisationOptions
    @OptionGroup var quant: QuantFlags
    @Flag(help: "JSON output.") var json = false

    func validate() throws { try input.check(models: [model]) }

    func run() throws {
        let train = try trainingSet()
        let network = try ModelSource.network(model, inputShape: train.sampleShape, classCount: train.classCount, seed: 1,
                                              preprocessing: try input.parsed())
        let list = try methods.split(separator: ",").map { s throws in
            guard let m = RetrainMethod(rawValue: String(s)) else { throw ValidationError("unknown method '\(s)'") }
            return m
        }
        var config = RetrainConfig()
        (config.batchSize, config.errorModelSamples) = (batch, samples)
        config.quant = try quant.apply(to: config.quant)
        let entry = try ApproxCLI.multiplier(multiplier)
        let results = try EpochTiming.measure(network, train: train, assignment: MultiplierAssignment(default: entry),
                                              methods: list, config: config)
        if json { print(try DesignArgument.json(results)); return }
        print("\(model) on \(data): \(train.count) samples/epoch, batch \(batch), multiplier \(entry.name), ISA \(KernelISA.summary), workers \(Workers.current)")
        printText(results)
    }

    /// Each method's wall and CPU seconds per epoch against float, its phases, and the error model's ratios.
    private func printText(_ results: [EpochTiming.Result]) {
        let float = results.first?.epochSeconds ?? 1, floatCPU = results.first?.cpuSeconds ?? 1
        for r in results {
            print(String(format: "  %-13@ wall %8.2f s/epoch (%.2fx float)  cpu %8.2f s (%.2fx float)  setup %.2f s",
                         r.method, r.epochSeconds, r.epochSeconds / max(float, 1e-9), r.cpuSeconds,
                         r.cpuSeconds / max(floatCPU, 1e-9), r.setupSeconds))
            let phases = r.phaseSeconds.sorted { $0.value > $1.value }.map { String(format: "%@ %.2f", $0.key, $0.value) }
            print("                per phase (wall s): " + phases.joined(separator: ", "))
        }
        let ratios = EpochTiming.Ratios(results)
        if let em = ratios.overFloat[RetrainMethod.errormodel.rawValue] {
            print(String(format: "  errormodel/float %.3f (wall)", em)
                  + (ratios.errormodelOverBehavioural.map { String(format: ", errormodel/behavioural %.3f (wall)", $0) } ?? "")
                  + (ratios.errormodelOverBehaviouralCPU.map { String(format: ", %.3f (cpu)", $0) } ?? ""))
        }
    }

    func trainingSet() throws -> LabeledData {
        if data == "synthetic-cifar" {
            let n = limit > 0 ? limit : 50_000
            var rng = NetSim.SplitMix64(seed: 7)
            var values = [Float](repeating: 0, count: n * 3 * 32 * 32)
            for i in values.indices { values[i] = Float(rng.next() >> 40) / 8_388_608 - 1 }
            var labels = [Int32](repeating: 0, count: n)
            for i in labels.indices { labels[i] = Int32(rng.next() % 10) }
            return LabeledData(sampleShape: [3, 32, 32], values: values, labels: labels, classCount: 10)
        }
        let train = try DatasetLoader.load(data).train
        return limit > 0 && limit < train.count ? train.subset(Array(0..<limit)) : train
    }
}
