import Foundation
import Records

/// The `delaparra` and `hammad` experiments in a results report: their figures and the tables
/// behind them.
extension ResultsSection {
    func proxyExperimentSections() -> String {
        var s = ""
        for (file, e) in folder.delaParras {
            s += "<h3>De la Parra et al. retraining experiment: \(Markup.escape(file))</h3>"
            s += "<p class=\"note\">\(Markup.escape(e.settings.model)) on \(Markup.escape(e.settings.data)); quantised 8-bit accuracy "
                + "\(Markup.number(e.quantisedAccuracy))\(e.epsilonReference.map { "; the control's exact accuracy after retraining (ε's reference) " + Markup.number($0) } ?? ""), "
                + "tolerance ε = \(Markup.number(e.settings.tolerance)).</p>"
            s += "<div class=\"plots\">" + ExperimentFigures.delaParra(e).map(\.svg).joined() + "</div>" + delaParraTable(e)
        }
        for (file, e) in folder.hammads {
            s += "<h3>Hammad &amp; El-Sankary hybrid-training experiment: \(Markup.escape(file))</h3>"
            s += "<p class=\"note\">\(Markup.escape(e.settings.model)) on \(Markup.escape(e.settings.data)), \(e.settings.epochs) epochs; "
                + "exact baseline \(Markup.number(e.baselineAccuracy)).</p>"
            s += "<div class=\"plots\">" + ExperimentFigures.hammad(e).map(\.svg).joined() + "</div>" + hammadTable(e)
        }
        return s
    }

    private func delaParraTable(_ e: DelaParraResult) -> String {
        var s = "<table><caption>Behavioural accuracy after retraining per method (before: no retraining; mean ± SD where several seeds ran)</caption><thead><tr><th>multiplier</th><th>MRE</th><th>before</th>"
        for m in e.methods { s += "<th>\(Markup.escape(m.name))</th>" }
        s += "</tr></thead><tbody>"
        for mult in e.multipliers {
            s += "<tr><td>\(Markup.escape(mult.name))</td><td>\(Markup.number(mult.mre))</td><td>\(Markup.number(e.before(mult.name)))</td>"
            for m in e.methods {
                let v = e.afterSeeds(m, mult.name)
                s += "<td>\(Markup.number(v?.mean))\(v?.sd.map { " ± " + Markup.number($0) } ?? "")</td>"
            }
            s += "</tr>"
        }
        return s + "</tbody></table>"
    }

    private func hammadTable(_ e: HammadResult) -> String {
        var s = "<table><caption>Tables II and III: accuracy with every epoch approximate, and the hybrid schedule found</caption>"
            + "<thead><tr><th>setting</th><th>realised MRE</th><th>realised SD</th><th>all approximate</th><th>approx. epochs</th><th>hybrid accuracy</th><th>utilisation</th></tr></thead><tbody>"
        for r in e.rows(seed: 1) {
            let w = r.sweep
            s += "<tr><td>\(Markup.escape(w.label))</td><td>\(Markup.number(w.realised.mre))</td><td>\(Markup.number(w.realised.sd))</td><td>\(Markup.number(w.approxAccuracy))</td>"
            s += r.searched ? "<td>\(w.switchEpoch)/\(e.settings.epochs)</td><td>\(Markup.number(w.accuracy))</td><td>\(Markup.number(w.utilisation))</td>" : "<td>-</td><td>-</td><td>-</td>"
            s += "</tr>"
        }
        return s + "</tbody></table>"
    }
}
