/// Symmetric 8-bit quantisation, the seed paper's eq. (1).
///
/// Z̃ = round(Z/Δ) (half away from zero); Zq = clamp(Z̃, −128, 127)·Δ. Magnitude 128 therefore only
/// ever occurs for −128, which is why sign-magnitude tables need rows/columns 0...128.
public enum Quantiser {
    /// Smallest representable integer, −2^(bw−1).
    public static let qMin: Int = -128
    /// Largest representable integer, 2^(bw−1) − 1.
    public static let qMax: Int = 127

    /// The integer code of `x` for step `delta` (eq. 1 without the final multiplication by Δ).
    @inline(__always)
    public static func code(_ x: Float, delta: Float) -> Int8 {
        let r = (x / delta).rounded(.toNearestOrAwayFromZero)
        if !(r > Float(qMin)) { return r.isNaN ? 0 : Int8(qMin) }   // Z̃ ≤ −128 (NaN → 0)
        if r >= Float(qMax) { return Int8(qMax) }
        return Int8(r)
    }

    /// Eq. (1): the quantised real value Zq.
    @inline(__always)
    public static func quantise(_ x: Float, delta: Float) -> Float {
        Float(code(x, delta: delta)) * delta
    }

    /// The step that maps a max-abs of `range` onto code 127 (guarded: a zero range gives Δ = 1).
    public static func delta(forRange range: Float) -> Float {
        range > 0 && range.isFinite ? range / Float(qMax) : 1
    }

    /// Codes of a whole buffer with one step.
    public static func codes(_ xs: [Float], delta: Float) -> [Int8] {
        xs.map { code($0, delta: delta) }
    }

    /// Codes of a row-major [channels, rest] buffer with one step per channel (axis 0).
    public static func codes(_ xs: [Float], perChannel deltas: [Float]) -> [Int8] {
        let per = deltas.isEmpty ? 0 : xs.count / deltas.count
        precondition(per * deltas.count == xs.count, "Quantiser: \(xs.count) values for \(deltas.count) channels")
        var out = [Int8](repeating: 0, count: xs.count)
        for c in 0..<deltas.count {
            let d = deltas[c]
            for i in c * per..<(c + 1) * per { out[i] = code(xs[i], delta: d) }
        }
        return out
    }
}
