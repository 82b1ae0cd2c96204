import Records

/// The paired comparisons of a `delaparra` result (issue 29): per multiplier, how much of the gain
/// over `before` BatchNorm re-estimation alone (`bn-stats`), exact retraining (`control`) and each
/// method explain, and the error model against the behavioural simulation, each paired by seed.
public enum DelaParraPairs {
    /// Every comparison whose two sides share at least one seed, in multiplier then method order.
    public static func all(_ r: DelaParraResult) -> [DelaParraPairedDifference] {
        let methods = r.methods.filter { $0.updatesWeights && !$0.exactMultiplier }.map(\.name)
        var pairs = [("bn-stats", "before"), ("control", "before")]
        for m in methods { pairs += [(m, "before"), (m, "control"), (m, "bn-stats")] }
        pairs.append(("errormodel", "behavioural"))
        let seeds = Array(Set(r.retrains.map(\.seed))).sorted()
        return r.multipliers.flatMap { mult in
            pairs.compactMap { a, b in difference(r, mult.name, a, b, seeds: seeds) }
        }
    }

    /// `a − b` on `multiplier` over the seeds where both have a value; nil when none has.
    static func difference(_ r: DelaParraResult, _ multiplier: String, _ a: String, _ b: String, seeds: [Int]) -> DelaParraPairedDifference? {
        let paired = seeds.compactMap { k in value(r, a, multiplier, k).flatMap { x in value(r, b, multiplier, k).map { (k, x - $0) } } }
        guard !paired.isEmpty else { return nil }
        let d = paired.map(\.1), n = d.count
        let (mean, sd) = Table1Measurements.meanSD(d)
        let se = n > 1 ? sd / Double(n).squareRoot() : nil
        let t = se.flatMap { $0 > 0 ? mean / $0 : nil }
        return DelaParraPairedDifference(multiplier: multiplier, minuend: a, subtrahend: b, seeds: paired.map(\.0), differences: d, n: n,
                                         mean: mean, se: se, t: t, significant: t.map { abs($0) > tCritical95(degreesOfFreedom: n - 1) })
    }

    /// Seed `seed`'s accuracy of `name` on `multiplier`: a method's after retraining (the control's
    /// evaluation there), or `before`, the base model's. `before` does not depend on the seed (every cell of
    /// the multiplier starts from the same base), so any cell of the multiplier gives it, and a seed pairs
    /// with `before` whenever its other side ran.
    static func value(_ r: DelaParraResult, _ name: String, _ multiplier: String, _ seed: Int) -> Double? {
        if name == "before" {
            return r.retrains.first { $0.multiplier == multiplier }?.before
        }
        return r.methods.first { $0.name == name }.flatMap { r.after($0, multiplier, seed: seed)?.accuracy }
    }

    /// The accuracy ε is measured from: the mean over seeds of the control's accuracy with the exact
    /// multiplier after retraining; nil when no control cell ran.
    public static func epsilonReference(_ r: DelaParraResult, exact: String = "exact8") -> Double? {
        guard let control = r.methods.first(where: \.exactMultiplier) else { return nil }
        let values = r.retrains.filter { $0.method == control.name }.compactMap { c in c.cross.first { $0.multiplier == exact }?.accuracy }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Student's t two-sided 5 % critical value (the 0.975 quantile) for `degreesOfFreedom` ≥ 1; the
    /// standard table to 30, and 30's value above it (slightly conservative).
    public static func tCritical95(degreesOfFreedom df: Int) -> Double {
        let table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                     2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        return table[min(max(df, 1), table.count) - 1]
    }
}
