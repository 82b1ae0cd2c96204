import Foundation
import Records

/// The `delaparra` recipe (De la Parra et al., ASP-DAC 2021, section 5) on a CPU proxy: trains
/// the base model, measures the ablation of how it is quantised, then retrains it with every
/// method for every multiplier (Figs. 6–7, Tables 5–6) and cross-evaluates the retrained networks
/// (Table 7). Every cell is resumable (`ExperimentCells`); `partial` receives the result so far
/// after each cell, so a stopped run still leaves consistent tables.
public struct DelaParraRecipe {
    public var settings: DelaParraSettings
    public var methods: [DelaParraMethod]
    /// The approximate multipliers (Table 2 order).
    public var multipliers: [MultiplierAssignment.Entry]
    /// The exact 8-bit multiplier (quantised reference and the control's).
    public var exact: MultiplierAssignment.Entry
    /// Table 7's approximate columns (those of `multipliers` that are named here are used).
    public var crossNames = ["smapprox8x8-1110", "smapprox8x8-3330", "smapprox8x8-2222"]
    /// The ablation's settings and multipliers (exact8 is always added).
    public var ablationSettings = DelaParraQuantSetting.all
    public var ablationNames = ["smapprox8x8-3330", "smapprox8x8-2222"]
    /// Retraining seeds per (method, multiplier): numbers 1…seeds; seed 1's cells keep the keys of
    /// single-seed runs, so adding seeds only adds cells. The base model and the ablation are seed 1's.
    public var seeds = 1
    /// Resolves the multiplier of a finished cell outside this run's grid (an earlier phase run with
    /// other `--multipliers`), so the result keeps every finished cell of the folder.
    public var resolve: (String) -> MultiplierAssignment.Entry? = { _ in nil }

    public init(settings: DelaParraSettings, methods: [DelaParraMethod], multipliers: [MultiplierAssignment.Entry],
                exact: MultiplierAssignment.Entry) {
        (self.settings, self.methods, self.multipliers, self.exact) = (settings, methods, multipliers, exact)
    }

    /// Runs (or resumes) the recipe into `folder` on `train`/`test` (already capped).
    public func run(train: LabeledData, test: LabeledData, folder: URL, cells: ExperimentCells,
                    log: @escaping (String) -> Void = { _ in },
                    partial: (DelaParraResult) throws -> Void = { _ in }) throws -> DelaParraResult {
        let start = Date()
        let baseTraining = DelaParraBaseTraining(settings: settings, folder: folder, cells: cells, log: log)
        try baseTraining.preflight(train: train)
        let bases = try baseTraining.run(train: train, test: test)
        let base = bases.wellTrained
        var result = DelaParraResult(settings: settings, methods: methods, multipliers: multipliers.map(Self.describe),
                                     crossMultipliers: [exact.name] + crossEntries.map(\.name),
                                     ablationSettings: ablationSettings.filter { $0.base != "under-trained" || bases.underTrained != nil },
                                     bases: [bases.wellRecord] + (bases.underRecord.map { [$0] } ?? []), quantisedAccuracy: 0, retrains: [], ablation: [],
                                     paper: DelaParraPaper(), seconds: 0, trainSamples: train.count, testSamples: test.count)
        let calibration = train
        for setting in ablationSettings {
            let pair = setting.base == "under-trained" ? bases.underTrained.flatMap { n in bases.underRecord.map { (n, $0) } }
                : (base, bases.wellRecord)
            guard let (net, record) = pair else { continue }   // a given base has no under-trained snapshot
            for entry in [exact] + ablationEntries {
                let acc = try cells.cell("ablation.\(setting.name).\(entry.name)") {
                    Self.accuracy(net, entry, calibration: calibration, test: test, quant: setting.options(settings))
                }
                result.ablation.append(.init(setting: setting.name, multiplier: entry.name, accuracy: acc, floatAccuracy: record.floatAccuracy))
            }
        }
        result.quantisedAccuracy = result.ablation.first { $0.setting == ablationSettings.first?.name && $0.multiplier == exact.name }?.accuracy ?? 0
        // Finished cells first, so every partial result (and a run stopped at any point) holds all of
        // them; seed 1 of every cell before the further seeds.
        let keyed = (1...max(1, seeds)).flatMap { k in
            retrainCells.map { (key: Self.retrainKey($0.0.name, $0.1.name, seed: k), method: $0.0, entry: $0.1, seed: k) }
        }
        mergeFinished(into: &result, cells: cells, running: Set(keyed.map(\.key)), bases: bases)
        try partial(result)
        for job in keyed.filter({ cells.isDone($0.key) }) + keyed.filter({ !cells.isDone($0.key) }) {
            result.retrains.append(try cells.cell(job.key) {
                try retrainCell(base, method: job.method, entry: job.entry, seed: job.seed, train: train, test: test, log: log)
            })
            result.seconds = Date().timeIntervalSince(start)
            try partial(result)
        }
        let mults = [exact.name] + result.multipliers.map(\.name), methodOrder = DelaParraMethod.names
        func rank(_ c: DelaParraRetrain) -> (Int, Int, Int) {
            (mults.firstIndex(of: c.multiplier) ?? mults.count, methodOrder.firstIndex(of: c.method) ?? methodOrder.count, c.seed)
        }
        result.retrains.sort { rank($0) < rank($1) }
        return result
    }

