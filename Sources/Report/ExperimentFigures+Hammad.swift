import Foundation
import Records

/// Tables II and III of Hammad & El-Sankary as figures, from a `hammad` `experiment.json`:
/// accuracy with every epoch approximate per error setting (against the exact baseline and the
/// tolerance), and the approximate-multiplier utilisation of the hybrid schedule found.
extension ExperimentFigures {
    static func hammad(_ e: HammadResult) -> [(name: String, svg: String)] {
        [("table2.svg", hammadTableII(e)), ("table3.svg", hammadTableIII(e))]
    }

    static func hammadTableII(_ e: HammadResult) -> String {
        let rows = e.rows(seed: 1)
        let lo = max(0, min(e.baselineAccuracy, rows.map(\.sweep.approxAccuracy).min() ?? 0) - 0.05)
        var f = PlotFrame(title: "\(e.settings.model) on \(e.settings.data), \(e.settings.epochs) epochs", xLabel: "test ID (realised MRE %) or multiplier",
                          yLabel: "test accuracy (error-free evaluation)", xRange: (-0.5, Double(max(1, rows.count)) - 0.5),
                          yRange: (lo, min(1, e.baselineAccuracy + 0.03)), width: max(panelWidth, 80 * Double(rows.count) + 100), height: 340)
        f.xCategories = rows.map { "\($0.sweep.label) (\(Markup.tick(($0.sweep.realised.mre * 1000).rounded() / 10)))" }
        let bars = rows.enumerated().map { (i, r) in (i, 0, ("approximate", r.sweep.approxAccuracy, Double?.none)) }
        let panel = f.open() + groupedBars(f, bars, groups: 1, labels: true) + referenceLine(f, at: e.baselineAccuracy)
            + Markup.text("exact baseline \(Markup.number(e.baselineAccuracy))", x: f.left + 8, y: f.py(e.baselineAccuracy) - 4, size: 10, anchor: "start") + "</svg>"
        return grid(title: "Table II: training from scratch with the simulated multiplier error (every epoch approximate)",
                    subtitle: "Gaussian weight error per Table II test ID, real multipliers through the behavioural simulation; dashed line = exact training",
                    legend: ["approximate"], panels: [panel], panelWidth: f.width, panelHeight: f.height)
    }

    static func hammadTableIII(_ e: HammadResult) -> String {
        let rows = e.rows(seed: 1).filter(\.searched)
        var f = PlotFrame(title: "hybrid schedules within \(Markup.number(e.settings.tolerance)) of exact", xLabel: "test ID or multiplier",
                          yLabel: "approximate-multiplier utilisation", xRange: (-0.5, Double(max(1, rows.count)) - 0.5), yRange: (0, 1.05),
                          width: max(panelWidth, 80 * Double(rows.count) + 100), height: 340)
        f.xCategories = rows.map(\.sweep.label)
        let bars = rows.enumerated().map { (i, r) in (i, 0, ("hybrid", r.sweep.utilisation, Double?.none)) }
        let panel = f.open() + groupedBars(f, bars, groups: 1, labels: true) + "</svg>"
        return grid(title: "Table III: approximate epochs / total of the hybrid schedule found by the sweep",
                    subtitle: "approximate for the first N epochs, then exact; smallest exact tail within the tolerance of the exact baseline",
                    legend: ["hybrid"], panels: [panel], panelWidth: f.width, panelHeight: f.height)
    }
}
