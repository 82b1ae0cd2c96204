import Foundation
import Records

/// Figs. 6 and 7 of De la Parra et al. (ASP-DAC 2021) from a `delaparra` `experiment.json`:
/// behavioural accuracy after retraining per method and SMApprox multiplier, against the 1 %
/// tolerance line below the quantised 8-bit accuracy.
extension DelaParraResult {
    /// Accuracy after retraining and its SD over the seeds: the mean with the sample SD when more
    /// than one seed ran, else seed 1's value (the control: its evaluation there).
    public func afterSeeds(_ method: DelaParraMethod, _ multiplier: String) -> (mean: Double, sd: Double?)? {
        if let s = seedSummary(method.name, multiplier), s.n > 1 { return (s.mean, s.sd) }
        return after(method, multiplier).map { ($0.accuracy, nil) }
    }

    /// Accuracy before retraining on `multiplier` (from any seed-1 cell that retrained for it).
    public func before(_ multiplier: String) -> Double? { retrains.first { $0.multiplier == multiplier && $0.seed == 1 }?.before }
}

extension ExperimentFigures {
    /// fig6.svg (error model vs baseline vs AWGN vs the control) and fig7.svg (behavioural vs error model).
    static func delaParra(_ e: DelaParraResult) -> [(name: String, svg: String)] {
        let known = Set(e.methods.map(\.name))
        let fig6 = ["before"] + ["bn-stats", "errormodel", "baseline", "baseline-mean", "awgn", "control"].filter(known.contains)
        let fig7 = ["before"] + ["bn-stats", "control", "behavioural", "errormodel"].filter(known.contains)
        return [("fig6.svg", delaParraPanel(e, fig6, title: "Fig. 6: comparison of error models for retraining")),
                ("fig7.svg", delaParraPanel(e, fig7, title: "Fig. 7: retraining with the behavioural simulation vs the error model"))]
    }

    static func delaParraPanel(_ e: DelaParraResult, _ shown: [String], title: String) -> String {
        let mults = e.multipliers.sorted { $0.mre < $1.mre }
        var f = PlotFrame(title: "\(e.settings.model) on \(e.settings.data)", xLabel: "SMApprox multiplier (MRE % over non-zero pairs)",
                          yLabel: "behavioural test accuracy", xRange: (-0.5, Double(max(1, mults.count)) - 0.5), yRange: (0, 1.05),
                          width: max(panelWidth, 110 * Double(mults.count) + 100), height: 360)
        f.xCategories = mults.map { "\($0.name.replacingOccurrences(of: "smapprox8x8-", with: "")) (\(Markup.tick(($0.mre * 1000).rounded() / 10)))" }
        var bars: [(Int, Int, (String, Double, Double?))] = []
        for (i, m) in mults.enumerated() {
            for (j, name) in shown.enumerated() {
                if name == "before" {
                    if let v = e.before(m.name) { bars.append((i, j, (name, v, nil))) }
                } else if let method = e.methods.first(where: { $0.name == name }), let v = e.afterSeeds(method, m.name) {
                    bars.append((i, j, (name, v.mean, v.sd)))
                }
            }
        }
        let line = e.toleranceReference - e.settings.tolerance
        let reference = e.epsilonReference == nil ? "quantised 8-bit accuracy" : "the control's exact 8-bit accuracy after retraining"
        let panel = f.open() + groupedBars(f, bars, groups: shown.count, labels: true) + referenceLine(f, at: line)
            + Markup.text("\(e.epsilonReference == nil ? "quantised 8-bit" : "control, exact") \(Markup.number(e.toleranceReference)) − ε",
                          x: f.left + 8, y: f.py(line) - 4, size: 10, anchor: "start")
            + "</svg>"
        let sub = "accuracy after retraining (mean ± SD over the seeds where more than one ran); \"before\" = the base model without retraining; dashed line = \(reference) − ε (ε = \(Markup.number(e.settings.tolerance * 100)) points)"
        return grid(title: title, subtitle: sub, legend: shown, panels: [panel], panelWidth: f.width, panelHeight: f.height)
    }
}
