import TableFormat
/// Exact running sums of e = approx − exact over a set of operand pairs, from which every metric follows.
///
/// Integer sums are exact (Int128); the relative-error sum |e|/(a·b) is compensated. Merging partial sums
/// in a fixed order keeps results independent of the number of threads.
public struct ErrorSums: Sendable, Equatable {
    public var pairs: Int64 = 0
    /// Pairs with e ≠ 0.
    public var nonzero: Int64 = 0
    public var sumError: Int128 = 0
    public var sumAbsError: Int128 = 0
    public var sumSquaredError: Int128 = 0
    public var maxAbsError: Int64 = 0
    /// Pairs with a·b ≠ 0, the denominator of the unsigned-domain MRE.
    public var nonzeroProductPairs: Int64 = 0
    /// Σ|e| over the pairs with a·b = 0 (they enter the magnitude-domain MRE with divisor 1).
    public var zeroProductAbsError: Int128 = 0
    /// Σ |e|/(a·b) over the pairs with a·b ≠ 0.
    public var relativeErrorSum = CompensatedSum()
    /// max |e|/(a·b) over the pairs with a·b ≠ 0.
    public var maxRelativeError = 0.0

    public init() {}

    /// Adds one pair's error.
    @inline(__always) public mutating func add(error e: Int64, a: UInt64, b: UInt64) {
        let m = e.magnitude
        pairs += 1
        if e != 0 { nonzero += 1 }
        sumError += Int128(e)
        sumAbsError += Int128(m)
        sumSquaredError += Int128(e) * Int128(e)
        maxAbsError = max(maxAbsError, Int64(m))
        if a == 0 || b == 0 {
            zeroProductAbsError += Int128(m)
        } else {
            nonzeroProductPairs += 1
            let r = RelativeError.magnitude(absError: Double(m), exactMagnitude: Double(a) * Double(b))
            relativeErrorSum.add(r)
            maxRelativeError = max(maxRelativeError, r)
        }
    }

    /// Adds the sums of a disjoint set of pairs.
    public mutating func merge(_ o: ErrorSums) {
        pairs += o.pairs
        nonzero += o.nonzero
        sumError += o.sumError
        sumAbsError += o.sumAbsError
        sumSquaredError += o.sumSquaredError
        maxAbsError = max(maxAbsError, o.maxAbsError)
        nonzeroProductPairs += o.nonzeroProductPairs
        zeroProductAbsError += o.zeroProductAbsError
        relativeErrorSum.add(o.relativeErrorSum)
        maxRelativeError = max(maxRelativeError, o.maxRelativeError)
    }
}
