import Circuits

/// The error surfaces of one design, as plotted in the report.
///
/// `errors` holds e = approx − exact on the unsigned domain, row = operand a, column = operand b.
/// Operands of up to 8 bits are taken exhaustively; wider ones are sampled at 256 evenly spaced
/// values each (point samples, not bin means). `relative` holds e / max(exact, 1) in percent on the
/// magnitude domain (operands 0…2^(n−1)), sampled the same way.
public struct ErrorMaps: Sendable {
    public var aValues: [UInt64]
    public var bValues: [UInt64]
    public var errors: [Double]
    public var magA: [UInt64]
    public var magB: [UInt64]
    public var relative: [Double]

    /// True when every operand pair of the unsigned domain is in `errors`.
    public var exhaustive: Bool

    /// Largest operand count per axis kept in a map.
    public static let maxSamples = 256

    /// Evaluates `design` on the sampled grids.
    public init(design: Design) throws(DesignError) {
        let f = try design.productFunction()
        aValues = Self.samples(upTo: (1 << UInt64(design.widthA)) - 1)
        bValues = Self.samples(upTo: (1 << UInt64(design.widthB)) - 1)
        exhaustive = aValues.count == 1 << design.widthA && bValues.count == 1 << design.widthB
        magA = Self.samples(upTo: 1 << UInt64(design.widthA - 1))
        magB = Self.samples(upTo: 1 << UInt64(design.widthB - 1))
        let bv = bValues, mb = magB
        errors = aValues.flatMap { a in bv.map { b in Double(f(a, b)) - Double(a * b) } }
        relative = magA.flatMap { a in
            mb.map { b in 100 * (Double(f(a, b)) - Double(a * b)) / Double(max(a * b, 1)) }
        }
    }

    /// 0…max exhaustively when that is at most `maxSamples` values, else `maxSamples` evenly spaced values.
    static func samples(upTo max: UInt64) -> [UInt64] {
        if max < UInt64(maxSamples) { return Array(0...max) }
        let n = UInt64(maxSamples - 1)
        return (0...n).map { i in (i * max + n / 2) / n }
    }

    /// Error histogram: (bin centre or value, share of pairs in percent). Integer errors spanning at
    /// most 61 values get one bin each, otherwise 50 equal-width bins.
    public func histogram() -> [(lo: Double, hi: Double, percent: Double)] {
        guard let lo = errors.min(), let hi = errors.max() else { return [] }
        let integerBins = hi - lo <= 60
        let count = integerBins ? Int(hi - lo) + 1 : 50
        let width = integerBins ? 1 : (hi - lo) / Double(count)
        let start = integerBins ? lo - 0.5 : lo
        var counts = [Int](repeating: 0, count: count)
        for e in errors { counts[min(count - 1, Int((e - start) / width))] += 1 }
        let total = Double(errors.count)
        return counts.enumerated().map { i, n in
            (start + Double(i) * width, start + Double(i + 1) * width, 100 * Double(n) / total)
        }
    }
}
