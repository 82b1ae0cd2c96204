import CKernels
import Foundation
import Testing
@testable import NetSim

@Suite("Fast normal draws and the fused error-model pass")
struct FastNormalTests {
    @Test("SIMD (AVX-512 or AVX2) and portable builds draw the same normals (to 1e-5), and match Box–Muller in Double")
    func agreement() {
        let fast = FastNormal.normals(seed: 99, count: 4096)
        let portable = FastNormal.normals(seed: 99, count: 4096, allowAVX2: false)
        let d = zip(fast, portable).map { abs($0 - $1) }.max() ?? 0
        #expect(d <= 1e-5, "max |simd − portable| = \(d)")
        // Each build on its own (the AVX2 one too when the CPU picks AVX-512).
        var a = [Float](repeating: 0, count: FastNormal.blockSize), p = a, w = a
        if LUTGemm.hasAVX2 { ck_normal_block_avx2(99, 0, &a) } else { ck_normal_block_scalar(99, 0, &a) }
        if FastNormal.hasAVX512 { ck_normal_block_avx512(99, 0, &w) } else { ck_normal_block_scalar(99, 0, &w) }
        ck_normal_block_scalar(99, 0, &p)
        #expect(a == p, "the AVX2 and portable builds differ")
        #expect(zip(w, p).allSatisfy { abs($0 - $1) <= 1e-5 }, "the AVX-512 build is off")
        // The reference (independent, libm in Double) of the counter construction for the first block:
        // pair q: h = SplitMix64 finaliser of seed + (q+1)·golden; u1 = (h>>40 + 1)/2^24, u2 = ((h>>16) & 0xFFFFFF)/2^24.
        let half = FastNormal.blockSize / 2
        var worst = 0.0
        for q in 0..<half {
            var h = 99 &+ UInt64(q + 1) &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 31
            let u1 = Double((h >> 40) + 1) / 16_777_216, u2 = Double((h >> 16) & 0xFF_FFFF) / 16_777_216
            let r = (-2 * log(u1)).squareRoot()
            worst = max(worst, abs(r * cos(2 * .pi * u2) - Double(fast[q])), abs(r * sin(2 * .pi * u2) - Double(fast[q + half])))
        }
        #expect(worst < 1e-5, "max |fast − Box–Muller| = \(worst)")
    }

    @Test("200 000 draws: mean 0, variance 1, kurtosis 3, and P(|z| > 2) = 0.0455")
    func moments() {
        let z = FastNormal.normals(seed: 5, count: 200_000).map(Double.init)
        let n = Double(z.count)
        let mean = z.reduce(0, +) / n, v = z.reduce(0) { $0 + $1 * $1 } / n, k = z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n
        let tail = Double(z.filter { abs($0) > 2 }.count) / n
        #expect(abs(mean) < 0.01 && abs(v - 1) < 0.015 && abs(k - 3) < 0.08, "mean \(mean) var \(v) kurtosis \(k)")
        #expect(abs(tail - 0.0455) < 0.003, "P(|z| > 2) = \(tail)")
    }

    @Test("large sample: Ξ has the per-neuron μ_ε, σ_ε and ρ it was built from (fast draws, fused pass)")
    func xiStatistics() {
        var s = NeuronErrorStats(neurons: 3, samples: 1)
        s.muY = [1, -2, 0.5]; s.sigmaY = [2, 0.5, 1]; s.muE = [0.5, 0, -0.3]; s.sigmaE = [1, 0.2, 0.7]; s.rho = [0.6, -0.4, 0]
        let c = ErrorInjection.Coefficients(s)
        var rng = SplitMix64(seed: 17)
        let rows = 60_000
        var y = [Float](repeating: 0, count: rows * 3)
        for r in 0..<rows { for j in 0..<3 { y[r * 3 + j] = s.muY[j] + s.sigmaY[j] * rng.nextNormal() } }
        var noisy = y
        ErrorInjection.apply(&noisy, c, rng: &rng)
        var acc = ErrorStatsAccumulator(neurons: 3)
        acc.add(exact: y, approx: noisy)
        let m = acc.finish()
        for j in 0..<3 {
            #expect(abs(m.muE[j] - s.muE[j]) < 0.02 * max(1, s.sigmaE[j]), "μ_ε[\(j)] \(m.muE[j])")
            #expect(abs(m.sigmaE[j] / s.sigmaE[j] - 1) < 0.02, "σ_ε[\(j)] \(m.sigmaE[j])")
            #expect(abs(m.rho[j] - s.rho[j]) < 0.02, "ρ[\(j)] \(m.rho[j])")
        }
    }

    @Test("the fused pass draws the same Ξ on 1 or 2 cores and on either build; apply = y + xi")
    func fusedSplit() {
        var s = NeuronErrorStats(neurons: 1000, samples: 1)
        for j in 0..<1000 { (s.muY[j], s.sigmaY[j], s.muE[j], s.sigmaE[j], s.rho[j]) = (0, 1, 0.1, 0.5, 0.3) }
        let c = ErrorInjection.Coefficients(s)
        let y = (0..<64_000).map { Float($0 % 97) / 50 - 1 }   // 64 rows: split over 2 cores
        var r1 = SplitMix64(seed: 2), r2 = SplitMix64(seed: 2), r3 = SplitMix64(seed: 2)
        let xi = ErrorInjection.xi(y, c, rng: &r1)
        let portable = ErrorInjection.xi(y, c, rng: &r2, allowAVX2: false)
        #expect(zip(xi, portable).allSatisfy { abs($0 - $1) <= 1e-5 })
        // Element i of Y gets normal i of the seed: Ξ by the formula with those normals.
        var seedSource = SplitMix64(seed: 2)
        let z = FastNormal.normals(seed: seedSource.next(), count: y.count)
        var worst: Float = 0
        for i in 0..<y.count {
            let j = i % 1000
            let expected: Float = c.a1[j] * y[i] + c.offset[j] + c.a2[j] * z[i]
            worst = max(worst, abs(xi[i] - expected))
        }
        #expect(worst <= 1e-5, "max |Ξ − formula| = \(worst)")
        var applied = y
        ErrorInjection.apply(&applied, c, rng: &r3)
        #expect((0..<y.count).allSatisfy { (i: Int) -> Bool in abs(applied[i] - (y[i] + xi[i])) <= 1e-5 })
        #expect(r1 == r3)
    }
}
