import Circuits
import Foundation
import Multipliers
import NetSim
import Records
import Search
import TableFormat

/// `axmul search` as a value: NSGA-II over per-layer multiplier assignments of a trained model, its
/// candidate sets measured in shards (locally or as Slurm job arrays), resumable from its folder
/// (cache.jsonl and finished shards are reused). Writes front.json/csv, sensitivity.json/csv and report.html.
public struct SearchJob {
    public var model: String
    public var data: String
    /// Library members (names, files, folders, `builtin`) and the filter that keeps some of them (its text).
    public var library: [String]
    public var filter: String?
    public var validationSamples: Int
    /// The quantisation, its calibration batches included.
    public var quant: QuantSpec
    public var testLimit: Int?
    public var constraints: SearchConstraints
    public var maxDistinct: Int?
    public var nsga: NSGA2.Config
    /// none, tune or retrain, with the retraining epochs per front point.
    public var refine: String
    public var retrainEpochs: Int
    public var shards: Int
    /// Where each design's energy comes from: the cost model (`TableCost.model`) or the published measurements
    /// (`PublishedCost.relativePower`, for the designs that have them).
    public var publishedCost = false
    /// Seed of the validation split when it differs from NSGA-II's (`--validation-seed`), so that searches with
    /// several NSGA-II seeds share one split (the one a model was trained without).
    public var validationSeed: UInt64?
    /// The Slurm scripts' settings; nil measures on this machine.
    public var slurm: SlurmScripts?
    public var folder: URL

    public init(model: String, data: String, library: [String], filter: String?, validationSamples: Int,
                quant: QuantSpec, testLimit: Int?, constraints: SearchConstraints, maxDistinct: Int?, nsga: NSGA2.Config,
                refine: String, retrainEpochs: Int, shards: Int, slurm: SlurmScripts?, folder: URL) {
        (self.model, self.data, self.library, self.filter, self.validationSamples) = (model, data, library, filter, validationSamples)
        (self.quant, self.testLimit, self.constraints) = (quant, testLimit, constraints)
        (self.maxDistinct, self.nsga, self.refine, self.retrainEpochs) = (maxDistinct, nsga, refine, retrainEpochs)
        (self.shards, self.slurm, self.folder) = (shards, slurm, folder)
    }

    /// Searches (or resumes) and writes the folder; `line` receives the run's progress lines.
    public func run(line: @escaping (String) -> Void) throws -> SearchResult {
        // A resume: temporaries of a killed run (folder, sets/*/) go first, even if this run then stops; a new
        // folder is made only once the library and the session are known to be usable.
        if FileManager.default.fileExists(atPath: folder.path) { OutputFile.removeStaleTemporaries(inFolder: folder, depth: 2) }
        let lib = try loadLibrary(line: line)
        var session = try SearchSession.open(SearchContext(
            model: URL(fileURLWithPath: model).standardizedFileURL.path, modelHash: "", data: data, library: lib.specs,
            validationSamples: validationSamples, seed: validationSeed ?? nsga.seed, quant: quant,
            testLimit: testLimit), withCost: false)
        try session.setDesigns(lib.multipliers)
        let evaluator = session.evaluator("validation")
        let space = SearchSpace(layers: evaluator.layers, designs: try lib.multipliers.map { .init(name: $0.name, powerRel: try energy($0)) },
                                maxDistinct: maxDistinct)
        line(session.validationHeldOut
             ? "validation: \(validationSamples) training images the model was trained without (\(session.context.validationDescription))"
             : "validation: \(validationSamples) images of the model's own training data, so validation accuracies are optimistic; "
               + "train the model with --hold-out-validation \(validationSamples) --hold-out-seed \(session.context.seed) --hold-out-calibration-batches \(quant.calibrationBatches) to hold them out")
        line("search: \(space.layers.count) layers × \(space.designs.count) designs, population \(nsga.population), \(nsga.generations) generations, \(shards) shard(s)" + (slurm != nil ? " on Slurm" : " locally"))
        let executor: any ShardExecutor = slurm.map { SlurmExecutor(scripts: $0) } ?? LocalExecutor(accuracy: session.accuracyFunction())
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let batches = BatchEvaluator(context: session.context, cache: try EvaluationCache(file: folder.appendingPathComponent("cache.jsonl")),
                                     executor: executor, root: folder.appendingPathComponent("sets"), shards: shards,
                                     key: BatchEvaluator.searchKey(session.context))
        var search = SearchRun(space: space, exact: 0, constraints: constraints, config: nsga, batches: batches)
        let start = Date()
        search.progress = { g, n in line("generation \(g): \(n) candidates measured, \(String(format: "%.1f", Date().timeIntervalSince(start))) s") }
        var (result, table) = try search.run()
        if refine != "none" {
            line("refining the front (\(refine)) …")
            result = try FrontRefinement(float: session.network, space: space, train: session.context.validationSplit(session.train).rest,
                                         validation: evaluator, test: session.evaluator("test"), epochs: retrainEpochs).refine(result, method: refine)
        }
        result.validationHeldOut = session.validationHeldOut
        if publishedCost { result.energyModel = PublishedCost.sourceName }
        try SearchOutputs.write(result, table, to: folder)
        return result
    }

    /// A design's energy relative to exact: its cost model's `power_rel` (1 when unknown), or with `publishedCost`
    /// the published measurement, which every design of the library must have.
    private func energy(_ m: LoadedMultiplier) throws -> Double {
        guard publishedCost else { return m.cost.powerRel ?? 1 }
        guard let p = PublishedCost.relativePower(of: m.name) else {
            throw SearchError(.invalidArgument, "--cost published: no published power for '\(m.name)'",
                              hint: "published figures exist for exact8 and the SMApprox designs of De la Parra et al. 2021, Tables 1-2 (smapprox4x4-0…3 and \(PublishedCost.smapprox8x8.rows.map(\.design).joined(separator: ", "))); narrow --library to them")
        }
        return p
    }

    /// The library, with a line per skipped member; refused when only the exact design is left.
    private func loadLibrary(line: (String) -> Void) throws -> (specs: [String], multipliers: [LoadedMultiplier], skipped: [(String, String)]) {
        let lib = try MultiplierLibrary.load(try MultiplierLibrary.expand(library), filter: try filter.map { try LibraryFilter($0) })
        for (spec, why) in lib.skipped { line("library: skipped \(spec): \(why)") }
        guard lib.multipliers.contains(where: { $0.name != MultiplierLibrary.exact }) else {
            throw SearchError(.invalidArgument, filter.map { "--library-filter '\($0)' keeps no design of the library (\(lib.skipped.count) skipped): only \(MultiplierLibrary.exact) is left" }
                                  ?? "--library names no design besides \(MultiplierLibrary.exact): there is nothing to search",
                              hint: filter == nil ? "add designs, e.g. --library builtin" : "loosen the filter (docs/search.md lists its metrics)")
        }
        return lib
    }
}
