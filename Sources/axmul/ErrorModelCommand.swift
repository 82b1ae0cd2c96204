import ArgumentParser
import Foundation
import NetSim
import TableFormat
import Workflows

/// `axmul errormodel build|show`: the neuron-wise error statistics of a model and multiplier.
struct ErrorModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errormodel",
        abstract: "Build or inspect neuron-wise error-model statistics (μ_y, σ_y, μ_ε, σ_ε, ρ per output neuron).",
        discussion: "Example:\n  axmul errormodel build --model lenet5.safetensors --data fashion-mnist --multiplier smapprox8x8-2222 -o 2222.axerr",
        subcommands: [Build.self, Show.self])

    /// Per-layer summary printed by both subcommands (and their `--json`).
    struct LayerSummary: Codable {
        var layer: String
        var neurons: Int
        var samples: Int
        var meanRho: Double
        var meanMuE: Double
        var meanSigmaE: Double
        var snrDB: Double

        init(_ l: ErrorModel.Layer) {
            let n = Double(max(l.stats.neurons, 1))
            layer = l.name
            neurons = l.stats.neurons
            samples = l.stats.samples
            meanRho = l.stats.rho.reduce(0.0) { $0 + Double($1) } / n
            meanMuE = l.stats.muE.reduce(0.0) { $0 + Double($1) } / n
            meanSigmaE = l.stats.sigmaE.reduce(0.0) { $0 + Double($1) } / n
            snrDB = ErrorModelBuilder.snrDB(l.stats)
        }

        enum CodingKeys: String, CodingKey {
            case layer, neurons, samples, meanRho = "mean_rho", meanMuE = "mean_mu_e", meanSigmaE = "mean_sigma_e", snrDB = "snr_db"
        }
    }

    static func printSummary(_ model: ErrorModel, json: Bool) throws {
        let rows = model.layers.map(LayerSummary.init)
        if json { print(try DesignArgument.json(rows)); return }
        print("multiplier \(model.multiplier)")
        for r in rows {
            print(String(format: "  %@: %d neurons, p=%d, mean ρ %.4f, mean μ_ε %.5f, mean σ_ε %.5f, SNR %.1f dB",
                         r.layer, r.neurons, r.samples, r.meanRho, r.meanMuE, r.meanSigmaE, r.snrDB))
        }
    }

    struct Build: ParsableCommand, UsesThreads, WritesFiles {
        static let configuration = CommandConfiguration(
            abstract: "Measure the error statistics on p training samples and save them.",
            discussion: "Example: axmul errormodel build --model m.safetensors --data breast_cancer_wdbc --multiplier smapprox8x8-2222 -o m-2222.axerr")

        @OptionGroup var threading: ThreadOptions

        @OptionGroup var common: ApproxOptions
        @Option(help: "Training samples p.") var samples = 512
        @Option(name: .shortAndLong, help: "Output statistics file.") var output: String
        @Flag(help: "Print the per-layer summary as JSON.") var json = false

        @OptionGroup var writing: OutputOptions

        func run() throws {
            try OutputFile.checkTarget(output)
            let loaded = try ApproxCLI.loadModel(common.model, input: common.input)
            let data = try ModelData.load(common.data, for: loaded.info, modelPath: common.model)
            try common.checkLayers(of: loaded.network)
            let (assignment, _) = try common.assignment()
            var options = try common.quantOptions()
            let calibration = common.subset.subset.calibration(data.train, options: &options)   // --limit: no test part here
            var net = ApproxNetwork.wrap(loaded.network, assignment, options: options)
            ApproxNetwork.calibrate(&net, on: calibration, options: options)
            let model = ErrorModelBuilder.build(net, on: data.train, samples: samples, multiplier: assignment.label,
                                                progress: ExecutionContext.terminal.report)
            try ErrorModelFile.write(model, to: output)
            try ErrorModelCommand.printSummary(model, json: json)
            if !json { print("wrote \(output)") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Summarise a statistics file.")
        @Argument(help: "Statistics file from `axmul errormodel build`.") var file: String
        @Flag(help: "JSON output.") var json = false

        func run() throws {
            try ErrorModelCommand.printSummary(try ErrorModelFile.read(file), json: json)
        }
    }
}
