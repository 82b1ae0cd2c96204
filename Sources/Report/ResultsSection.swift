import Records

/// Plots of one NetSim results folder: training curves, accuracy per multiplier and method, and the
/// cross-evaluation matrix.
struct ResultsSection {
    var folder: ResultsFolder

    func html() -> String {
        var s = "<section><h2>Results: \(Markup.escape(folder.path))</h2>"
        if !folder.trainingLogs.isEmpty {
            s += "<h3>Training curves</h3><div class=\"plots\">"
            for log in folder.trainingLogs { s += curves(log.file, log.epochs) }
            s += "</div>"
        }
        if !folder.retrains.isEmpty { s += "<h3>Accuracy per multiplier and method</h3><div class=\"plots\">" + groupedBars() + "</div>" }
        for (file, table) in folder.crossEvals { s += "<h3>Cross-evaluation: \(Markup.escape(file))</h3>" + matrix(table) }
        for (file, designs) in folder.characterisations {   // saved `characterize --json`: no design to draw error maps from
            s += "<h3>Characterised designs: \(Markup.escape(file))</h3>" + Report.overview(designs) + ParetoPlot(results: designs).html()
        }
        s += moreSections() + experimentSections() + proxyExperimentSections() + searchSections()
        if folder.isEmpty { s += "<p>No NetSim result files were recognised in this folder.</p>" }
        if !folder.skipped.isEmpty { s += "<p class=\"note\">Skipped (not a recognised result file): \(Markup.escape(folder.skipped.joined(separator: ", "))).</p>" }
        return s + "</section>"
    }

    private func curves(_ file: String, _ epochs: [EpochRecord]) -> String {
        let xs = epochs.map { Double($0.epoch) }
        let loss = [("train loss", "#2166ac", epochs.map(\.trainLoss)), ("test loss", "#b2182b", epochs.map(\.testLoss))]
        let acc = [("train accuracy", "#2166ac", epochs.map(\.trainAccuracy)), ("test accuracy", "#b2182b", epochs.map(\.testAccuracy))]
        return lines("Loss per epoch — \(file)", yLabel: "mean cross-entropy loss (nats)", xs: xs, series: loss, yMin: 0)
            + lines("Accuracy per epoch — \(file)", yLabel: "accuracy (fraction correct)", xs: xs, series: acc, yMin: 0, yMax: 1, legendAtBottom: true)
    }

    private func lines(_ title: String, yLabel: String, xs: [Double], series: [(String, String, [Double])],
                       yMin: Double, yMax: Double? = nil, legendAtBottom: Bool = false) -> String {
        let all = series.flatMap(\.2).filter(\.isFinite)
        let hi = yMax ?? max((all.max() ?? 1) * 1.05, yMin + 1e-9)
        let frame = PlotFrame(title: title, xLabel: "epoch", yLabel: yLabel,
                              xRange: (min(xs.first ?? 0, xs.last ?? 1), max(xs.last ?? 1, (xs.first ?? 0) + 1)), yRange: (yMin, hi))
        var s = frame.open()
        for (_, color, ys) in series {
            let pts = zip(xs, ys).filter { $0.1.isFinite }.map { "\(Markup.c(frame.px($0.0))),\(Markup.c(frame.py($0.1)))" }
            s += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            for p in pts { let xy = p.split(separator: ","); s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.5\" fill=\"\(color)\"/>" }
        }
        return s + frame.legend(series.map { ($0.1, $0.0) }, bottom: legendAtBottom) + "</svg>"
    }

    private func groupedBars() -> String {
        var multipliers: [String] = [], methods: [String] = []
        for r in folder.retrains {
            if !multipliers.contains(r.multiplier) { multipliers.append(r.multiplier) }
            if !methods.contains(r.method) { methods.append(r.method) }
        }
        let series = ["no retraining"] + methods
        let colors = ["#999999", "#2166ac", "#b2182b", "#1b7837", "#762a83", "#e08214"]
        var frame = PlotFrame(title: "Test accuracy per multiplier and retraining method", xLabel: "multiplier",
                              yLabel: "test accuracy (fraction correct)",
                              xRange: (-0.5, Double(multipliers.count) - 0.5), yRange: (0, 1.15), width: 720, height: 400)
        frame.xCategories = multipliers
        var s = frame.open()
        let slot = 0.8 / Double(series.count)
        for (i, m) in multipliers.enumerated() {
            let rows = folder.retrains.filter { $0.multiplier == m }
            for (k, name) in series.enumerated() {
                let value = k == 0 ? rows.first?.approxAccuracyBefore : rows.last { $0.method == name }?.approxAccuracyAfter
                guard let value else { continue }
                let x0 = frame.px(Double(i) - 0.4 + Double(k) * slot), x1 = frame.px(Double(i) - 0.4 + Double(k + 1) * slot)
                s += "<rect x=\"\(Markup.c(x0))\" y=\"\(Markup.c(frame.py(value)))\" width=\"\(Markup.c(x1 - x0 - 1))\" height=\"\(Markup.c(frame.py(0) - frame.py(value)))\" fill=\"\(colors[k % colors.count])\"/>"
            }
        }
        return s + frame.legend(series.enumerated().map { (colors[$0.offset % colors.count], $0.element) }) + "</svg>"
    }

    /// The cross-evaluation matrix as a table-like SVG heatmap with the accuracies printed in the cells.
    private func matrix(_ t: CrossEvaluation) -> String {
        let columns = ["exact 8-bit"] + t.multipliers
        let rows = t.models.indices.map { [t.exact8.indices.contains($0) ? t.exact8[$0] : .nan] + t.accuracy[$0] }
        let values = rows.flatMap { $0 }.filter(\.isFinite)
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let cellW = 110.0, cellH = 28.0, left = 200.0, top = 70.0
        let width = left + cellW * Double(columns.count) + 20, height = top + cellH * Double(rows.count) + 40
        var s = "<div class=\"plots\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\">"
        s += "<title>Cross-evaluation accuracy</title><rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>"
        s += Markup.text("Test accuracy: model (row) evaluated with multiplier (column)", x: width / 2, y: 20, size: 14, weight: "bold")
        s += Markup.text("evaluation multiplier", x: left + cellW * Double(columns.count) / 2, y: 42, size: 12)
        s += Markup.text("model (trained/retrained for)", x: left - 8, y: top - 8, size: 12, anchor: "end")
        for (j, name) in columns.enumerated() { s += Markup.text(name, x: left + (Double(j) + 0.5) * cellW, y: top - 8, size: 10) }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * cellH
            s += Markup.text(t.models[i], x: left - 8, y: y + cellH / 2 + 4, size: 10, anchor: "end")
            for (j, v) in row.enumerated() {
                let color = ColorScale.css(ColorScale.sequential(hi > lo ? (v - lo) / (hi - lo) : 0.5))
                let x = left + Double(j) * cellW
                s += "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(y))\" width=\"\(cellW)\" height=\"\(cellH)\" fill=\"\(color)\" stroke=\"#ffffff\"/>"
                let dark = hi > lo && (v - lo) / (hi - lo) > 0.6
                s += "<text x=\"\(Markup.c(x + cellW / 2))\" y=\"\(Markup.c(y + cellH / 2 + 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(dark ? "#ffffff" : "#000000")\">\(Markup.number(v))</text>"
            }
        }
        s += Markup.text("colour: accuracy from \(Markup.number(lo)) (light) to \(Markup.number(hi)) (dark)", x: left, y: height - 12, size: 11, anchor: "start")
        return s + "</svg></div>"
    }
}
