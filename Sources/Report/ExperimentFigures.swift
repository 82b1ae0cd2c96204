import Foundation
import Records

/// Standalone SVG figures of an AxTrain Table 1 experiment (He et al. 2018): Fig. 6 (normalised
/// error per DRUM configuration), Fig. 7 (accuracy under NTV storage, mean ± SD) and Fig. 4 (last-
/// layer sensitivity maps on one colour scale). Drawn from `experiment.json` alone, so they can be
/// redrawn at any time.
public enum ExperimentFigures {
    static let methods = ["BP", "AxTrain-act", "AxTrain"]
    static let colors = ["BP": "#7f7f7f", "AxTrain-act": "#2166ac", "AxTrain": "#b2182b",
                         "before": "#bdbdbd", "behavioural": "#1b9e77", "errormodel": "#d95f02", "baseline": "#7570b3",
                         "baseline-mean": "#a6761d", "awgn": "#e7298a", "control": "#666666", "exact": "#7f7f7f",
                         "approximate": "#d95f02", "hybrid": "#1b9e77"]

    /// Decodes `experiment.json` (as the report reads it: by its schema tag, or by its keys) and draws
    /// its figures as (file name, SVG text).
    public static func render(experimentJSON data: Data) throws(ReportError) -> [(name: String, svg: String)] {
        var read = ResultsFolder(unread: "")
        _ = read.readRecord(name: "experiment.json", data: data)
        if let e = read.delaParras.first { return delaParra(e.experiment) }
        if let e = read.hammads.first { return hammad(e.experiment) }
        if let e = read.experiments.first { return render(e.experiment) }
        throw .io(path: "experiment.json", reason: "not an axtrain-table1, delaparra or hammad experiment result"
                  + (RecordSchema.tag(of: data).map { " (its schema is '\($0)')" } ?? ""))
    }

    /// fig6.svg and fig7.svg, plus fig4.svg when the result has sensitivity maps.
    public static func render(_ e: Table1Result) -> [(name: String, svg: String)] {
        var out = [("fig6.svg", fig6(e)), ("fig7.svg", fig7(e))]
        if !e.sensitivityMaps.isEmpty { out.append(("fig4.svg", fig4(e))) }
        return out
    }

    /// One panel per app: grouped bars per approximate multiplier (BP, AxTrain-act, AxTrain) of the
    /// normalised error; the dashed line at 1 is BP with the accurate multiplier.
    public static func fig6(_ e: Table1Result) -> String {
        let ks = Array(e.multipliers.dropFirst())
        let panels = e.apps.map { app -> String in
            let rows = e.fig6.filter { $0.app == app.name && ks.map(\.design).contains($0.multiplier) }
            let hi = max(1.25, (rows.map(\.normalisedError).filter(\.isFinite).max() ?? 1) * 1.15)
            var f = PlotFrame(title: "\(app.name) (\(app.topology))", xLabel: "DRUM multiplier configuration",
                              yLabel: "normalised error (×)", xRange: (-0.5, Double(ks.count) - 0.5), yRange: (0, hi),
                              width: panelWidth, height: panelHeight)
            f.xCategories = ks.map(\.label)
            var bars: [(Int, Int, (String, Double, Double?))] = []
            for (i, k) in ks.enumerated() {
                for (j, m) in methods.enumerated() {
                    if let r = rows.first(where: { $0.method == m && $0.multiplier == k.design }) { bars.append((i, j, (m, r.normalisedError, nil))) }
                }
            }
            return f.open() + groupedBars(f, bars, groups: methods.count, labels: true) + referenceLine(f, at: 1) + "</svg>"
        }
        return grid(title: "Fig. 6: output error under DRUM approximate multipliers, normalised to BP with the accurate multiplier",
                    subtitle: "normalised error = max(1, misclassified) / max(1, misclassified by BP with \(e.multipliers.first?.design ?? "the accurate multiplier")); dashed line = 1",
                    legend: methods, panels: panels)
    }

