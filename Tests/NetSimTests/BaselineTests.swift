import Testing
@testable import NetSim

@Suite("Baseline model (eq. 16) and AWGN")
struct BaselineTests {
    @Test("Err ~ N(1, σ): sample mean 1 and deviation σ")
    func errDistribution() {
        var rng = SplitMix64(seed: 11)
        let e = NoiseModels.baselineErr(count: 40_000, sigma: 0.2, rng: &rng)
        let mean = e.reduce(0.0) { $0 + Double($1) } / Double(e.count)
        let sd = (e.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(e.count)).squareRoot()
        #expect(abs(mean - 1) < 0.005 && abs(sd - 0.2) < 0.005, "mean \(mean) sd \(sd)")
        #expect(NoiseModels.perturb([2, -3], err: [1.5, 0.5]) == [3, -1.5])
    }

    @Test("AWGN at 20 dB on a signal of power 4 has σ = 0.2")
    func awgn() {
        #expect(abs(NoiseModels.awgnSigma(power: 4, snrDB: 20) - 0.2) < 1e-7)
        #expect(abs(NoiseModels.awgnSigma(power: 1, snrDB: 0) - 1) < 1e-7)
        var y = [Float](repeating: 2, count: 40_000)
        var rng = SplitMix64(seed: 5)
        NoiseModels.addAWGN(&y, snrDB: 20, rng: &rng)
        let noisePower = y.reduce(0.0) { $0 + Double($1 - 2) * Double($1 - 2) } / Double(y.count)
        let snr = 10 * log10(4 / noisePower)
        #expect(abs(snr - 20) < 0.1, "measured SNR \(snr) dB")
    }
}

import Foundation
