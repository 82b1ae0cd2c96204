import ArgumentParser
import Foundation
import NetSim
import Records
import Search
import TableFormat

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

    struct Cell: Codable {
        var model: String
        var design: String
        var method: String
        var accuracy: Double
    }

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        OutputFile.removeStaleTemporaries(inFolder: folder, depth: 2)   // a resume: temporaries of a killed run (folder, sets/*/)
        let models = model.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var context = SearchContext(model: "", modelHash: "", data: data, library: multiplier, validationSamples: 0, seed: 0,
                                    calibrationBatches: calibrationBatches, quant: try quant.apply(to: ApproxNetwork.QuantOptions()), testLimit: limit)
        context.kind = "sweep"
        let hashes = try Dictionary(models.map { ($0, try SearchSession.modelHash($0)) }, uniquingKeysWith: { a, _ in a })
        (context.models, context.modelHashes) = (models, models.map { hashes[$0] ?? "" })
        let items = models.flatMap { m in multiplier.flatMap { d in method.map { [m, d, $0] } } }
        let sweepCells = try DesignArgument.reporting { try SweepCells(context) }
        context = sweepCells.context
        // Each design keyed by its table's content too, so a design file changed under the same name is measured again.
        (context.designs, context.designHashes) = (multiplier, try multiplier.map { SearchSession.tableHash(try ApproxCLI.multiplier($0).plan.table) })
        let executor: any ShardExecutor = slurm
            ? SlurmExecutor(scripts: SlurmScripts(binary: SearchCommand.binaryPath, options: sbatchOptions))
            : LocalExecutor(accuracy: sweepCells.accuracyFunction())
        let ctx = context
        var batches = BatchEvaluator(context: context, cache: try EvaluationCache(file: folder.appendingPathComponent("cache.jsonl")),
                                     executor: executor, root: folder.appendingPathComponent("sets"), shards: shards) { _, cell in
            EvaluationCache.Key(model: hashes[cell[0]] ?? cell[0], subset: "sweep \(cell[2]) " + ctx.subsetKey("test"), assignment: ctx.keyed([cell[1]]))
        }
        let accuracy = try DesignArgument.reporting { try batches.accuracies("grid", split: "test", items) }
        let cells = zip(items, accuracy).map { Cell(model: $0[0], design: $0[1], method: $0[2], accuracy: $1) }
        try OutputFile.write(try RecordJSON.encode(cells), to: folder.appendingPathComponent("sweep.json"))
        let csv = (["model,design,method,accuracy"] + cells.map { "\($0.model),\($0.design),\($0.method),\(String(format: "%.6f", $0.accuracy))" })
        try OutputFile.write(Data((csv.joined(separator: "\n") + "\n").utf8), to: folder.appendingPathComponent("sweep.csv"))
        for c in cells { print(String(format: "%-40@ %-24@ %-12@ %.4f", c.model as NSString, c.design as NSString, c.method as NSString, c.accuracy)) }
        print("wrote \(folder.path)/sweep.json and sweep.csv (\(batches.measured) cells measured, the rest from the cache)")
    }
}
