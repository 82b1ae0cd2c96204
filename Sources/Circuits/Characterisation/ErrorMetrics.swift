/// The metric set of one design on one domain, with the JSON keys of the issue text.
///
/// Definitions: docs/cost-model.md ("Error metrics"). e = approx − exact.
public struct ErrorMetrics: Sendable, Codable, Equatable {
    public var epPct: Double
    public var mae: Double
    public var maePct: Double
    public var wce: Double
    public var wcePct: Double
    public var mse: Double
    /// The domain's MRE as its literature defines it (`mre_pct`): unsigned and signed, over the pairs with a
    /// non-zero exact product; magnitude (SMApprox), Σ |e| / max(1, a·b) over all pairs, zero products
    /// included, divided by (2^(n−1))².
    public var mrePct: Double
    /// Mean relative error over the pairs with a non-zero exact product, in percent, in every domain
    /// (`mre_nonzero_pct`; the "MRE" of De la Parra's tables, `MultiplierProfile.mreNonzero` × 100).
    public var mreNonzeroPct: Double
    public var wcrePct: Double
    public var bias: Double
    public var sd: Double
    public var nmed: Double

    enum CodingKeys: String, CodingKey {
        case epPct = "ep_pct", mae, maePct = "mae_pct", wce, wcePct = "wce_pct", mse, mrePct = "mre_pct"
        case mreNonzeroPct = "mre_nonzero_pct", wcrePct = "wcre_pct", bias, sd, nmed
    }

    /// Metrics from exact sums. `widthA`/`widthB` give 2^(wa+wb) (the _pct normaliser) and the domain's
    /// largest exact product; the magnitude-domain MRE divides by (2^(n−1))² as in the SMApprox literature.
    /// The signed domain uses the unsigned definitions with |x|, |w| in place of a, b: relative error
    /// |e| / |x·w| over the pairs with x·w ≠ 0, largest exact |product| 2^(n−1)·2^(n−1).
    public init(sums s: ErrorSums, domain: ErrorDomain, widthA: Int, widthB: Int) {
        precondition(s.pairs > 0, "metrics need at least one pair")
        let n = Int128(s.pairs)
        let scale = pow2(widthA + widthB)
        epPct = 100 * ExactInteger.ratio(Int128(s.nonzero), n)
        mae = ExactInteger.ratio(s.sumAbsError, n)
        maePct = 100 * mae / scale
        wce = Double(s.maxAbsError)
        wcePct = 100 * wce / scale
        mse = ExactInteger.ratio(s.sumSquaredError, n)
        bias = ExactInteger.ratio(s.sumError, n)
        let nn = ExactInteger(n)
        let spread = nn * ExactInteger(s.sumSquaredError) - ExactInteger(s.sumError) * ExactInteger(s.sumError)
        sd = ExactInteger.ratio(spread, nn * nn).squareRoot()
        let maxExact = Double(domain.maxOperand(width: widthA)) * Double(domain.maxOperand(width: widthB))
        nmed = mae / maxExact
        wcrePct = 100 * s.maxRelativeError
        mreNonzeroPct = s.nonzeroProductPairs == 0 ? 0 : 100 * s.relativeErrorSum.value / Double(s.nonzeroProductPairs)
        switch domain {
        case .unsigned, .signed:
            mrePct = mreNonzeroPct
        case .magnitude:
            let denominator = Double(domain.maxOperand(width: widthA)) * Double(domain.maxOperand(width: widthB))
            var total = s.relativeErrorSum
            total.add(Double(s.zeroProductAbsError))
            mrePct = 100 * total.value / denominator
        }
    }

    /// The metric keys, in the documented order.
    public static let keys = ["ep_pct", "mae", "mae_pct", "wce", "wce_pct", "mse", "mre_pct", "mre_nonzero_pct", "wcre_pct",
                              "bias", "sd", "nmed"]

    /// Every metric as (key, value), in the documented order (`keys`).
    public var keyed: [(String, Double)] {
        [("ep_pct", epPct), ("mae", mae), ("mae_pct", maePct), ("wce", wce), ("wce_pct", wcePct), ("mse", mse),
         ("mre_pct", mrePct), ("mre_nonzero_pct", mreNonzeroPct), ("wcre_pct", wcrePct), ("bias", bias), ("sd", sd), ("nmed", nmed)]
    }
}

private func pow2(_ k: Int) -> Double { Double(sign: .plus, exponent: k, significand: 1) }
