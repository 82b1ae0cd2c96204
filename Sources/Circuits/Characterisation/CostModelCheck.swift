/// How well a cost model's power ranks and scales designs against published measurements: Spearman's
/// rank correlation ρ, and the spread (largest / smallest power) of each within the table.
public struct CostModelCheck: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var design: String
        public var publishedW: Double
        /// The model's power relative to the exact design of the same width (`power_rel`).
        public var modelRel: Double
        public var modelLuts: Int?
        public var publishedLuts: Int
        enum CodingKeys: String, CodingKey {
            case design, publishedW = "published_w", modelRel = "model_power_rel", modelLuts = "model_luts", publishedLuts = "published_luts"
        }
    }

    public var table: String
    public var source: String
    public var costModel: String
    public var rows: [Row]
    /// Spearman's ρ between published power and the model's (ties get their mean rank); and for LUTs.
    public var powerRankCorrelation: Double
    public var lutRankCorrelation: Double?
    /// Largest / smallest power within the table, published and modelled.
    public var publishedSpread: Double
    public var modelSpread: Double

    enum CodingKeys: String, CodingKey {
        case table, source, costModel = "cost_model", rows, powerRankCorrelation = "power_rank_correlation"
        case lutRankCorrelation = "lut_rank_correlation", publishedSpread = "published_spread", modelSpread = "model_spread"
    }

    public init(table: PublishedCost.Table, costModel: String, model: [String: CostEstimate]) {
        (self.table, source, self.costModel) = (table.name, table.source, costModel)
        rows = table.rows.map { r in
            Row(design: r.design, publishedW: r.powerW, modelRel: model[r.design]?.powerRel ?? .nan, modelLuts: model[r.design]?.luts,
                publishedLuts: r.luts)
        }
        powerRankCorrelation = Self.spearman(rows.map(\.publishedW), rows.map(\.modelRel))
        let luts = rows.compactMap { r in r.modelLuts.map { (Double(r.publishedLuts), Double($0)) } }
        lutRankCorrelation = luts.count == rows.count ? Self.spearman(luts.map(\.0), luts.map(\.1)) : nil
        publishedSpread = Self.spread(rows.map(\.publishedW))
        modelSpread = Self.spread(rows.map(\.modelRel))
    }

    /// Spearman's rank correlation: Pearson's correlation of the ranks (1 = smallest; ties share their mean rank).
    public static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count && a.count > 1, "two equally long lists of at least two values")
        let (ra, rb) = (ranks(a), ranks(b))
        let n = Double(a.count), ma = ra.reduce(0, +) / n, mb = rb.reduce(0, +) / n
        let cov = zip(ra, rb).map { ($0 - ma) * ($1 - mb) }.reduce(0, +)
        let va = ra.map { ($0 - ma) * ($0 - ma) }.reduce(0, +), vb = rb.map { ($0 - mb) * ($0 - mb) }.reduce(0, +)
        return va == 0 || vb == 0 ? .nan : cov / (va * vb).squareRoot()
    }

    /// 1-based ranks, ties at their mean rank.
    static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var r = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            for k in i...j { r[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return r
    }

    static func spread(_ x: [Double]) -> Double { (x.max() ?? .nan) / (x.min() ?? .nan) }
}
