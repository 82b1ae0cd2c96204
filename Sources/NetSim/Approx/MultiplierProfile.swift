/// Relative-error figures of a signed product table over all non-zero magnitude pairs 1...128 (general
/// signed tables: all non-zero signed pairs),
/// used to parameterise the baseline model's Err ~ N(1, σ).
public struct MultiplierProfile: Sendable, Equatable, Codable {
    /// Mean of |approx − exact| / exact (the MRE of eq. 2 restricted to non-zero products).
    public var meanRelativeError: Double
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
                let r = (approx - exact) / exact
                sumAbs += abs(r); sum += r; sumSq += r * r
            }
        }
        meanRelativeError = sumAbs / n
        relativeErrorMean = sum / n
        relativeErrorSD = max(sumSq / n - relativeErrorMean * relativeErrorMean, 0).squareRoot()
    }
}
