/// A signed two's-complement fixed-point word: `bits` wide with `fractionBits` after the binary
/// point (may exceed `bits − 1`: then the word has no integer bits and starts below 2^−1).
public struct FixedPointFormat: Sendable, Codable, Equatable {
    public var bits: Int
    public var fractionBits: Int

    public init(bits: Int, fractionBits: Int) {
        self.bits = bits
        self.fractionBits = fractionBits
    }

    /// Dynamic fixed point (one format per tensor): the smallest exponent e with max|x| ≤ 2^e
    /// sets the range [−2^e, 2^e), so no integer bit is spent beyond what the values need.
    public static func dynamic(for values: [Float], bits: Int) -> FixedPointFormat {
        let m = values.reduce(Float(0)) { max($0, abs($1)) }
        guard m > 0, m.isFinite else { return FixedPointFormat(bits: bits, fractionBits: bits - 1) }
        var e = Int(m.exponent)             // 2^e ≤ m < 2^(e+1)
        if m > Float(sign: .plus, exponent: e, significand: 1) { e += 1 }
        return FixedPointFormat(bits: bits, fractionBits: bits - 1 - e)
    }

    /// The value of one least significant bit.
    public var step: Float { Float(sign: .plus, exponent: -fractionBits, significand: 1) }
    var minCode: Int64 { -(Int64(1) << (bits - 1)) }
    var maxCode: Int64 { (Int64(1) << (bits - 1)) - 1 }

    /// Rounds to nearest and saturates to the word's range.
    public func encode(_ x: Float) -> Int64 {
        let q = (x / step).rounded()
        guard q.isFinite else { return q > 0 ? maxCode : minCode }
        return min(maxCode, max(minCode, Int64(max(-1e18, min(1e18, q)))))
    }

    /// The value of a `bits`-wide two's-complement code (upper bits ignored).
    public func decode(_ code: Int64) -> Float {
        let mask = (Int64(1) << bits) - 1
        var c = code & mask
        if c > maxCode { c -= Int64(1) << bits }
        return Float(c) * step
    }

    /// Quantise-dequantise.
    public func round(_ x: Float) -> Float { decode(encode(x)) }
}
