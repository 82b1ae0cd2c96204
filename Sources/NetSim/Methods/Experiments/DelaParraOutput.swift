import Foundation
import Records

/// The `delaparra` results folder: `experiment.json` and the CSVs of Tables 5–7, Figs. 6–7
/// (`retrain.csv`, one row per method and multiplier) and the ablation.
public enum DelaParraOutput {
    @discardableResult
    public static func write(_ result: DelaParraResult, to folder: URL) throws -> [String] {
        let r = summarised(result)
        return try ExperimentOutput.write([("experiment.json", try ExperimentOutput.json(r)), ("table5.csv", Data(table5(r).utf8)),
                                    ("table6.csv", Data(table6(r).utf8)), ("table7.csv", Data(table7(r).utf8)),
                                    ("retrain.csv", Data(retrain(r).utf8)), ("ablation.csv", Data(ablation(r).utf8)),
                                    ("paired.csv", Data(paired(r).utf8))], to: folder)
    }

    public static let table5Header = "method,epoch_seconds_mean,ratio_to_float,cells"
    public static let table6Header = "multiplier,statistics_seconds,share_of_retraining"
    /// `before` … `after` are seed 1's (the committed single-seed columns); `seeds`, `after_mean`, `after_sd`
    /// summarise every seed that ran (`after_sd` empty for one seed). `within_tolerance`: `after_mean` at least
    /// `epsilon_reference` − ε, the reference being the control's exact accuracy after retraining where the
    /// control ran, else the quantised 8-bit accuracy before retraining (`quantised_accuracy`).
    public static let retrainHeader = "method,multiplier,mre,before,after,float_accuracy,quantised_accuracy,within_tolerance,seeds,after_mean,after_sd,epsilon_reference"
    public static let pairedHeader = "multiplier,mre,minuend,subtrahend,n,mean,se,t,significant,seeds"
    public static let ablationHeader = "setting,multiplier,accuracy,float_accuracy"

    /// Mean seconds per epoch of float training (the base model) and of each method.
    public static func table5(_ r: DelaParraResult) -> String {
        let float = mean(r.bases.first?.epochSeconds ?? [])
        var rows = [["float", "\(float)", "1.0", "\(r.bases.first?.epochSeconds.count ?? 0)"]]
        for m in r.methods {
            let cells = r.retrains.filter { $0.method == m.name }
            guard !cells.isEmpty else { continue }
            let s = mean(cells.flatMap(\.epochSeconds))
            rows.append([m.name, "\(s)", "\(float > 0 ? s / float : 0)", "\(cells.count)"])
        }
        return Table1CSV.lines(table5Header, rows)
    }

    /// Seconds to build the error-model statistics per multiplier, and their share of the whole
    /// errormodel retraining (statistics + epochs).
    public static func table6(_ r: DelaParraResult) -> String {
        let rows = r.retrains.filter { $0.method == "errormodel" && $0.seed == 1 }.compactMap { c -> [String]? in
            guard let s = c.statisticsSeconds else { return nil }
            return [c.multiplier, "\(s)", "\(s / max(1e-9, s + c.epochSeconds.reduce(0, +)))"]
        }
        return Table1CSV.lines(table6Header, rows)
    }

    /// Rows: the retrained model (control = the paper's "8b-quant"); columns: float and each
    /// cross-evaluation multiplier.
    public static func table7(_ r: DelaParraResult) -> String {
        let header = (["retrained_method", "retrained_for", "float"] + r.crossMultipliers).joined(separator: ",")
        let rows = r.retrains.filter { !$0.cross.isEmpty && $0.seed == 1 }.map { c in
            [c.method, c.multiplier, "\(c.floatAccuracy)"]
                + r.crossMultipliers.map { m in c.cross.first { $0.multiplier == m }.map { "\($0.accuracy)" } ?? "" }
        }
        return Table1CSV.lines(header, rows)
    }

    /// Figs. 6–7 data: accuracy after retraining per method and multiplier (the control's is its
    /// cross-evaluation on that multiplier), against ε below the quantised 8-bit accuracy.
    public static func retrain(_ r: DelaParraResult) -> String {
        let summaries = seedSummaries(r)
        return Table1CSV.lines(retrainHeader, figureRows(r).map { row in
            let s = summaries.first { $0.method == row.method && $0.multiplier == row.multiplier }
            let mean = s?.mean ?? row.after
            return [row.method, row.multiplier, "\(row.mre)", row.before.map { "\($0)" } ?? "", "\(row.after)", row.float.map { "\($0)" } ?? "",
                    "\(r.quantisedAccuracy)", mean >= r.toleranceReference - r.settings.tolerance ? "yes" : "no",
                    "\(s?.n ?? 1)", "\(mean)", s?.sd.map { "\($0)" } ?? "", "\(r.toleranceReference)"]
        })
    }

    /// Every paired comparison (`DelaParraPairs`): mean difference, its SE and paired t over the seeds.
    public static func paired(_ r: DelaParraResult) -> String {
        Table1CSV.lines(pairedHeader, (r.pairedDifferences ?? DelaParraPairs.all(r)).map { p in
            [p.multiplier, "\(r.multipliers.first { $0.name == p.multiplier }?.mre ?? 0)", p.minuend, p.subtrahend, "\(p.n)", "\(p.mean)",
             p.se.map { "\($0)" } ?? "", p.t.map { "\($0)" } ?? "", p.significant.map { $0 ? "yes" : "no" } ?? "",
             p.seeds.map(String.init).joined(separator: " ")]
        })
    }

    /// `r` with `retrain_seeds` filled from its cells (what `write` stores and the figures draw).
    public static func summarised(_ r: DelaParraResult) -> DelaParraResult {
        var s = r
        s.retrainSeeds = seedSummaries(r)
        s.epsilonReference = DelaParraPairs.epsilonReference(r)
        s.pairedDifferences = DelaParraPairs.all(r)
        return s
    }

    /// Mean ± SD of the accuracy after retraining per figure row over every seed that ran.
    public static func seedSummaries(_ r: DelaParraResult) -> [DelaParraSeedSummary] {
        let perSeed = Array(Set(r.retrains.map(\.seed))).sorted().map { k in (k, figureRows(r, seed: k)) }
        var summaries: [DelaParraSeedSummary] = []
        for row in figureRows(r) {
            let values = perSeed.compactMap { k, rows in rows.first { $0.method == row.method && $0.multiplier == row.multiplier }.map { (k, $0.after) } }
            summaries.append(.init(method: row.method, multiplier: row.multiplier, seeds: values.map(\.0), after: values.map(\.1)))
        }
        return summaries
    }

    public static func ablation(_ r: DelaParraResult) -> String {
        Table1CSV.lines(ablationHeader, r.ablation.map { [$0.setting, $0.multiplier, "\($0.accuracy)", "\($0.floatAccuracy)"] })
    }

    /// One figure row per method and approximate multiplier, from the cells of seed number `seed`.
    public static func figureRows(_ r: DelaParraResult, seed: Int = 1) -> [(method: String, multiplier: String, mre: Double, before: Double?, after: Double, float: Double?)] {
        var rows: [(String, String, Double, Double?, Double, Double?)] = []
        for m in r.methods {
            for mult in r.multipliers {
                guard let after = r.after(m, mult.name, seed: seed) else { continue }
                let c = after.cell
                rows.append((m.name, mult.name, mult.mre, m.exactMultiplier ? nil : c.before, after.accuracy, c.floatAccuracy))
            }
        }
        return rows
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
}
