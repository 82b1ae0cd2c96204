/// How well a cost model's power (and size) ranks and scales designs against published measurements:
/// Spearman's rank correlation ρ, the spread (largest / smallest power) of each within the table, and the
/// range of model / published power after each side is divided by its own table's largest value.
public struct CostModelCheck: Sendable, Equatable, Codable {
    /// What a model says of one design: power relative to its exact reference, and its size.
    public struct Figures: Sendable, Equatable {
        public var powerRel: Double
        public var luts: Int?
        public var areaUm2: Double?
        public init(powerRel: Double, luts: Int? = nil, areaUm2: Double? = nil) { (self.powerRel, self.luts, self.areaUm2) = (powerRel, luts, areaUm2) }
    }

    public struct Row: Sendable, Equatable, Codable {
        public var design: String
        public var publishedW: Double
        /// The model's power relative to the exact design of the same width (`power_rel`).
        public var modelRel: Double
        public var modelLuts: Int?
        public var publishedLuts: Int?
        public var modelAreaUm2: Double?
        public var publishedAreaUm2: Double?
        enum CodingKeys: String, CodingKey {
            case design, publishedW = "published_w", modelRel = "model_power_rel", modelLuts = "model_luts", publishedLuts = "published_luts"
            case modelAreaUm2 = "model_area_um2", publishedAreaUm2 = "published_area_um2"
        }
    }

    public var table: String
    public var source: String
    public var costModel: String
    public var rows: [Row]
    /// Spearman's ρ between published power and the model's (ties get their mean rank); and for LUTs or area.
    public var powerRankCorrelation: Double
    public var lutRankCorrelation: Double?
    public var areaRankCorrelation: Double?
    /// Largest / smallest power within the table, published and modelled.
    public var publishedSpread: Double
    public var modelSpread: Double
    /// Smallest and largest (model / model's largest) ÷ (published / published's largest) over the rows:
    /// 1 … 1 when the model scales designs as measured.
    public var ratioRange: [Double]

    enum CodingKeys: String, CodingKey {
        case table, source, costModel = "cost_model", rows, powerRankCorrelation = "power_rank_correlation"
        case lutRankCorrelation = "lut_rank_correlation", areaRankCorrelation = "area_rank_correlation"
        case publishedSpread = "published_spread", modelSpread = "model_spread", ratioRange = "ratio_range"
    }

    public init(table: PublishedCost.Table, costModel: String, model: [String: Figures]) {
        (self.table, source, self.costModel) = (table.name, table.source, costModel)
        rows = table.rows.map { r in
            let m = model[r.design]
            return Row(design: r.design, publishedW: r.powerW, modelRel: m?.powerRel ?? .nan, modelLuts: m?.luts, publishedLuts: r.luts,
                       modelAreaUm2: m?.areaUm2, publishedAreaUm2: r.areaUm2)
        }
        powerRankCorrelation = Self.spearman(rows.map(\.publishedW), rows.map(\.modelRel))
        lutRankCorrelation = Self.pairedSpearman(rows.map { r in r.publishedLuts.flatMap { p in r.modelLuts.map { (Double(p), Double($0)) } } })
        areaRankCorrelation = Self.pairedSpearman(rows.map { r in r.publishedAreaUm2.flatMap { p in r.modelAreaUm2.map { (p, $0) } } })
        publishedSpread = Self.spread(rows.map(\.publishedW))
        modelSpread = Self.spread(rows.map(\.modelRel))
        let (pMax, mMax) = (rows.map(\.publishedW).max() ?? .nan, rows.map(\.modelRel).max() ?? .nan)
        let ratios = rows.filter { $0.publishedW > 0 }.map { ($0.modelRel / mMax) / ($0.publishedW / pMax) }
        ratioRange = [ratios.min() ?? .nan, ratios.max() ?? .nan]
    }

    /// Spearman's ρ of the pairs when every row has one; nil otherwise.
    static func pairedSpearman(_ pairs: [(Double, Double)?]) -> Double? {
        let known = pairs.compactMap { $0 }
        return known.count == pairs.count && known.count > 1 ? spearman(known.map(\.0), known.map(\.1)) : nil
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
