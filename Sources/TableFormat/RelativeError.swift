/// The one definition of a product's relative error, used by Circuits' characterisation (`ErrorSums`,
/// whose vectorised scans `TableScan` and `CompositionScan` are agreement-tested against it) and by
/// NetSim's `MultiplierProfile`. The figures built on it, and which tables and filters use which, are in
/// docs/cost-model.md ("Relative error: one name per definition"):
/// - `mre_nonzero_pct` / `MultiplierProfile.mreNonzero`: mean of `magnitude` over the pairs whose exact
///   product is non-zero (De la Parra's eq. 2; the "MRE" of docs/approx.md and `--library-filter mre`);
/// - `mre_pct`: unsigned and signed domains as `mre_nonzero_pct`; the magnitude domain (SMApprox) also
///   counts |e| of the zero products and divides by (2^(n−1))²;
/// - `wcre_pct`: the largest `magnitude`;
/// - `MultiplierProfile.relativeErrorMean` / `relativeErrorSD`: mean and SD of `signed`.
public enum RelativeError {
    /// (approx − exact) / exact, for an exact product that is not zero.
    @inlinable @inline(__always)
    public static func signed(approx: Double, exact: Double) -> Double { (approx - exact) / exact }

    /// |approx − exact| / |exact|, for an exact product that is not zero.
    @inlinable @inline(__always)
    public static func magnitude(approx: Double, exact: Double) -> Double { abs(approx - exact) / abs(exact) }

    /// |e| / |exact| from the absolute error |e| and the exact product's magnitude (integer scans).
    @inlinable @inline(__always)
    public static func magnitude(absError: Double, exactMagnitude: Double) -> Double { absError / exactMagnitude }
}
