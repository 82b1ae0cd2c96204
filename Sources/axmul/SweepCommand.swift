import ArgumentParser
import Foundation
import NetSim
import Records
import Search
import TableFormat
import Workflows

/// `axmul sweep`: a plain grid of model × design × method cells (test accuracy, as `axmul evaluate`
/// measures it), through the same shards, cache and Slurm arrays as `axmul search`.
struct SweepCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Evaluate a grid of model × design × method cells in shards (locally or as a Slurm job array).",
        discussion: """
        Methods: approximate (behavioural), exact8, float. Writes DIR/sweep.json and DIR/sweep.csv; resumes from DIR.
        Example: axmul sweep --data digits --model mlp.safetensors --multiplier smapprox8x8-2222 --multiplier drum8-k4 -o out/sweep --shards 4
        """)

    @OptionGroup var threading: ThreadOptions

    @Option(help: "Dataset name or path.") var data: String
    @Option(help: "A model checkpoint or .onnx file (repeatable).") var model: [String]
    @Option(help: "A multiplier (repeatable): \(ApproxCLI.multiplierKinds).") var multiplier: [String]
    @Option(help: "A method (repeatable): approximate, exact8, float.") var method: [String] = ["approximate"]
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output folder.") var output: String
    @Option(help: "Shards (array tasks with --slurm).") var shards = 1
    @Flag(help: "Run the grid as a Slurm job array plus a dependent merge job.") var slurm = false
    @Option(name: .customLong("sbatch-option"), help: "Extra #SBATCH option (repeatable).") var sbatchOptions: [String] = []
    @Option(name: .customLong("calibration-batches"), help: "Batches of 64 training samples used for calibration.") var calibrationBatches = 4
    @OptionGroup var quant: QuantFlags
    @Option(help: "Test on the first N test samples only (default: all).") var limit: Int?

    @OptionGroup var writing: OutputOptions

    func validate() throws {
        guard !model.isEmpty, !multiplier.isEmpty else { throw ValidationError("give at least one --model and one --multiplier") }
        for m in method where !SweepCells.methods.contains(m) {
            throw ValidationError("--method '\(m)' must be one of \(SweepCells.methods.joined(separator: ", "))")
        }
        try FlagRules.int("--shards", shards, 1...100_000)
        try FlagRules.int("--calibration-batches", calibrationBatches, 1...Int.max)
        try FlagRules.int("--limit", limit, 1...Int.max)
        try FlagRules.paths(["-o/--output": [output], "--model": model, "--data": [data], "--multiplier": multiplier])
        try FlagRules.slurm(output: output, options: sbatchOptions, slurm: slurm)
    }

    func run() throws {
        let job = SweepJob(models: model, data: data, designs: multiplier, methods: method,
                           quant: try quant.spec(calibrationBatches: calibrationBatches), testLimit: limit, shards: shards,
                           slurm: slurm ? SlurmScripts(binary: SearchCommand.binaryPath, options: sbatchOptions) : nil,
                           folder: URL(fileURLWithPath: output))
        let (cells, measured) = try job.run()
        for c in cells { print(String(format: "%-40@ %-24@ %-12@ %.4f", c.model as NSString, c.design as NSString, c.method as NSString, c.accuracy)) }
        print("wrote \(URL(fileURLWithPath: output).path)/sweep.json and sweep.csv (\(measured) cells measured, the rest from the cache)")
    }
}
