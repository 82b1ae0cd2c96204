import ArgumentParser
import Foundation
import NetSim
import Workflows

/// `axmul bench evaluate`: images per second of `axmul evaluate`'s three passes (float, exact 8-bit,
/// approximate) measured in one run, and search candidates per second on a validation split.
struct BenchEvaluateCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Time behavioural inference (float, exact 8-bit, approximate) and search candidates (build with -c release).",
        discussion: """
        Without --model the zoo's ResNet-8 with random weights (seed 1) is used, shaped for the data.
        Example:
          axmul bench evaluate --data fashion-mnist --multiplier smapprox8x8-3330 --images 10000
        """)

    @Option(help: "Trained checkpoint or ONNX model (default: the zoo's ResNet-8, random weights).") var model: String?
    @Option(help: "Data set name or path.") var data = "fashion-mnist"
    @Option(help: "Multiplier of the approximate pass: \(ApproxCLI.multiplierKinds).") var multiplier = "smapprox8x8-3330"
    @Option(help: "Test images per pass (the first N of the test split).") var images = 10_000
    @Option(name: .customLong("validation-images"), help: "Training images in one candidate's validation split (the last N).")
    var validationImages = 2_000
    @Option(help: "Candidates timed (the mean is reported).") var candidates = 2
    @OptionGroup var threading: ThreadOptions
    @Flag(help: "Print the figures as one JSON object.") var json = false

    func validate() throws {
        for (flag, value) in [("--images", images), ("--validation-images", validationImages), ("--candidates", candidates)] {
            try FlagRules.int(flag, value, 1...Int.max)
        }
    }

    func run() throws {
        let (network, train, test) = try loadModelAndData()
        let entry = try ApproxCLI.multiplier(multiplier)
        let setup = EvaluateBenchmark.Setup(network: network, assignment: MultiplierAssignment(default: entry),
                                            train: train, test: test.prefix(images),
                                            validationImages: validationImages, candidates: candidates)
        if !json { print("model \(model ?? "resnet8 (random weights)") on \(data), multiplier \(entry.name) (route \(entry.plan.route)), batch \(ApproxEvaluation.batchSize), workers \(Workers.current)") }
        let report = EvaluateBenchmark.run(setup) { line in if !json { print(line) } }
        if json { print(try DesignArgument.json(report)); return }
        print(String(format: "ratio vs float: exact %.3f, approximate %.3f", report.exactOverFloat, report.approximateOverFloat))
    }

    private func loadModelAndData() throws -> (Network, LabeledData, LabeledData) {
        if let model {
            let loaded = try ApproxCLI.loadModel(model)
            let d = try ModelData.load(data, for: loaded.info, modelPath: model)
            return (loaded.network, d.train, d.test)
        }
        let d = try DatasetLoader.load(data)
        let net = try ModelZoo.build("resnet8", inputShape: d.train.sampleShape, classCount: d.train.classCount, seed: 1)
        return (net, d.train, d.test)
    }
}