    /// One panel per app: accuracy under its Agg and Con NTV levels, BP vs AxTrain, mean ± SD bars.
    public static func fig7(_ e: Table1Result) -> String {
        let shown = ["BP", "AxTrain"]
        let panels = e.apps.map { app -> String in
            let rows = e.fig7.filter { $0.app == app.name }
            var levels: [(String, Double)] = []
            for r in rows where !levels.contains(where: { $0.0 == r.level }) { levels.append((r.level, r.flipRate)) }
            var f = PlotFrame(title: "\(app.name) (\(app.topology))", xLabel: "NTV level (weight bit-flip rate)",
                              yLabel: "test accuracy (fraction)", xRange: (-0.5, Double(levels.count) - 0.5), yRange: (0, 1.1),
                              width: panelWidth, height: panelHeight)
            f.xCategories = levels.map { "\($0.0) (\(Markup.tick($0.1 * 100))%)" }
            let runs = rows.first?.runs ?? 0
            let bars = levels.enumerated().flatMap { i, level in
                shown.enumerated().map { j, m -> (Int, Int, (String, Double, Double?)) in
                    let r = rows.first { $0.method == m && $0.level == level.0 }
                    return (i, j, r.map { (m, $0.accuracyMean, $0.accuracySD) } ?? ("", .nan, nil))
                }
            }
            return f.open() + groupedBars(f, bars, groups: shown.count, labels: false)
                + Markup.text("\(runs) bit-flip runs", x: f.left + 8, y: f.top + 12, size: 10, anchor: "start") + "</svg>"
        }
        return grid(title: "Fig. 7: accuracy under NTV weight storage, BP vs AxTrain (mean ± SD over bit-flip runs)",
                    subtitle: "8-bit dynamic fixed-point weights, every stored bit flipped with the level's probability on each read",
                    legend: shown, panels: panels)
    }

    static let panelWidth = 420.0, panelHeight = 300.0

    /// Bars (group index, slot, (method, value, ±sd)) in a categorical frame; value labels on top
    /// when `labels`, error bars where an SD is given.
    static func groupedBars(_ f: PlotFrame, _ bars: [(Int, Int, (String, Double, Double?))], groups: Int, labels: Bool) -> String {
        var s = ""
        let slot = 0.8 / Double(groups)
        for (i, k, (method, value, sd)) in bars where value.isFinite {
            let x0 = f.px(Double(i) - 0.4 + Double(k) * slot), x1 = f.px(Double(i) - 0.4 + Double(k + 1) * slot)
            let y = f.py(min(value, f.yRange.1))
            s += "<rect x=\"\(Markup.c(x0))\" y=\"\(Markup.c(y))\" width=\"\(Markup.c(max(1, x1 - x0 - 1)))\" height=\"\(Markup.c(f.py(0) - y))\" fill=\"\(colors[method] ?? "#000000")\"><title>\(Markup.escape(method)): \(Markup.number(value))\(sd.map { " ± " + Markup.number($0) } ?? "")</title></rect>"
            let mid = (x0 + x1) / 2
            if let sd {
                let lo = f.py(max(f.yRange.0, value - sd)), hi = f.py(min(f.yRange.1, value + sd))
                s += "<path d=\"M\(Markup.c(mid)) \(Markup.c(lo)) L\(Markup.c(mid)) \(Markup.c(hi)) M\(Markup.c(mid - 4)) \(Markup.c(lo)) L\(Markup.c(mid + 4)) \(Markup.c(lo)) M\(Markup.c(mid - 4)) \(Markup.c(hi)) L\(Markup.c(mid + 4)) \(Markup.c(hi))\" stroke=\"#000000\" stroke-width=\"1.2\" fill=\"none\"/>"
            }
            if labels { s += Markup.text(Markup.tick((value * 100).rounded() / 100), x: mid, y: y - 3, size: 8) }
        }
        return s
    }

    static func referenceLine(_ f: PlotFrame, at v: Double) -> String {
        let y = Markup.c(f.py(v))
        return "<line x1=\"\(Markup.c(f.left))\" y1=\"\(y)\" x2=\"\(Markup.c(f.left + f.plotWidth))\" y2=\"\(y)\" stroke=\"#000000\" stroke-dasharray=\"5 3\"/>"
    }

    /// Panels (each a complete `<svg>`) in rows of three under a title, subtitle and legend.
    static func grid(title: String, subtitle: String, legend: [String], panels: [String],
                     panelWidth: Double = panelWidth, panelHeight: Double = panelHeight) -> String {
        let cols = max(1, min(3, panels.count)), rows = max(1, (panels.count + cols - 1) / cols), top = 78.0
        let width = Double(cols) * panelWidth + 20, height = top + Double(rows) * panelHeight + 10
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">"
        s += "<title>\(Markup.escape(title))</title><rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>"
        s += Markup.text(title, x: width / 2, y: 22, size: 15, weight: "bold") + Markup.text(subtitle, x: width / 2, y: 42, size: 11)
        var x = 20.0
        for m in legend {
            s += "<rect x=\"\(Markup.c(x))\" y=\"54\" width=\"14\" height=\"12\" fill=\"\(colors[m] ?? "#000000")\"/>" + Markup.text(m, x: x + 20, y: 64, size: 12, anchor: "start")
            x += 30 + 8 * Double(m.count)
        }
        for (i, p) in panels.enumerated() {
            s += "<g transform=\"translate(\(Markup.c(10 + Double(i % cols) * panelWidth)),\(Markup.c(top + Double(i / cols) * panelHeight)))\">" + p + "</g>"
        }
        return s + "</svg>"
    }
}
