import Foundation
import Records

/// The `hammad` recipe: the exact baseline, then per Table II ID (Gaussian weight error) and per
/// real multiplier (behavioural simulation) one `HybridSweep.sweepOne` from the same initial
/// weights; each a resumable cell. JSONL logs of every run go to `logs/`.
public struct HammadRecipe {
    public var settings: HammadSettings
    public var multipliers: [MultiplierAssignment.Entry]

    public init(settings: HammadSettings, multipliers: [MultiplierAssignment.Entry]) {
        (self.settings, self.multipliers) = (settings, multipliers)
    }

    public func run(train: LabeledData, test: LabeledData, folder: URL, cells: ExperimentCells,
                    log: @escaping (String) -> Void = { _ in },
                    partial: (HammadResult) throws -> Void = { _ in }) throws -> HammadResult {
        let start = Date()
        let make = { try self.trainer(train) }
        let onRun = { (name: String, records: [EpochRecord]) throws in try self.writeLog(name, records, folder) }
        let baseline = try cells.cell("baseline") { () throws -> HammadRow in
            let t0 = Date()
            var t = try make()
            let run = try HybridTraining.run(&t, switchEpoch: 0, source: .gaussian(ErrorSpec(mre: 0, sd: 0)), train: train, test: test)
            try onRun("baseline", run.records)
            log(String(format: "exact baseline accuracy %.4f", run.finalAccuracy))
            let entry = HybridSweepEntry(label: "exact", requested: ErrorSpec(mre: 0, sd: 0), realised: ErrorSpec(mre: 0, sd: 0),
                                         approxAccuracy: run.finalAccuracy, switchEpoch: 0, exactEpochs: settings.epochs,
                                         accuracy: run.finalAccuracy, utilisation: 0, tried: [])
            return HammadRow(id: 0, searched: false, sweep: entry, seconds: Date().timeIntervalSince(t0))
        }
        var result = HammadResult(settings: settings, baselineAccuracy: baseline.sweep.accuracy, baselineSeconds: baseline.seconds,
                                  rows: [], paper: HammadPaper(), seconds: 0, trainSamples: train.count, testSamples: test.count)
        let target = baseline.sweep.accuracy - settings.tolerance
        var jobs: [(key: String, id: Int?, label: String, source: ApproxSource, sweep: Bool)] = []
        for id in settings.errorIDs { if let spec = ErrorSpec.testID(id) { jobs.append(("id.\(id)", id, "\(id)", .gaussian(spec), settings.hybridIDs.contains(id))) } }
        for m in multipliers {   // quantised as when the run was committed (before fold + percentile became the default)
            jobs.append(("multiplier.\(m.name)", nil, m.name, .multiplier(MultiplierAssignment(default: m), quant: .maxAbsUnfolded), true))
        }
        for job in jobs {
            let row = try cells.cell(job.key) { () throws -> HammadRow in
                let t0 = Date()
                let sweep = try HybridSweep.sweepOne(make: make, label: job.label, source: job.source, target: target, total: settings.epochs,
                                                     step: settings.step, sweep: job.sweep, train: train, test: test, progress: nil,
                                                     log: log, onRun: onRun)
                return HammadRow(id: job.id, searched: job.sweep, sweep: sweep, seconds: Date().timeIntervalSince(t0))
            }
            result.rows.append(row)
            result.seconds = Date().timeIntervalSince(start)
            try partial(result)
        }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }

    /// A fresh trainer from the same initial weights (SGD with momentum, constant rate).
    func trainer(_ train: LabeledData) throws -> Trainer {
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.momentum, cfg.seed) =
            (settings.epochs, settings.batchSize, settings.learningRate, settings.momentum, settings.seed)
        let net = try ModelZoo.build(settings.model, inputShape: train.sampleShape, classCount: train.classCount, seed: settings.seed)
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
    public static let table2Header = "label,requested_mre,requested_sd,realised_mre,realised_sd,accuracy,diff_from_exact,paper_accuracy"
    public static let table3Header = "label,approx_epochs,exact_epochs,utilisation,accuracy,paper_approx_epochs_of_200,paper_utilisation"

    @discardableResult
    public static func write(_ r: HammadResult, to folder: URL) throws -> [String] {
        try ExperimentOutput.write([("experiment.json", try ExperimentOutput.json(r)), ("table2.csv", Data(table2(r).utf8)),
                                    ("table3.csv", Data(table3(r).utf8))], to: folder)
    }

    public static func table2(_ r: HammadResult) -> String {
        Table1CSV.lines(table2Header, r.rows.map { row in
            let s = row.sweep
            return [s.label, "\(s.requested.mre)", "\(s.requested.sd)", "\(s.realised.mre)", "\(s.realised.sd)", "\(s.approxAccuracy)",
                    "\(s.approxAccuracy - r.baselineAccuracy)", row.id.flatMap { r.paper.tableII[$0] }.map { "\($0 / 100)" } ?? ""]
        })
    }

    public static func table3(_ r: HammadResult) -> String {
        Table1CSV.lines(table3Header, r.rows.filter(\.searched).map { row in
            let s = row.sweep, paper = row.id.flatMap { r.paper.tableIIIApproxEpochs[$0] }
            return [s.label, "\(s.switchEpoch)", "\(s.exactEpochs)", "\(s.utilisation)", "\(s.accuracy)", paper.map { "\($0)" } ?? "",
                    paper.map { "\(Double($0) / Double(r.paper.totalEpochs))" } ?? ""]
        })
    }
}
