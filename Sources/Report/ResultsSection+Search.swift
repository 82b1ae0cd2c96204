import Foundation
import Records

/// `axmul search` plots: energy against validation accuracy of every front point (front highlighted,
/// uniform assignments marked, refined points when present) and the layer × design sensitivity heatmap.
extension ResultsSection {
    func searchSections() -> String {
        var s = ""
        for (file, f) in folder.searchFronts {
            s += "<h3>Per-layer search: \(Markup.escape(file))</h3><div class=\"plots\">" + searchScatter(f) + "</div>" + frontTable(f)
            s += "<p class=\"note\">Energy: \(Markup.escape(f.energyModel ?? "the cost model of its time (not recorded)")); validation images "
                + (f.validationHeldOut.map { $0 ? "held out from the model's training" : "from the model's own training data (optimistic)" } ?? "not recorded as held out")
                + ".</p>"
        }
        for (file, t) in folder.searchSensitivities {
            s += "<h3>Layer sensitivity: \(Markup.escape(file))</h3><div class=\"plots\">" + sensitivityHeatmap(t) + "</div>"
            s += "<p class=\"note\">Design index → name: " + Markup.escape(t.designs.enumerated().map { "\($0)=\($1)" }.joined(separator: ", "))
                + "; layer index → name: " + Markup.escape(t.layers.enumerated().map { "\($0)=\($1)" }.joined(separator: ", ")) + ".</p>"
        }
        return s
    }

    private func searchScatter(_ f: SearchResult) -> String {
        let groups: [(String, String, [SearchResult.Point])] = [
            ("uniform assignments", "#999999", f.uniform), ("Pareto front", "#b2182b", f.front),
        ] + (f.refined.map { [("front after \(f.refine)", "#2166ac", $0)] } ?? [])
        let all = groups.flatMap(\.2)
        let ys = all.map(\.validationAccuracy) + [f.exact8ValidationAccuracy]
        let frame = PlotFrame(title: "Energy against validation accuracy", xLabel: "multiplier energy relative to exact",
                              yLabel: "validation accuracy", xRange: (0, max(1.05, (all.map(\.energyRel).max() ?? 1) * 1.05)),
                              yRange: (max(0, (ys.min() ?? 0) - 0.02), min(1, (ys.max() ?? 1) + 0.02)))
        var s = frame.open()
        let y = Markup.c(frame.py(f.exact8ValidationAccuracy))
        s += "<line x1=\"\(Markup.c(frame.left))\" y1=\"\(y)\" x2=\"\(Markup.c(frame.left + frame.plotWidth))\" y2=\"\(y)\" stroke=\"#555555\" stroke-dasharray=\"4 3\"/>"
        for (_, color, points) in groups {
            let sorted = points.sorted { $0.energyRel < $1.energyRel }
            if color != "#999999" {
                let line = sorted.map { "\(Markup.c(frame.px($0.energyRel))),\(Markup.c(frame.py($0.validationAccuracy)))" }
                s += "<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
            }
            for p in sorted {
                let cx = Markup.c(frame.px(p.energyRel)), cy = Markup.c(frame.py(p.validationAccuracy))
                s += color == "#999999"
                    ? "<rect x=\"\(cx)\" y=\"\(cy)\" width=\"6\" height=\"6\" transform=\"translate(-3 -3)\" fill=\"\(color)\"><title>\(Markup.escape(p.assignment.first ?? ""))</title></rect>"
                    : "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.5\" fill=\"\(color)\"><title>\(Markup.escape(p.assignment.joined(separator: ", ")))</title></circle>"
            }
        }
        return s + frame.legend(groups.map { ($0.1, $0.0) } + [("#555555", "exact 8-bit")], bottom: true) + "</svg>"
    }

    private func frontTable(_ f: SearchResult) -> String {
        var s = "<table><caption>Pareto front (validation; test separately)</caption><thead><tr><th>energy rel</th><th>validation</th><th>test</th><th>distinct</th>"
        s += f.layers.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for p in f.front {
            s += "<tr><td>\(Markup.number(p.energyRel))</td><td>\(Markup.number(p.validationAccuracy))</td><td>\(Markup.number(p.testAccuracy))</td><td>\(p.distinct)</td>"
            s += p.assignment.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table>"
    }

    private func sensitivityHeatmap(_ t: SensitivityTable) -> String {
        let loss = t.accuracy.flatMap { $0.map { 100 * (t.exactAccuracy - $0) } }
        let map = Heatmap(title: "Accuracy loss (points) with one layer approximate", xLabel: "design index",
                          yLabel: "layer index", legendLabel: "loss (percentage points)",
                          xValues: (0..<UInt64(t.designs.count)).map { $0 }, yValues: (0..<UInt64(t.layers.count)).map { $0 },
                          values: loss, limit: loss.map(abs).max() ?? 1)
        return map.svg()
    }
}
