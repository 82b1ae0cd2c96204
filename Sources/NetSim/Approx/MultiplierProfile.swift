import TableFormat

/// Relative-error figures of a signed product table over all non-zero magnitude pairs 1...128 (general
/// signed tables: all non-zero signed pairs),
/// used to parameterise the baseline model's Err ~ N(1, σ).
public struct MultiplierProfile: Sendable, Equatable, Codable {
    /// mre_nonzero as a fraction: the mean of |approx − exact| / |exact| over the non-zero pairs (the MRE
    /// of De la Parra's eq. 2, which the paper's tables and docs/approx.md use). It is Circuits'
    /// `ErrorMetrics.mreNonzeroPct` / 100 of the magnitude domain (checked by a test); docs/cost-model.md
    /// gives every relative-error definition.
    public var mreNonzero: Double
    /// Mean and standard deviation of the signed relative error (approx − exact) / exact.
    public var relativeErrorMean: Double
    public var relativeErrorSD: Double

    /// Figures of `table`, summed exactly in order (Double).
    /// A general signed table is profiled over all non-zero signed pairs x, w in −128...127, with
    /// r = (P(x, w) − x·w) / (x·w).
    public init(_ table: SignedProductTable) {
        var sumAbs = 0.0, sum = 0.0, sumSq = 0.0
        let general = table.isGeneralSigned
        let values = general ? (-128...127).filter { $0 != 0 } : Array(1...128)
        let n = Double(values.count * values.count)
        for a in values {
            for b in values {
                let exact = Double(a * b)
                let approx = general ? Double(table.product(Int8(a), Int8(b))) : Double(table.magnitude(a, b))
                let r = RelativeError.signed(approx: approx, exact: exact)
                sumAbs += abs(r); sum += r; sumSq += r * r
            }
        }
        mreNonzero = sumAbs / n
        relativeErrorMean = sum / n
        relativeErrorSD = max(sumSq / n - relativeErrorMean * relativeErrorMean, 0).squareRoot()
    }
}