    /// The cell key of one retraining: seed 1 has the key of single-seed runs.
    static func retrainKey(_ method: String, _ multiplier: String, seed: Int) -> String {
        "retrain.\(method).\(multiplier)" + (seed == 1 ? "" : ".seed\(seed)")
    }

    /// Adds the folder's finished cells that this run's grid does not hold (earlier phases run with
    /// other `--multipliers`, `--methods` or `--seeds`), so `experiment.json` and the CSVs keep every
    /// finished cell: retraining cells (their multipliers through `resolve`) and ablation cells.
    func mergeFinished(into r: inout DelaParraResult, cells: ExperimentCells, running: Set<String>, bases: DelaParraBaseTraining.Bases) {
        for key in cells.finishedKeys(prefix: "retrain.") where !running.contains(key) {
            guard let c = cells.finished(key, as: DelaParraRetrain.self),
                  let method = DelaParraMethod.all.first(where: { $0.name == c.method }) else { continue }
            if c.multiplier != exact.name, !r.multipliers.contains(where: { $0.name == c.multiplier }) {
                guard let e = resolve(c.multiplier) else { continue }
                r.multipliers.append(Self.describe(e))
            }
            if !r.methods.contains(method) { r.methods.append(method) }
            r.retrains.append(c)
        }
        r.methods.sort { (DelaParraMethod.names.firstIndex(of: $0.name) ?? 0) < (DelaParraMethod.names.firstIndex(of: $1.name) ?? 0) }
        r.crossMultipliers = [exact.name] + crossNames.filter { n in r.multipliers.contains { $0.name == n } }
        mergeFinishedAblation(into: &r, cells: cells, bases: bases)
    }

    /// The ablation cells of the folder for multipliers outside this run's `--multipliers`.
    func mergeFinishedAblation(into r: inout DelaParraResult, cells: ExperimentCells, bases: DelaParraBaseTraining.Bases) {
        let names = [exact.name] + ablationNames
        for setting in DelaParraQuantSetting.all {
            guard let record = setting.base == "under-trained" ? bases.underRecord : bases.wellRecord else { continue }
            for n in names where !r.ablation.contains(where: { $0.setting == setting.name && $0.multiplier == n }) {
                guard let acc = cells.finished("ablation.\(setting.name).\(n)", as: Double.self) else { continue }
                r.ablation.append(.init(setting: setting.name, multiplier: n, accuracy: acc, floatAccuracy: record.floatAccuracy))
                if !r.ablationSettings.contains(setting) { r.ablationSettings.append(setting) }
            }
        }
        let settingNames = DelaParraQuantSetting.all.map(\.name)
        func rank(_ a: DelaParraAblationRow) -> (Int, Int) {
            (settingNames.firstIndex(of: a.setting) ?? settingNames.count, names.firstIndex(of: a.multiplier) ?? names.count)
        }
        r.ablation.sort { rank($0) < rank($1) }
        r.ablationSettings.sort { (settingNames.firstIndex(of: $0.name) ?? 0) < (settingNames.firstIndex(of: $1.name) ?? 0) }
    }

