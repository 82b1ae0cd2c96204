import Foundation
import Records

/// The `hammad` recipe: the exact baseline, then per Table II ID (Gaussian weight error) and per
/// real multiplier (behavioural simulation) one `HybridSweep.sweepOne` from the same initial
/// weights; each a resumable cell. JSONL logs of every run go to `logs/`.
public struct HammadRecipe {
    public var settings: HammadSettings
    public var multipliers: [MultiplierAssignment.Entry]
    /// Training seeds 1…seeds: seed k trains every cell from settings seed + k − 1 (initial weights,
    /// shuffling, error draws) against its own exact baseline. Seed 1's cells keep the keys of single-seed
    /// runs, so adding seeds only adds cells; every seed-1 cell runs before the further seeds.
    public var seeds = 1

    public init(settings: HammadSettings, multipliers: [MultiplierAssignment.Entry]) {
        (self.settings, self.multipliers) = (settings, multipliers)
    }

    public func run(train: LabeledData, test: LabeledData, folder: URL, cells: ExperimentCells,
                    log: @escaping (String) -> Void = { _ in },
                    partial: (HammadResult) throws -> Void = { _ in }) throws -> HammadResult {
        let start = Date()
        var result: HammadResult?
        for k in 1...max(1, seeds) {
            let suffix = k == 1 ? "" : ".seed\(k)", logSuffix = k == 1 ? "" : ".seed\(k)"
            let make = { try self.trainer(train, seed: k) }
            let onRun = { (name: String, records: [EpochRecord]) throws in try self.writeLog(name + logSuffix, records, folder) }
            let baseline = try cells.cell("baseline" + suffix) { try baselineRow(make: make, train: train, test: test, seed: k, log: log, onRun: onRun) }
            var r = result ?? HammadResult(settings: settings, baselineAccuracy: baseline.sweep.accuracy, baselineSeconds: baseline.seconds,
                                           rows: [], paper: HammadPaper(), seconds: 0, trainSamples: train.count, testSamples: test.count)
            r.baselines = (r.baselines ?? []) + [HammadBaseline(seed: k, accuracy: baseline.sweep.accuracy, seconds: baseline.seconds)]
            let target = baseline.sweep.accuracy - settings.tolerance
            for job in jobs {
                let row = try cells.cell(job.key + suffix) { () throws -> HammadRow in
                    let t0 = Date()
                    let sweep = try HybridSweep.sweepOne(make: make, label: job.label, source: job.source, target: target, total: settings.epochs,
                                                         step: settings.step, sweep: job.sweep, train: train, test: test, progress: nil,
                                                         log: { log((k == 1 ? "" : "seed \(k) ") + $0) }, onRun: onRun)
                    return HammadRow(id: job.id, searched: job.sweep, sweep: sweep, seconds: Date().timeIntervalSince(t0), seed: k)
                }
                r.rows.append(row)
                r.seconds = Date().timeIntervalSince(start)
                try partial(r)
            }
            result = r
        }
        guard var done = result else { throw ModelError.invalidArgument(what: "--seeds", value: "\(seeds)", rule: "at least 1") }
        done.seconds = Date().timeIntervalSince(start)
        return done
    }

    /// The Table II settings and real multipliers, each a cell (key, Table II ID, label, error source, whether swept).
    var jobs: [(key: String, id: Int?, label: String, source: ApproxSource, sweep: Bool)] {
        var jobs: [(key: String, id: Int?, label: String, source: ApproxSource, sweep: Bool)] = []
        for id in settings.errorIDs { if let spec = ErrorSpec.testID(id) { jobs.append(("id.\(id)", id, "\(id)", .gaussian(spec), settings.hybridIDs.contains(id))) } }
        for m in multipliers {   // quantised as when the run was committed (before fold + percentile became the default)
            jobs.append(("multiplier.\(m.name)", nil, m.name, .multiplier(MultiplierAssignment(default: m), quant: .maxAbsUnfolded), true))
        }
        return jobs
    }

