import Records

/// Raw per-seed measurements of the Table 1 recipe and their aggregation into figure rows.
struct Table1Measurements {
    struct Key: Hashable { var app, method, column: String }
    /// One evaluation of one seed's network with one multiplier.
    struct Point { var seed: UInt64; var eval: Evaluation }

    var fig6: [Key: [Point]] = [:]
    var fig7: [Key: (flipRate: Double, accuracies: [Double])] = [:]

    mutating func addFig6(_ app: String, _ method: String, _ multiplier: String, _ seed: UInt64, _ eval: Evaluation) {
        fig6[Key(app: app, method: method, column: multiplier), default: []].append(Point(seed: seed, eval: eval))
    }

    mutating func addFig7(_ app: String, _ method: String, _ level: String, _ rate: Double, _ accuracies: [Double]) {
        let key = Key(app: app, method: method, column: level)
        fig7[key] = (rate, (fig7[key]?.accuracies ?? []) + accuracies)
    }

    /// Misclassified test samples of one evaluation (accuracy × samples, rounded).
    static func wrong(_ e: Evaluation) -> Int { e.samples - Int((e.accuracy * Double(e.samples)).rounded()) }

    /// Fig. 6 rows in app, method, multiplier order; means over seeds, normalised per seed to BP
    /// with the accurate multiplier (`Table1Result.normalisationText`).
    func fig6Rows(apps: [Table1App], multipliers: [Table1Multiplier]) -> [Fig6Row] {
        var rows: [Fig6Row] = []
        guard let accurate = multipliers.first?.design else { return rows }
        for app in apps {
            let reference = Dictionary(fig6[Key(app: app.name, method: "BP", column: accurate)]?.map { ($0.seed, Self.wrong($0.eval)) } ?? [],
                                       uniquingKeysWith: { a, _ in a })
            for method in ["BP", "AxTrain-act", "AxTrain"] {
                for mult in multipliers {
                    guard let points = fig6[Key(app: app.name, method: method, column: mult.design)], !points.isEmpty else { continue }
                    let n = Double(points.count)
                    let norm = points.map { Double(max(1, Self.wrong($0.eval))) / Double(max(1, reference[$0.seed] ?? 0)) }
                    rows.append(Fig6Row(app: app.name, method: method, multiplier: mult.design,
                                        accuracy: points.map(\.eval.accuracy).reduce(0, +) / n,
                                        errorRate: points.map { 1 - $0.eval.accuracy }.reduce(0, +) / n,
                                        loss: points.map(\.eval.loss).reduce(0, +) / n,
                                        normalisedError: norm.reduce(0, +) / n))
                }
            }
        }
        return rows
    }

    /// Fig. 7 rows in app, method, level order: mean and sample SD over all runs of all seeds.
    func fig7Rows(apps: [Table1App]) -> [Fig7Row] {
        var rows: [Fig7Row] = []
        for app in apps {
            for method in ["BP", "AxTrain-act", "AxTrain"] {
                let keys = fig7.keys.filter { $0.app == app.name && $0.method == method }
                    .sorted { (fig7[$0]?.flipRate ?? 0) > (fig7[$1]?.flipRate ?? 0) }
                for key in keys {
                    guard let (rate, accs) = fig7[key] else { continue }
                    let (mean, sd) = Self.meanSD(accs)
                    rows.append(Fig7Row(app: app.name, method: method, level: key.column, flipRate: rate,
                                        accuracyMean: mean, accuracySD: sd, runs: accs.count))
                }
            }
        }
        return rows
    }

    /// Mean and sample standard deviation (n − 1; 0 for fewer than two values).
    static func meanSD(_ xs: [Double]) -> (Double, Double) {
        guard let first = xs.first else { return (0, 0) }
        if xs.allSatisfy({ $0 == first }) { return (first, 0) }
        let mean = xs.reduce(0, +) / Double(xs.count)
        guard xs.count > 1 else { return (mean, 0) }
        let v = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)
        return (mean, v.squareRoot())
    }
}
