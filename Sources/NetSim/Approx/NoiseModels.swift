/// The comparison models of the seed paper's section 5: the baseline weight-noise model (eq. 16,
/// from Hammad & El-Sankary) and additive white Gaussian noise at a given SNR.
public enum NoiseModels {
    /// Err ~ N(1 + mean, σ) elementwise, `count` values drawn from `rng` in order (mean 0: the
    /// paper's unbiased Err ~ N(1, σ)).
    public static func baselineErr(count: Int, mean: Float = 0, sigma: Float, rng: inout SplitMix64) -> [Float] {
        (0..<count).map { _ in 1 + mean + sigma * rng.nextNormal() }
    }

    /// W ⊙ Err.
    public static func perturb(_ w: [Float], err: [Float]) -> [Float] {
        precondition(w.count == err.count, "NoiseModels.perturb: \(w.count) weights, \(err.count) factors")
        return zip(w, err).map { $0 * $1 }
    }

    /// The noise standard deviation for a signal of mean power `power` at `snrDB` dB:
    /// σ² = power / 10^(SNR/10).
    public static func awgnSigma(power: Double, snrDB: Double) -> Float {
        Float((max(power, 0) / pow10(snrDB / 10)).squareRoot())
    }

    /// Mean power E[y²] of a layer output.
    public static func power(_ y: [Float]) -> Double {
        guard !y.isEmpty else { return 0 }
        var s = 0.0
        for v in y { s += Double(v) * Double(v) }
        return s / Double(y.count)
    }

    /// Adds AWGN at `snrDB` relative to the output's own power, in place. Gradient is the identity.
    public static func addAWGN(_ y: inout [Float], snrDB: Double, rng: inout SplitMix64) {
        let sigma = awgnSigma(power: power(y), snrDB: snrDB)
        for i in 0..<y.count { y[i] += sigma * rng.nextNormal() }
    }
}

@inline(__always) func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }

import Foundation