    /// The exact baseline of seed number `seed`: every epoch exact.
    func baselineRow(make: () throws -> Trainer, train: LabeledData, test: LabeledData, seed: Int, log: (String) -> Void,
                     onRun: (String, [EpochRecord]) throws -> Void) throws -> HammadRow {
        let t0 = Date()
        var t = try make()
        let run = try HybridTraining.run(&t, switchEpoch: 0, source: .gaussian(ErrorSpec(mre: 0, sd: 0)), train: train, test: test)
        try onRun("baseline", run.records)
        log(String(format: "exact baseline accuracy %.4f", run.finalAccuracy) + (seed == 1 ? "" : " (seed \(seed))"))
        let entry = HybridSweepEntry(label: "exact", requested: ErrorSpec(mre: 0, sd: 0), realised: ErrorSpec(mre: 0, sd: 0),
                                     approxAccuracy: run.finalAccuracy, switchEpoch: 0, exactEpochs: settings.epochs,
                                     accuracy: run.finalAccuracy, utilisation: 0, tried: [])
        return HammadRow(id: 0, searched: false, sweep: entry, seconds: Date().timeIntervalSince(t0), seed: seed)
    }

    /// A fresh trainer from seed number `seed`'s initial weights (SGD with momentum, constant rate).
    func trainer(_ train: LabeledData, seed: Int = 1) throws -> Trainer {
        var cfg = TrainConfig()
        let s = settings.seed + UInt64(seed - 1)
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.momentum, cfg.seed) =
            (settings.epochs, settings.batchSize, settings.learningRate, settings.momentum, s)
        let net = try ModelZoo.build(settings.model, inputShape: train.sampleShape, classCount: train.classCount, seed: s)
        return Trainer(network: net, config: cfg)
    }

    private func writeLog(_ name: String, _ records: [EpochRecord], _ folder: URL) throws {
        let url = folder.appendingPathComponent("logs/\(name).log.jsonl")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: url)
        for r in records { try TrainingLog.append(r, to: url) }
    }
}

/// The `hammad` results folder: `experiment.json`, `table2.csv` and `table3.csv`.
public enum HammadOutput {
    /// Seed 1's columns first (the committed single-seed tables); then over every seed that ran: `seeds`, and the
    /// mean and SE of the difference from the exact baseline, each seed against its own baseline (paired).
    public static let table2Header = "label,requested_mre,requested_sd,realised_mre,realised_sd,accuracy,diff_from_exact,paper_accuracy,seeds,diff_mean,diff_se"
    /// Seed 1's columns first; then `seeds` and the mean and SD of the approximate epochs over every seed.
    public static let table3Header = "label,approx_epochs,exact_epochs,utilisation,accuracy,paper_approx_epochs_of_200,paper_utilisation,seeds,approx_epochs_mean,approx_epochs_sd"

    @discardableResult
    public static func write(_ r: HammadResult, to folder: URL) throws -> [String] {
        try ExperimentOutput.write([("experiment.json", try ExperimentOutput.json(r)), ("table2.csv", Data(table2(r).utf8)),
                                    ("table3.csv", Data(table3(r).utf8))], to: folder)
    }

    public static func table2(_ r: HammadResult) -> String {
        Table1CSV.lines(table2Header, r.rows(seed: 1).map { row in
            let s = row.sweep
            let diffs = same(row, in: r).compactMap { o in r.baseline(seed: o.seed).map { o.sweep.approxAccuracy - $0 } }
            let (mean, sd) = Table1Measurements.meanSD(diffs)
            return [s.label, "\(s.requested.mre)", "\(s.requested.sd)", "\(s.realised.mre)", "\(s.realised.sd)", "\(s.approxAccuracy)",
                    "\(s.approxAccuracy - r.baselineAccuracy)", row.id.flatMap { r.paper.tableII[$0] }.map { "\($0 / 100)" } ?? "",
                    "\(diffs.count)", "\(mean)", diffs.count > 1 ? "\(sd / Double(diffs.count).squareRoot())" : ""]
        })
    }

    public static func table3(_ r: HammadResult) -> String {
        Table1CSV.lines(table3Header, r.rows(seed: 1).filter(\.searched).map { row in
            let s = row.sweep, paper = row.id.flatMap { r.paper.tableIIIApproxEpochs[$0] }
            let epochs = same(row, in: r).map { Double($0.sweep.switchEpoch) }
            let (mean, sd) = Table1Measurements.meanSD(epochs)
            return [s.label, "\(s.switchEpoch)", "\(s.exactEpochs)", "\(s.utilisation)", "\(s.accuracy)", paper.map { "\($0)" } ?? "",
                    paper.map { "\(Double($0) / Double(r.paper.totalEpochs))" } ?? "", "\(epochs.count)", "\(mean)", epochs.count > 1 ? "\(sd)" : ""]
        })
    }

    /// The rows of every seed with `row`'s label, in seed order.
    static func same(_ row: HammadRow, in r: HammadResult) -> [HammadRow] {
        r.rows.filter { $0.sweep.label == row.sweep.label }.sorted { $0.seed < $1.seed }
    }
}
