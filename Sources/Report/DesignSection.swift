import Circuits

/// The per-design part of the report: error heatmap, histogram, relative-error heatmap and the
/// metric/cost table.
struct DesignSection {
    var design: Design
    var characterisation: Characterisation
    var maps: ErrorMaps

    func html() -> String {
        let d = design, c = characterisation
        var s = "<section class=\"design\"><h3>Design: \(Markup.escape(d.name))</h3>"
        let summary = d.summary.isEmpty ? "" : " — " + Markup.escape(d.summary)
        s += "<p>\(d.widthA)×\(d.widthB)-bit \(Markup.escape(d.kind)) design\(summary).</p>"
        s += "<div class=\"plots\">" + errorHeatmap() + histogram() + relativeHeatmap() + "</div>"
        s += metricTable(c) + costTable(c.cost) + "</section>"
        return s
    }

    private func errorHeatmap() -> String {
        let limit = maps.errors.map(abs).max() ?? 0
        let note = maps.exhaustive ? "" : " (sampled)"
        return Heatmap(title: "Error e = approx − exact\(note)", xLabel: "operand b (unsigned integer)",
                       yLabel: "operand a (unsigned integer)", legendLabel: "e (product units)",
                       xValues: maps.bValues, yValues: maps.aValues, values: maps.errors, limit: limit).svg()
    }

    private func relativeHeatmap() -> String {
        let limit = min(100, maps.relative.map(abs).max() ?? 0)
        return Heatmap(title: "Relative error, magnitude domain", xLabel: "|b| (magnitude, integer)",
                       yLabel: "|a| (magnitude, integer)", legendLabel: "e / max(exact, 1) (%)",
                       xValues: maps.magB, yValues: maps.magA, values: maps.relative, limit: limit).svg()
    }

    private func histogram() -> String {
        let bins = maps.histogram()
        let top = max(bins.map(\.percent).max() ?? 1, 1e-9)
        let frame = PlotFrame(title: "Error histogram (unsigned domain)", xLabel: "error e = approx − exact (product units)",
                              yLabel: "share of operand pairs (%)",
                              xRange: (bins.first?.lo ?? -1, bins.last?.hi ?? 1), yRange: (0, top * 1.05))
        var s = frame.open()
        for bin in bins where bin.percent > 0 {
            let x0 = frame.px(bin.lo), x1 = frame.px(bin.hi), y = frame.py(bin.percent)
            s += "<rect x=\"\(Markup.c(x0))\" y=\"\(Markup.c(y))\" width=\"\(Markup.c(max(x1 - x0 - 0.5, 0.5)))\" height=\"\(Markup.c(frame.py(0) - y))\" fill=\"#4a6fa5\"/>"
        }
        return s + "</svg>"
    }

    private func metricTable(_ c: Characterisation) -> String {
        var s = "<table><caption>Error metrics of \(Markup.escape(c.name))</caption><thead><tr><th>metric</th><th>unsigned</th><th>magnitude</th></tr></thead><tbody>"
        for ((key, u), (_, m)) in zip(c.unsigned.keyed, c.magnitude.keyed) {
            s += "<tr><td>\(key)</td><td class=\"num\">\(Markup.number(u))</td><td class=\"num\">\(Markup.number(m))</td></tr>"
        }
        return s + "</tbody></table>"
    }

    private func costTable(_ k: CostEstimate) -> String {
        let rows: [(String, String)] = [
            ("luts", k.luts.map(String.init) ?? "-"), ("carry_cells", k.carryCells.map(String.init) ?? "-"),
            ("lut_levels", k.lutLevels.map(String.init) ?? "-"), ("delay_ns (ns)", Markup.number(k.delayNs)),
            ("power_mw (mW)", Markup.number(k.powerMw)), ("power_rel (× exact)", Markup.number(k.powerRel)),
        ]
        var s = "<table><caption>Cost estimate of \(Markup.escape(characterisation.name))</caption><thead><tr><th>cost</th><th>value</th></tr></thead><tbody>"
        for (key, value) in rows { s += "<tr><td>\(key)</td><td class=\"num\">\(value)</td></tr>" }
        return s + "</tbody></table>"
    }
}

/// The Pareto plot of power_rel against magnitude-domain MRE, front marked.
struct ParetoPlot {
    var results: [Characterisation]

    func html() -> String {
        let points = results.map { c in c.cost.powerRel.map { ($0, c.magnitude.mrePct) } }
        let flags = ParetoFront.flags(results, cost: .powerRel)   // among designs of the same width
        let plotted = zip(results, zip(points, flags)).compactMap { c, pf in pf.0.map { (c.name, $0.0, $0.1, pf.1) } }
        var s = "<section><h2>Pareto front: power vs. error</h2>"
        let missing = zip(results, points).filter { $0.1 == nil }.map(\.0.name)
        guard !plotted.isEmpty else {
            return s + "<p>No design has a power estimate (power_rel), so there is nothing to plot.</p></section>"
        }
        let xs = plotted.map(\.1), ys = plotted.map(\.2)
        var frame = PlotFrame(title: "power_rel against MRE (magnitude domain)", xLabel: "MRE, magnitude domain (%)",
                              yLabel: "power_rel (power / exact design's power)",
                              xRange: padded(ys.min() ?? 0, ys.max() ?? 1), yRange: padded(xs.min() ?? 0, xs.max() ?? 1),
                              width: 760, height: 440)
        frame.right = 130  // room for the labels of the rightmost points
        var svg = frame.open()
        let front = plotted.filter(\.3).sorted { $0.2 < $1.2 }
        if front.count > 1 {
            let d = front.enumerated().map { i, p in (i == 0 ? "M" : "L") + Markup.c(frame.px(p.2)) + " " + Markup.c(frame.py(p.1)) }
            svg += "<path d=\"\(d.joined(separator: " "))\" fill=\"none\" stroke=\"#b2182b\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
        }
        for p in plotted {
            let x = frame.px(p.2), y = frame.py(p.1)
            svg += p.3 ? "<circle cx=\"\(Markup.c(x))\" cy=\"\(Markup.c(y))\" r=\"5\" fill=\"#b2182b\"/>"
                       : "<circle cx=\"\(Markup.c(x))\" cy=\"\(Markup.c(y))\" r=\"4\" fill=\"none\" stroke=\"#2166ac\" stroke-width=\"1.5\"/>"
            svg += Markup.text(p.0, x: x + 7, y: y - 5, size: 9, anchor: "start")
        }
        svg += frame.legend([("#b2182b", "Pareto-optimal"), ("#2166ac", "dominated")]) + "</svg>"
        s += "<div class=\"plots\">" + svg + "</div>"
        if !missing.isEmpty {
            s += "<p>Not plotted (no power estimate): \(Markup.escape(missing.joined(separator: ", "))).</p>"
        }
        return s + "</section>"
    }

    private func padded(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let span = hi - lo > 0 ? hi - lo : max(abs(hi), 1)
        return (max(0, lo - 0.08 * span), hi + 0.08 * span)
    }
}
