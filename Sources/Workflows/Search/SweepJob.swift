import Foundation
import Multipliers
import NetSim
import Records
import Search
import TableFormat

/// `axmul sweep` as a value: a grid of model × design × method cells (test accuracy, as `axmul evaluate`
/// measures it) through the same shards, cache and Slurm arrays as the search; resumable from its
/// folder. Writes sweep.json and sweep.csv.
public struct SweepJob {
    /// One measured cell (a sweep.json element).
    public struct Cell: Codable, Equatable {
        public var model: String
        public var design: String
        public var method: String
        public var accuracy: Double
    }

    public var models: [String]
    public var data: String
    public var designs: [String]
    public var methods: [String]
    /// The quantisation, its calibration batches included.
    public var quant: QuantSpec
    public var testLimit: Int?
    public var shards: Int
    public var slurm: SlurmScripts?
    public var folder: URL

    public init(models: [String], data: String, designs: [String], methods: [String], quant: QuantSpec, testLimit: Int?, shards: Int, slurm: SlurmScripts?, folder: URL) {
        (self.models, self.data, self.designs, self.methods) = (models, data, designs, methods)
        (self.quant, self.testLimit) = (quant, testLimit)
        (self.shards, self.slurm, self.folder) = (shards, slurm, folder)
    }

    /// Measures the cells not in the cache and writes the grid; returns the cells and how many were measured.
    public func run() throws -> (cells: [Cell], measured: Int) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        OutputFile.removeStaleTemporaries(inFolder: folder, depth: 2)   // a resume: temporaries of a killed run (folder, sets/*/)
        let models = self.models.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var context = SearchContext(model: "", modelHash: "", data: data, library: designs, validationSamples: 0, seed: 0,
                                    quant: quant, testLimit: testLimit)
        context.kind = "sweep"
        let hashes = try Dictionary(models.map { ($0, try SearchSession.modelHash($0)) }, uniquingKeysWith: { a, _ in a })
        (context.models, context.modelHashes) = (models, models.map { hashes[$0] ?? "" })
        let items = models.flatMap { m in designs.flatMap { d in methods.map { [m, d, $0] } } }
        let sweepCells = try SweepCells(context)
        context = sweepCells.context
        // Each design keyed by its table's content too, so a design file changed under the same name is measured again.
        context.designHashes = try designs.map { SearchSession.tableHash(try MultiplierLoader.load($0, costModel: nil).entry.plan.table) }
        context.designs = designs
        let executor: any ShardExecutor = slurm.map { SlurmExecutor(scripts: $0) } ?? LocalExecutor(accuracy: sweepCells.accuracyFunction())
        let ctx = context
        var batches = BatchEvaluator(context: context, cache: try EvaluationCache(file: folder.appendingPathComponent("cache.jsonl")),
                                     executor: executor, root: folder.appendingPathComponent("sets"), shards: shards) { _, cell in
            EvaluationCache.Key(model: hashes[cell[0]] ?? cell[0], subset: "sweep \(cell[2]) " + ctx.subsetKey("test"), assignment: ctx.keyed([cell[1]]))
        }
        let accuracy = try batches.accuracies("grid", split: "test", items)
        let cells = zip(items, accuracy).map { Cell(model: $0[0], design: $0[1], method: $0[2], accuracy: $1) }
        try OutputFile.write(try RecordJSON.encode(cells), to: folder.appendingPathComponent("sweep.json"))
        let csv = (["model,design,method,accuracy"] + cells.map { "\($0.model),\($0.design),\($0.method),\(String(format: "%.6f", $0.accuracy))" })
        try OutputFile.write(Data((csv.joined(separator: "\n") + "\n").utf8), to: folder.appendingPathComponent("sweep.csv"))
        return (cells, batches.measured)
    }
}
