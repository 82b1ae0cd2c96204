import Foundation
import Records

/// Finds, per error setting, the smallest exact tail whose accuracy is within `tolerance` of the
/// exact baseline. The approximate prefix is trained once per setting and snapshotted (a `Trainer`
/// is a value) at every candidate switch epoch N = total, total − step, …; each snapshot is then
/// finished exactly, largest N first, stopping at the first within tolerance (N = 0 is the baseline).
public enum HybridSweep {
    /// `make` returns a fresh trainer (same seed each call); `onRun` receives each written run's log.
    public static func run(make: () throws -> Trainer, specs: [(label: String, spec: ErrorSpec)], tolerance: Double,
                           step: Int, train: LabeledData, test: LabeledData,
                           progress: ((BatchProgress) -> Void)? = nil, log: (String) -> Void = { _ in },
                           onRun: (String, [EpochRecord]) throws -> Void = { _, _ in }) throws -> HybridSweepResult {
        var base = try make()
        let total = base.config.epochs
        guard step > 0 else { throw HybridError.invalidSchedule("--step must be positive, got \(step)") }
        let baseline = try HybridTraining.run(&base, switchEpoch: 0, source: .gaussian(ErrorSpec(mre: 0, sd: 0)),
                                              train: train, test: test, progress: progress)
        try onRun("baseline", baseline.records)
        log(String(format: "baseline (exact) accuracy %.4f", baseline.finalAccuracy))
        var entries: [HybridSweepEntry] = []
        for (label, spec) in specs {
            entries.append(try sweepOne(make: make, label: label, source: .gaussian(spec), target: baseline.finalAccuracy - tolerance,
                                        total: total, step: step, train: train, test: test, progress: progress,
                                        log: log, onRun: onRun))
        }
        return HybridSweepResult(epochs: total, tolerance: tolerance, baselineAccuracy: baseline.finalAccuracy, entries: entries)
    }

    /// The sweep of one error setting: the approximate prefix once (snapshots at every candidate
    /// N), then exact tails, largest N first, until one reaches `target`. `sweep: false` tries only
    /// N = total (Table II: every epoch approximate). A multiplier source runs its prefix through
    /// the behavioural simulation; its `realised` figures are the multiplier's MRE and SD.
    public static func sweepOne(make: () throws -> Trainer, label: String, source: ApproxSource, target: Double, total: Int,
                                step: Int, sweep: Bool = true, train: LabeledData, test: LabeledData,
                                progress: ((BatchProgress) -> Void)?, log: (String) -> Void,
                                onRun: (String, [EpochRecord]) throws -> Void) throws -> HybridSweepEntry {
        var t = try make()
        var sim: WeightErrorSimulator?
        let requested: ErrorSpec, realisedFixed: ErrorSpec?
        switch source {
        case .gaussian(let spec):
            sim = WeightErrorSimulator(network: t.network, spec: spec, seed: t.config.seed)
            (requested, realisedFixed) = (spec, nil)
        case .multiplier(let a, _):
            let p = a.defaultEntry.map { MultiplierProfile($0.table) }
            requested = ErrorSpec(mre: p?.mreNonzero ?? 0, sd: p?.relativeErrorSD ?? 0)
            realisedFixed = requested
        }
        let candidates = sweep ? Array(Set(stride(from: total, to: 0, by: -step)).union([0])).sorted(by: >) : [total]
        var snapshots: [Int: (Trainer, [EpochRecord])] = [:]
        var prefix: [EpochRecord] = []
        var running = sim
        for n in candidates.reversed() {   // ascending N: train the approximate prefix once
            switch source {
            case .gaussian:
                while t.epoch < n, var r = running {
                    prefix.append(try HybridTraining.simulatedEpoch(&t, &r, train: train, test: test, progress: progress))
                    running = r
                }
            case .multiplier(let a, let quant):
                while t.epoch < n {
                    prefix.append(try HybridTraining.behaviouralEpoch(&t, assignment: a, quant: quant, train: train, test: test, progress: progress))
                }
            }
            snapshots[n] = (t, prefix)
        }
        try onRun("\(label).approx", prefix)
        var tried: [HybridTrial] = []
        var chosen = (n: 0, acc: 0.0, records: [EpochRecord]())
        for n in candidates {
            guard var (trainer, records) = snapshots[n] else { continue }
            try TrainingPhase.run([.plain("exact", until: total, train: train, test: test, progress: progress)], &trainer) { _, r, _ in
                records.append(r)
            }
            let acc = records.last?.testAccuracy ?? 0
            tried.append(HybridTrial(switchEpoch: n, accuracy: acc))
            log(String(format: "%@: switch at %d/%d -> accuracy %.4f", label, n, total, acc))
            chosen = (n, acc, records)
            if acc >= target { break }
        }
        try onRun("\(label).hybrid", chosen.records)
        let realised = realisedFixed ?? sim.map { s in ErrorSpec(mre: mean(s.entries.map(\.realised.mre)), sd: mean(s.entries.map(\.realised.sd))) }
            ?? requested
        return HybridSweepEntry(label: label, requested: requested, realised: realised, approxAccuracy: prefix.last?.testAccuracy ?? 0,
                                switchEpoch: chosen.n, exactEpochs: total - chosen.n, accuracy: chosen.acc,
                                utilisation: total > 0 ? Double(chosen.n) / Double(total) : 0, tried: tried)
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
}
