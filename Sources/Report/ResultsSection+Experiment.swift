import Foundation
import Records

/// AxTrain Table 1 experiments: Figs. 6, 7 and 4 plus the tables behind them and the paper-style
/// averages (error reduction vs BP per multiplier, NTV accuracy gain per level).
extension ResultsSection {
    func experimentSections() -> String {
        var s = ""
        for (file, e) in folder.experiments {
            s += "<h3>AxTrain Table 1 experiment: \(Markup.escape(file))</h3>"
            s += "<p class=\"note\">\(Markup.escape(e.normalisation)). Run time \(Markup.number(e.seconds)) s.</p>"
            s += "<div class=\"plots\">" + ExperimentFigures.render(e).map(\.svg).joined() + "</div>"
            s += fig6Table(e) + fig7Table(e)
        }
        return s
    }

    private func fig6Table(_ e: Table1Result) -> String {
        let ks = e.multipliers
        var s = "<table><caption>Fig. 6 data: normalised error (test error rate) per app, method and multiplier</caption><thead><tr><th>app</th><th>method</th>"
        for k in ks { s += "<th>\(Markup.escape(k.label)) (\(Markup.escape(k.design)))</th>" }
        s += "</tr></thead><tbody>"
        for app in e.apps {
            for m in ExperimentFigures.methods {
                s += "<tr><td>\(Markup.escape(app.name))</td><td>\(Markup.escape(m))</td>"
                for k in ks {
                    let r = e.fig6.first { $0.app == app.name && $0.method == m && $0.multiplier == k.design }
                    s += "<td>\(r.map { "\(Markup.number($0.normalisedError)) (\(Markup.number($0.errorRate)))" } ?? "-")</td>"
                }
                s += "</tr>"
            }
        }
        s += "<tr><td>mean reduction vs BP</td><td>AxTrain-act / AxTrain</td>"
        for k in ks {
            let a = ExperimentFigures.meanReduction(e, method: "AxTrain-act", design: k.design)
            let b = ExperimentFigures.meanReduction(e, method: "AxTrain", design: k.design)
            s += "<td>\(percent(a)) / \(percent(b))</td>"
        }
        return s + "</tr></tbody></table>"
    }

    private func fig7Table(_ e: Table1Result) -> String {
        var s = "<table><caption>Fig. 7 data: test accuracy mean ± SD under NTV weight storage</caption><thead><tr><th>app</th><th>level</th><th>flip rate</th>"
        for m in ExperimentFigures.methods { s += "<th>\(Markup.escape(m))</th>" }
        s += "</tr></thead><tbody>"
        for app in e.apps {
            var levels: [String] = []
            for r in e.fig7 where r.app == app.name && !levels.contains(r.level) { levels.append(r.level) }
            for level in levels {
                let rate = e.fig7.first { $0.app == app.name && $0.level == level }?.flipRate
                s += "<tr><td>\(Markup.escape(app.name))</td><td>\(Markup.escape(level))</td><td>\(Markup.number(rate))</td>"
                for m in ExperimentFigures.methods {
                    let r = e.fig7.first { $0.app == app.name && $0.level == level && $0.method == m }
                    s += "<td>\(r.map { "\(Markup.number($0.accuracyMean)) ± \(Markup.number($0.accuracySD)) (n=\($0.runs))" } ?? "-")</td>"
                }
                s += "</tr>"
            }
        }
        return s + "</tbody></table>"
    }

    private func percent(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
}

extension ExperimentFigures {
    /// Mean over apps of 1 − normalised error(method) / normalised error(BP) with the same
    /// multiplier: the paper's "reduces error by x% on average"; nil if no app has both.
    public static func meanReduction(_ e: Table1Result, method: String, design: String) -> Double? {
        let values = e.apps.compactMap { app -> Double? in
            guard let bp = e.fig6.first(where: { $0.app == app.name && $0.method == "BP" && $0.multiplier == design }),
                  let m = e.fig6.first(where: { $0.app == app.name && $0.method == method && $0.multiplier == design }),
                  bp.normalisedError > 0 else { return nil }
            return 1 - m.normalisedError / bp.normalisedError
        }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
