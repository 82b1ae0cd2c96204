/// Relative-error figures of a signed product table over all non-zero magnitude pairs 1...128,
/// used to parameterise the baseline model's Err ~ N(1, σ).
public struct MultiplierProfile: Sendable, Equatable, Codable {
    /// Mean of |approx − exact| / exact (the MRE of eq. 2 restricted to non-zero products).
    public var meanRelativeError: Double
    /// Mean and standard deviation of the signed relative error (approx − exact) / exact.
    public var relativeErrorMean: Double
    public var relativeErrorSD: Double

    /// Figures of `table`, summed exactly in order (Double).
    public init(_ table: SignedProductTable) {
        var sumAbs = 0.0, sum = 0.0, sumSq = 0.0
        let n = 128.0 * 128.0
        for a in 1...128 {
            for b in 1...128 {
                let exact = Double(a * b), r = (Double(table.magnitude(a, b)) - exact) / exact
                sumAbs += abs(r); sum += r; sumSq += r * r
            }
        }
        meanRelativeError = sumAbs / n
        relativeErrorMean = sum / n
        relativeErrorSD = max(sumSq / n - relativeErrorMean * relativeErrorMean, 0).squareRoot()
    }
}
