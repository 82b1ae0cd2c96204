/// A parametric multiplier family, evaluated from its definition rather than a netlist.
public enum Formula: Sendable, Hashable {
    /// DRUM(k): per operand, if the leading one is at position t ≥ k, keep bits t..t−k+1,
    /// force the lowest kept bit to 1, multiply, and shift back.
    case drum(width: Int, k: Int)
    /// Mitchell's logarithmic multiplier (piecewise-linear log2, add, antilog), truncating.
    case mitchell(width: Int)
    /// Kulkarni's 2x2 block (3x3 = 7) composed recursively, partial products added exactly.
    case kulkarni(width: Int)
    /// Array multiplier that drops the partial-product bits a_i·b_j with i + j < t.
    case truncated(width: Int, t: Int)
    /// The exact product.
    case exact(width: Int)

    public var width: Int {
        switch self {
        case .drum(let w, _), .mitchell(let w), .kulkarni(let w), .truncated(let w, _), .exact(let w): w
        }
    }

    /// The product for operands a, b < 2^width.
    public func evaluate(_ a: UInt64, _ b: UInt64) -> UInt64 {
        switch self {
        case .exact: return a * b
        case .drum(_, let k): return Formula.drumReduce(a, k) * Formula.drumReduce(b, k)
        case .mitchell: return Formula.mitchell(a, b)
        case .kulkarni(let w): return Formula.kulkarni(a, b, width: w)
        case .truncated(let w, let t):
            var sum: UInt64 = 0
            for i in 0..<w where (a >> UInt64(i)) & 1 == 1 {
                for j in 0..<w where (b >> UInt64(j)) & 1 == 1 && i + j >= t {
                    sum += 1 << UInt64(i + j)
                }
            }
            return sum
        }
    }

    /// DRUM operand reduction: keep k bits from the leading one, set the lowest kept bit, keep the scale.
    static func drumReduce(_ x: UInt64, _ k: Int) -> UInt64 {
        guard x != 0 else { return 0 }
        let t = 63 - x.leadingZeroBitCount
        guard t >= k else { return x }
        let shift = UInt64(t - k + 1)
        return ((x >> shift) | 1) << shift
    }

    /// Mitchell: log2(x) ≈ t + f, f = (x − 2^t)/2^t; product = 2^(t1+t2)(1 + f1 + f2) if f1+f2 < 1,
    /// else 2^(t1+t2+1)(f1 + f2); computed exactly in fixed point and truncated to an integer.
    static func mitchell(_ a: UInt64, _ b: UInt64) -> UInt64 {
        guard a != 0, b != 0 else { return 0 }
        let ta = 63 - a.leadingZeroBitCount, tb = 63 - b.leadingZeroBitCount
        // Fractions scaled by 2^(ta+tb): fa = (a − 2^ta)·2^tb, fb = (b − 2^tb)·2^ta.
        let one: UInt64 = 1 << UInt64(ta + tb)
        let fsum = (a - (1 << UInt64(ta))) << UInt64(tb) + (b - (1 << UInt64(tb))) << UInt64(ta)
        return fsum < one ? one + fsum : 2 * fsum
    }

    static func kulkarni(_ a: UInt64, _ b: UInt64, width: Int) -> UInt64 {
        if width == 2 { return a == 3 && b == 3 ? 7 : a * b }
        let h = width / 2, mask: UInt64 = (1 << UInt64(h)) - 1
        let ll = kulkarni(a & mask, b & mask, width: h)
        let hl = kulkarni(a >> UInt64(h), b & mask, width: h)
        let lh = kulkarni(a & mask, b >> UInt64(h), width: h)
        let hh = kulkarni(a >> UInt64(h), b >> UInt64(h), width: h)
        return ll + (hl + lh) << UInt64(h) + hh << UInt64(2 * h)
    }
}