    /// (method, multiplier) of every retraining cell: the control once (with exact8), then per
    /// multiplier every other method.
    var retrainCells: [(DelaParraMethod, MultiplierAssignment.Entry)] {
        methods.filter(\.exactMultiplier).map { ($0, exact) }
            + multipliers.flatMap { m in methods.filter { !$0.exactMultiplier }.map { ($0, m) } }
    }

    var crossEntries: [MultiplierAssignment.Entry] { crossNames.compactMap { n in multipliers.first { $0.name == n } } }
    var ablationEntries: [MultiplierAssignment.Entry] { ablationNames.compactMap { n in multipliers.first { $0.name == n } } }

    /// Retrains `base` with `method` for `entry` and evaluates the result crosswise; the control is
    /// evaluated on every multiplier.
    /// Seed numbers above 1 skip Table 7's cross-evaluation (Table 7 is seed 1's), except the control's,
    /// whose accuracies are its evaluations.
    func retrainCell(_ base: Network, method: DelaParraMethod, entry: MultiplierAssignment.Entry, seed: Int = 1,
                     train: LabeledData, test: LabeledData, log: @escaping (String) -> Void) throws -> DelaParraRetrain {
        let start = Date()
        let quant = DelaParraQuantSetting.all[0].options(settings)
        var config = method.config(settings, quant: quant)
        config.seed = settings.seed + UInt64(seed - 1)
        let assignment = MultiplierAssignment(default: entry)
        var statistics: ErrorModel?, statisticsSeconds: Double?
        if method.needsStatistics {
            let t0 = Date()
            var net = ApproxNetwork.wrap(base, assignment, options: quant)
            ApproxNetwork.calibrate(&net, on: train, options: quant)
            statistics = ErrorModelBuilder.build(net, on: train, samples: config.errorModelSamples, batchSize: config.batchSize,
                                                 multiplier: entry.name)
            statisticsSeconds = Date().timeIntervalSince(t0)
        }
        let tag = "\(method.name) \(entry.name)" + (seed == 1 ? "" : " seed \(seed)")
        let (net, report) = try Retrainer.retrain(base, train: train, test: test, assignment: assignment, config: config,
                                                  errorModel: statistics) { log("\(tag): \($0)") }
        let crossSet = method.exactMultiplier ? [exact] + multipliers
            : seed == 1 && (method.method == .errormodel || method.method == .behavioural) && crossEntries.contains { $0.name == entry.name }
                ? [exact] + crossEntries : []
        let cross = crossSet.map { DelaParraAccuracy(multiplier: $0.name, accuracy: Self.accuracy(net, $0, calibration: train, test: test, quant: quant)) }
        return DelaParraRetrain(method: method.name, multiplier: entry.name, before: report.approxAccuracyBefore,
                                after: report.approxAccuracyAfter, epochSeconds: report.epochSeconds,
                                statisticsSeconds: statisticsSeconds, floatAccuracy: Trainer.evaluate(net, on: test).accuracy,
                                cross: cross, seconds: Date().timeIntervalSince(start), seed: seed)
    }

    /// Behavioural accuracy of float network `net` quantised under `quant` with multiplier `entry`.
    public static func accuracy(_ net: Network, _ entry: MultiplierAssignment.Entry, calibration: LabeledData,
                                test: LabeledData, quant: ApproxNetwork.QuantOptions) -> Double {
        var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: entry), options: quant)
        ApproxNetwork.calibrate(&wrapped, on: calibration, options: quant)
        return ApproxEvaluation.accuracy(wrapped, on: test, compute: .approximate)
    }

    static func describe(_ e: MultiplierAssignment.Entry) -> DelaParraMultiplier {
        let p = MultiplierProfile(e.table)
        return DelaParraMultiplier(name: e.name, mre: p.mreNonzero, relativeErrorMean: p.relativeErrorMean,
                                   relativeErrorSD: p.relativeErrorSD)
    }
}
