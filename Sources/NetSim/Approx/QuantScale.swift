/// The quantisation step(s) of one tensor: a single Δ, or one Δ per output channel (weights only).
public struct QuantScale: Sendable, Equatable, Codable {
    /// One step per channel along axis 0; a single element means per-tensor.
    public var deltas: [Float]

    /// A per-tensor step.
    public init(delta: Float) { deltas = [delta] }
    /// Per-channel steps (axis 0).
    public init(perChannel deltas: [Float]) { self.deltas = deltas }

    /// True when each output channel has its own step.
    public var isPerChannel: Bool { deltas.count > 1 }

    /// The step of channel `c` (the single step when per-tensor).
    @inline(__always)
    public func delta(channel c: Int) -> Float { deltas.count == 1 ? deltas[0] : deltas[c] }

    /// Max-abs scale of a weight buffer laid out [channels, rest]; per channel when asked.
    public static func forWeights(_ w: [Float], channels: Int, perChannel: Bool) -> QuantScale {
        guard perChannel, channels > 1 else {
            return QuantScale(delta: Quantiser.delta(forRange: maxAbs(w[...])))
        }
        let per = w.count / channels
        return QuantScale(perChannel: (0..<channels).map {
            Quantiser.delta(forRange: maxAbs(w[$0 * per..<($0 + 1) * per]))
        })
    }

    /// Integer codes of `w` ([channels, rest]) under this scale.
    public func codes(_ w: [Float]) -> [Int8] {
        isPerChannel ? Quantiser.codes(w, perChannel: deltas) : Quantiser.codes(w, delta: deltas[0])
    }

    /// Codes of the weight rows `rows` of a [channels, k] buffer, transposed to k × rows.count
    /// (the weight operand of `LUTGemm`: K × N).
    public func codesTransposed(_ w: [Float], rows: Range<Int>, k: Int) -> [Int8] {
        let n = rows.count
        var out = [Int8](repeating: 0, count: k * n)
        for (j, o) in rows.enumerated() {
            let d = delta(channel: o)
            for p in 0..<k { out[p * n + j] = Quantiser.code(w[o * k + p], delta: d) }
        }
        return out
    }

    /// Eq. (1) applied to `w` under this scale (fake quantisation).
    public func quantise(_ w: [Float]) -> [Float] {
        let per = w.count / deltas.count
        var out = w
        for i in 0..<w.count { out[i] = Quantiser.quantise(w[i], delta: delta(channel: i / per)) }
        return out
    }
}

/// Largest |x| of a slice (0 for an empty one; NaNs ignored).
func maxAbs(_ xs: ArraySlice<Float>) -> Float {
    var m: Float = 0
    for x in xs where abs(x) > m { m = abs(x) }
    return m
}
