import ArgumentParser
import Circuits
import Foundation
import NetSim
import Records
import TableFormat
import Workflows

/// `axmul hybrid`: simulated-error training and the hybrid approximate-then-exact schedule
/// (Hammad & El-Sankary); one run with `--switch-epoch N`, or `--sweep` over error settings.
struct HybridCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "hybrid",
        abstract: "Train approximate for the first N epochs, then exact; or sweep error settings for the smallest exact tail.",
        discussion: "Error settings: a Table II test ID (1-8) or MRE:SD in percent (e.g. 3.6:4.5). Test evaluation is error-free.\n\nExample:\n  axmul hybrid --model lenet5 --data digits_8x8 --epochs 30 --lr 0.05 --sweep --errors 1,8 -o hybrid-out")

    @Option(help: "Model name: \(ModelZoo.names.joined(separator: ", ")), or an ONNX model (.onnx, its weights as the start).") var model = "mlp"
    @Option(help: "Data set: a shipped name (digits_8x8, mnist_5k, …) or a path.") var data: String
    @Option(help: "Total epochs.") var epochs = 10
    @Option(help: "Mini-batch size.") var batch = 32
    @Option(help: "Base learning rate (SGD).") var lr: Float = 0.01
    @Option(help: "SGD momentum.") var momentum: Float = 0.9
    @Option(name: .customLong("weight-decay"), help: "L2 weight decay.") var weightDecay: Float = 0
    @Option(help: "LR schedule: constant, step:EVERY:GAMMA, cosine[:MIN] or exp:GAMMA.") var schedule = "constant"
    @Option(help: "Seed for initialisation, error matrices, shuffling and dropout.") var seed: UInt64 = 1
    @Option(help: "MLP hidden widths, comma-separated.") var hidden = "64,64"
    @OptionGroup var threading: ThreadOptions
    @Option(name: .customLong("max-grad-norm"), help: "Clip the global L2 norm of all gradients to this value.")
    var maxGradNorm: Float?
    @Option(help: "Simulated error for a single run: test ID or MRE:SD (%).") var error = "4"
    @Option(help: "Instead of --error: a real multiplier (\(ApproxCLI.multiplierKinds)), behavioural simulation with the default calibration (percentile 99.99); batch norm stays in float, as the float network is trained.") var multiplier: String?
    @Option(name: .customLong("switch-epoch"), help: "Approximate epochs N before switching to exact (single run).") var switchEpoch = 0
    @Flag(help: "Sweep error settings for the smallest exact tail within --tolerance of the exact baseline.") var sweep = false
    @Option(help: "Sweep: error settings, comma-separated.") var errors = "1,2,3,4,5,6,7,8"
    @Option(help: "Sweep: accepted accuracy drop from the exact baseline (fraction, 0.005 = 0.5 points).") var tolerance = 0.005
    @Option(help: "Sweep: spacing of the switch epochs tried.") var step = 1
    @Option(name: .shortAndLong, help: "Results folder (hybrid.json and per-run .log.jsonl).") var output = "hybrid-results"
    @Flag(help: "Single run: continue from DIR/hybrid_n<N>.safetensors (written after each epoch).") var resume = false
    @OptionGroup var input: InputNormalisationOptions
    @Flag(help: "Print the result as JSON.") var json = false

    @OptionGroup var writing: OutputOptions

    func run() throws {
        let outcome = try job().run(context: .terminal, line: { line in if !json { print(line) } })
        if json { print(String(decoding: try HybridJob.json(outcome), as: UTF8.self), terminator: ""); return }
        switch outcome {
        case .sweep(let result): printTable(result)
        case .single(let run):
            print(String(format: "test accuracy %.4f, approximate multiplier utilisation %.1f%% (%d/%d epochs)",
                         run.finalAccuracy, run.utilisation * 100, switchEpoch, epochs))
        }
    }

    /// The flags as a `HybridJob`.
    func job() throws -> HybridJob {
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.optimizer) = (epochs, batch, lr, .sgd)
        (cfg.momentum, cfg.weightDecay, cfg.schedule, cfg.seed, cfg.maxGradNorm) = (momentum, weightDecay, schedule, seed, maxGradNorm)
        let mode: HybridJob.Mode
        if sweep {
            let specs = try errors.split(separator: ",").map { text throws -> (label: String, spec: ErrorSpec) in
                let t = text.trimmingCharacters(in: .whitespaces)
                return (Int(t).map { "id\($0)" } ?? "mre\(t.replacingOccurrences(of: ":", with: "_sd"))", try ErrorSpec.parse(t))
            }
            mode = .sweep(specs: specs, tolerance: tolerance, step: step)
        } else {
            let source: ApproxSource = try multiplier.map { .multiplier(MultiplierAssignment(default: try ApproxCLI.multiplier($0))) }
                ?? .gaussian(try ErrorSpec.parse(error))
            mode = .single(switchEpoch: switchEpoch, source: source)
        }
        return HybridJob(model: model, preprocessing: try input.parsed(), data: data, hidden: try FlagRules.hidden(hidden), config: cfg,
                         mode: mode, folder: URL(fileURLWithPath: output), resume: resume)
    }

    /// Table III layout: one row per error setting.
    private func printTable(_ r: HybridSweepResult) {
        print(String(format: "exact baseline %.4f, tolerance %.4f, %d epochs", r.baselineAccuracy, r.tolerance, r.epochs))
        print("setting        MRE%   SD%    approx-only  N(appr)  exact  accuracy  utilisation")
        for e in r.entries {
            print(e.label.padding(toLength: 13, withPad: " ", startingAt: 0) + String(format: " %5.2f  %5.2f   %.4f      %4d     %4d   %.4f    %5.1f%%", e.realised.mre * 100,
                         e.realised.sd * 100, e.approxAccuracy, e.switchEpoch, e.exactEpochs, e.accuracy, e.utilisation * 100))
        }
    }
}

extension HybridError: UserFacingError {
    public var location: SourceLocation? { file.map { SourceLocation(file: $0, line: 0, column: 0) } }
}
