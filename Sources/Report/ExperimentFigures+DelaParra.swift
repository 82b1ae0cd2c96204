import Foundation

/// Figs. 6 and 7 of De la Parra et al. (ASP-DAC 2021) from a `delaparra` `experiment.json`:
/// behavioural accuracy after retraining per method and SMApprox multiplier, against the 1 %
/// tolerance line below the quantised 8-bit accuracy.
extension ExperimentFigures {
    /// The keys of a `delaparra` result the figures and the report section need.
    public struct DelaParra: Sendable, Codable, Equatable {
        public struct Multiplier: Sendable, Codable, Equatable { public var name: String; public var mre: Double }
        public struct Method: Sendable, Codable, Equatable {
            public var name: String
            public var exactMultiplier: Bool
            enum CodingKeys: String, CodingKey { case name, exactMultiplier = "exact_multiplier" }
        }
        public struct Accuracy: Sendable, Codable, Equatable { public var multiplier: String; public var accuracy: Double }
        public struct Retrain: Sendable, Codable, Equatable {
            public var method: String
            public var multiplier: String
            public var before: Double
            public var after: Double
            public var cross: [Accuracy]
            /// Seed number (absent = 1).
            public var seed: Int?
            var isSeedOne: Bool { (seed ?? 1) == 1 }
        }
        public struct Settings: Sendable, Codable, Equatable { public var model: String; public var data: String; public var tolerance: Double }
        /// Mean ± SD after retraining over the seeds that ran (absent in single-seed results).
        public struct SeedSummary: Sendable, Codable, Equatable {
            public var method: String
            public var multiplier: String
            public var n: Int
            public var mean: Double
            public var sd: Double?
        }
        public var recipe: String
        public var settings: Settings
        public var methods: [Method]
        public var multipliers: [Multiplier]
        public var quantisedAccuracy: Double
        public var retrains: [Retrain]
        public var retrainSeeds: [SeedSummary]?
        enum CodingKeys: String, CodingKey {
            case recipe, settings, methods, multipliers, quantisedAccuracy = "quantised_accuracy", retrains, retrainSeeds = "retrain_seeds"
        }

        /// Accuracy after retraining and its SD over the seeds: the mean with the sample SD when more
        /// than one seed ran, else seed 1's value (the control: its evaluation there).
        public func afterSeeds(_ method: Method, _ multiplier: String) -> (mean: Double, sd: Double?)? {
            if let s = retrainSeeds?.first(where: { $0.method == method.name && $0.multiplier == multiplier }), s.n > 1 { return (s.mean, s.sd) }
            return after(method, multiplier).map { ($0, nil) }
        }

        /// Accuracy after retraining with `method` on `multiplier` (the control: its evaluation there).
        public func after(_ method: Method, _ multiplier: String) -> Double? {
            if method.exactMultiplier {
                return retrains.first { $0.method == method.name && $0.isSeedOne }?.cross.first { $0.multiplier == multiplier }?.accuracy
            }
            return retrains.first { $0.method == method.name && $0.multiplier == multiplier && $0.isSeedOne }?.after
        }

        /// Accuracy before retraining on `multiplier` (from any cell that retrained for it).
        public func before(_ multiplier: String) -> Double? { retrains.first { $0.multiplier == multiplier && $0.isSeedOne }?.before }
    }

    /// fig6.svg (error model vs baseline vs AWGN vs the control) and fig7.svg (behavioural vs error model).
    static func delaParra(_ e: DelaParra) -> [(name: String, svg: String)] {
        let known = Set(e.methods.map(\.name))
        let fig6 = ["before"] + ["errormodel", "baseline", "baseline-mean", "awgn", "control"].filter(known.contains)
        let fig7 = ["before"] + ["behavioural", "errormodel"].filter(known.contains)
        return [("fig6.svg", delaParraPanel(e, fig6, title: "Fig. 6: comparison of error models for retraining")),
                ("fig7.svg", delaParraPanel(e, fig7, title: "Fig. 7: retraining with the behavioural simulation vs the error model"))]
    }

    static func delaParraPanel(_ e: DelaParra, _ shown: [String], title: String) -> String {
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
        let line = e.quantisedAccuracy - e.settings.tolerance
        let panel = f.open() + groupedBars(f, bars, groups: shown.count, labels: true) + referenceLine(f, at: line)
            + Markup.text("quantised 8-bit \(Markup.number(e.quantisedAccuracy)) − ε", x: f.left + 8, y: f.py(line) - 4, size: 10, anchor: "start")
            + "</svg>"
        let sub = "accuracy after retraining (mean ± SD over the seeds where more than one ran); \"before\" = the base model without retraining; dashed line = quantised 8-bit accuracy − ε (ε = \(Markup.number(e.settings.tolerance * 100)) points)"
        return grid(title: title, subtitle: sub, legend: shown, panels: [panel], panelWidth: f.width, panelHeight: f.height)
    }
}
