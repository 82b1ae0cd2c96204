import Foundation
import Records

/// Hybrid-training sweeps (table and grouped bars) and energy against accuracy (scatter).
extension ResultsSection {
    /// The sections for result kinds beyond train/retrain/crosseval; empty if there are none.
    func moreSections() -> String {
        var s = axTrainSections()
        for (file, sweep) in folder.hybrids {
            s += "<h3>Hybrid training: \(Markup.escape(file))</h3>" + hybridTable(sweep)
            s += "<div class=\"plots\">" + hybridBars(sweep) + "</div>"
        }
        if !folder.evaluations.isEmpty {
            s += "<h3>Energy against accuracy</h3><div class=\"plots\">" + energyScatter(folder.evaluations) + "</div>"
        }
        return s
    }

    private func hybridTable(_ h: HybridSweepResult) -> String {
        let head = ["error ID", "MRE (%)", "SD (%)", "approx-only accuracy", "N approx", "N exact", "hybrid accuracy", "utilisation (%)"]
        var s = "<table><caption>Hybrid sweep: \(h.epochs) epochs, tolerance \(Markup.number(h.tolerance)), exact baseline accuracy \(Markup.number(h.baselineAccuracy))</caption><thead><tr>"
        s += head.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for e in h.entries {
            let cells = [e.label, Markup.number(e.requested.mre * 100), Markup.number(e.requested.sd * 100),
                         Markup.number(e.approxAccuracy), "\(e.switchEpoch)", "\(e.exactEpochs)",
                         Markup.number(e.accuracy), Markup.number(e.utilisation * 100)]
            s += "<tr>" + cells.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table>"
    }

    /// Per error setting: approximate-only, hybrid and the exact baseline accuracy side by side.
    private func hybridBars(_ h: HybridSweepResult) -> String {
        let series: [(String, String, (HybridSweepEntry) -> Double)] = [
            ("approximate only", "#b2182b", { $0.approxAccuracy }),
            ("hybrid (approximate, then exact)", "#2166ac", { $0.accuracy }),
            ("exact baseline", "#999999", { _ in h.baselineAccuracy }),
        ]
        var frame = PlotFrame(title: "Test accuracy per error setting (hybrid training)", xLabel: "error setting",
                              yLabel: "test accuracy (fraction correct)",
                              xRange: (-0.5, Double(h.entries.count) - 0.5), yRange: (0, 1.3), width: 720, height: 400)
        frame.xCategories = h.entries.map(\.label)
        var s = frame.open()
        let slot = 0.8 / Double(series.count)
        for (i, e) in h.entries.enumerated() {
            for (k, item) in series.enumerated() {
                let v = min(max(item.2(e), 0), 1.3)
                let x0 = frame.px(Double(i) - 0.4 + Double(k) * slot), x1 = frame.px(Double(i) - 0.4 + Double(k + 1) * slot)
                s += "<rect x=\"\(Markup.c(x0))\" y=\"\(Markup.c(frame.py(v)))\" width=\"\(Markup.c(x1 - x0 - 1))\" height=\"\(Markup.c(frame.py(0) - frame.py(v)))\" fill=\"\(item.1)\"/>"
            }
        }
        return s + frame.legend(series.map { ($0.1, $0.0) }) + "</svg>"
    }

    /// Relative energy (x) against approximate accuracy (y), one labelled point per multiplier.
    private func energyScatter(_ evals: [EvaluationRecord]) -> String {
        let points = evals.compactMap { e in e.accuracy.energyRel.map { (e.multiplier, $0, e.accuracy.approxAccuracy) } }
        let xs = points.map(\.1), ys = points.map(\.2)
        let xHi = max((xs.max() ?? 1) * 1.1, 1e-9)
        let yLo = min(ys.min() ?? 0, 1) * 0.95
        let frame = PlotFrame(title: "Energy against accuracy", xLabel: "energy relative to the exact multiplier",
                              yLabel: "approximate accuracy (fraction correct)", xRange: (0, xHi), yRange: (yLo, 1),
                              width: 640, height: 400)
        var s = frame.open()
        for (name, x, y) in points {
            let px = frame.px(x), py = frame.py(y)
            s += "<circle cx=\"\(Markup.c(px))\" cy=\"\(Markup.c(py))\" r=\"4\" fill=\"#2166ac\"/>"
            let right = px > frame.left + frame.plotWidth * 0.6
            s += Markup.text(name, x: right ? px - 6 : px + 6, y: py - 6, size: 10, anchor: right ? "end" : "start")
        }
        s += "</svg>"
        let missing = evals.filter { $0.accuracy.energyRel == nil }.map(\.multiplier)
        if !missing.isEmpty {
            s += "<p class=\"note\">No energy figure (no LUT mapping for power): \(Markup.escape(missing.joined(separator: ", "))).</p>"
        }
        return s
    }
}
