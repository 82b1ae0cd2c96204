/// Activation-range calibration over calibration batches: max-abs, or a percentile of |x|.
///
/// Observes batches in order; the percentile keeps every `stride`-th magnitude (deterministic
/// subsampling) so memory stays bounded on large calibration sets.
public struct Calibrator: Sendable {
    /// How the range is chosen.
    public enum Method: Sendable, Equatable, Codable {
        /// Δ = max|x| / 127.
        case maxAbs
        /// Δ = percentile(|x|, p) / 127 (nearest-rank), with p in (0, 100].
        case percentile(Double)
    }

    public let method: Method
    private var maxSeen: Float = 0
    private var samples: [Float] = []
    private var seen = 0
    private var keepEvery = 1
    private let maxSamples: Int

    /// A calibrator; `maxSamples` bounds the magnitudes kept for the percentile method.
    public init(method: Method = .maxAbs, maxSamples: Int = 1 << 20) {
        self.method = method
        self.maxSamples = maxSamples
    }

    /// Feeds one batch of activations.
    public mutating func observe(_ xs: [Float]) {
        switch method {
        case .maxAbs:
            maxSeen = max(maxSeen, maxAbs(xs[...]))
        case .percentile:
            for x in xs where !x.isNaN {
                if seen % keepEvery == 0 { samples.append(abs(x)) }
                seen += 1
                if samples.count > maxSamples {
                    samples = Swift.stride(from: 0, to: samples.count, by: 2).map { samples[$0] }
                    keepEvery *= 2
                }
            }
        }
    }

    /// The calibrated range (the |x| that maps to code 127).
    public var range: Float {
        switch method {
        case .maxAbs:
            return maxSeen
        case .percentile(let p):
            guard !samples.isEmpty else { return 0 }
            let sorted = samples.sorted()
            let rank = Int((min(max(p, 0), 100) / 100 * Double(sorted.count)).rounded(.up))  // nearest rank
            return sorted[min(max(rank - 1, 0), sorted.count - 1)]
        }
    }

    /// The calibrated step Δ.
    public var delta: Float { Quantiser.delta(forRange: range) }
}
