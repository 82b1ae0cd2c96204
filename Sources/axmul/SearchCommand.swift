import ArgumentParser
import Circuits
import Foundation
import Multipliers
import NetSim
import Records
import Search
import TableFormat
import Workflows

/// `axmul search`: NSGA-II over per-layer multiplier assignments; writes the Pareto front of
/// (energy relative to exact, validation accuracy), the sensitivity table and the test accuracies.
struct SearchCommand: ParsableCommand, UsesThreads, WritesFiles {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search per-layer multiplier assignments (NSGA-II): Pareto front of energy against accuracy.",
        discussion: """
        Accuracy is behavioural, on a validation split drawn from the training data (--validation-samples, seeded);
        the test accuracy of the front is reported separately. Candidates are evaluated in shards: on the local
        cores, or with --slurm as one Slurm job array per candidate set plus a dependent merge job (docs/search.md).
        A killed run resumes from DIR (cache.jsonl and finished shards are reused).
        Example: axmul search --model mlp.safetensors --data digits --library builtin --library-filter 'mre<=10' -o out/search
        """)

    @OptionGroup var threading: ThreadOptions

    @Option(help: "Trained model checkpoint or .onnx file.") var model: String
    @Option(help: "Dataset name or path (its training part gives the validation split).") var data: String
    @Option(help: "Library member(s): built-in names, design files, tables, folders of them, or 'builtin' (all 8x8 built-ins); repeatable, comma-separated.")
    var library: [String]
    @Option(name: .customLong("library-filter"), help: "Keep designs with METRIC OP NUMBER[,…], e.g. 'mre<=10,power<0.9' (docs/search.md).")
    var libraryFilter: String?
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output folder (front.json, front.csv, sensitivity.json/csv, cache).")
    var output: String
    @Option(help: "NSGA-II population size.") var population = 24
    @Option(help: "NSGA-II generations.") var generations = 10
    @Option(help: "Seed of NSGA-II and of the validation split.") var seed: UInt64 = 1
    @Option(name: .customLong("validation-seed"), help: "Seed of the validation split when it differs from --seed (several NSGA-II seeds, one split).")
    var validationSeed: UInt64?
    @Option(name: .customLong("validation-samples"), help: "Training samples held out for validation.") var validationSamples = 2000
    @Option(name: .customLong("max-accuracy-loss"), help: "Largest validation accuracy loss against exact 8-bit, in percentage points.")
    var maxAccuracyLoss: Double?
    @Option(name: .customLong("max-energy"), help: "Largest multiplier energy relative to exact.") var maxEnergy: Double?
    @Option(name: .customLong("max-distinct"), help: "At most K distinct multipliers per assignment.") var maxDistinct: Int?
    @Option(help: "Refine the final front: none, tune (weight tuning, no gradients) or retrain.") var refine = "none"
    @Option(name: .customLong("retrain-epochs"), help: "Epochs of behavioural retraining per front point (--refine retrain).") var retrainEpochs = 1
    @Option(help: "Shards per candidate set (array tasks with --slurm).") var shards = 1
    @Flag(help: "Run each candidate set as a Slurm job array plus a dependent merge job (this process is the driver).") var slurm = false
    @Option(name: .customLong("sbatch-option"), help: "Extra #SBATCH option for every job, e.g. --partition=cpu (repeatable).")
    var sbatchOptions: [String] = []
    @Option(name: .customLong("calibration-batches"), help: "Batches of 64 training samples used for calibration.") var calibrationBatches = 4
    @OptionGroup var quant: QuantFlags
    @Option(help: "Test on the first N test samples only (default: all).") var limit: Int?
    @Option(help: "Energy of each design: fpga-toggle (the cost model, default) or published (measured power of the SMApprox designs, De la Parra et al. 2021 Tables 1-2).")
    var cost = TableCost.model

    @OptionGroup var writing: OutputOptions

    func validate() throws {
        try FlagRules.int("--population", population, 2...100_000)
        try FlagRules.int("--generations", generations, 0...100_000)
        try FlagRules.int("--validation-samples", validationSamples, 1...Int.max)
        guard [TableCost.model, "published"].contains(cost) else { throw ValidationError("--cost is \(TableCost.model) or published, got '\(cost)'") }
        try FlagRules.int("--max-distinct", maxDistinct, 1...Int.max)
        try FlagRules.int("--shards", shards, 1...100_000)
        try FlagRules.int("--retrain-epochs", retrainEpochs, 1...FlagRules.maxEpochs)
        try FlagRules.int("--calibration-batches", calibrationBatches, 1...Int.max)
        try FlagRules.int("--limit", limit, 1...Int.max)
        if let m = maxAccuracyLoss { try FlagRules.nonNegative("--max-accuracy-loss", m) }
        if let m = maxEnergy { try FlagRules.positive("--max-energy", m) }
        guard ["none", "tune", "retrain"].contains(refine) else { throw ValidationError("--refine '\(refine)' must be none, tune or retrain") }
        guard !library.isEmpty else { throw ValidationError("give at least one --library member") }
        if let f = libraryFilter { do { _ = try LibraryFilter(f) } catch { throw ValidationError(error.description) } }
        try FlagRules.paths(["-o/--output": [output], "--model": [model], "--data": [data], "--library": library])
        try FlagRules.slurm(output: output, options: sbatchOptions, slurm: slurm)
    }

    func run() throws {
        let result = try job().run(line: { print($0) })
        print(SearchOutputs.summary(result))
        print("wrote \(URL(fileURLWithPath: output).path)/front.json, front.csv, sensitivity.json, sensitivity.csv, report.html")
    }

    /// The flags as a `SearchJob`.
    func job() throws -> SearchJob {
        var nsga = NSGA2.Config(population: population, generations: generations, seed: seed)
        nsga.mutationRate = nil
        var job = SearchJob(model: model, data: data, library: library, filter: libraryFilter, validationSamples: validationSamples,
                         quant: try quant.spec(calibrationBatches: calibrationBatches), testLimit: limit,
                         constraints: .init(maxAccuracyLoss: maxAccuracyLoss, maxEnergy: maxEnergy), maxDistinct: maxDistinct, nsga: nsga,
                         refine: refine, retrainEpochs: retrainEpochs, shards: shards,
                         slurm: slurm ? SlurmScripts(binary: Self.binaryPath, options: sbatchOptions) : nil, folder: URL(fileURLWithPath: output))
        job.publishedCost = cost == "published"
        job.validationSeed = validationSeed
        return job
    }

    /// This binary's absolute path (what every Slurm task runs; it must be on the shared file system).
    static var binaryPath: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}

extension SearchError: UserFacingError {
    public var location: SourceLocation? { file.map { SourceLocation(file: $0, line: line ?? 0, column: 0) } }
}
