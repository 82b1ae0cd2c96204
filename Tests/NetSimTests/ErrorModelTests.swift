import Foundation
import Testing
@testable import NetSim

@Suite("Neuron-wise error model (eqs. 5–15)")
struct ErrorModelTests {
    @Test("accumulator recovers hand-computed μ, σ and ρ per neuron")
    func moments() {
        // Neuron 0: y = 1,2,3,4 and ε = 0.5y − 3 → μ_y 2.5, σ_y √1.25, μ_ε −1.75, σ_ε √1.25/2, ρ 1.
        // Neuron 1: y = 1,−1,1,−1 and ε = 1,1,−1,−1 → μ 0, σ 1, ρ 0.
        var acc = ErrorStatsAccumulator(neurons: 2)
        let ys: [Float] = [1, 1, 2, -1, 3, 1, 4, -1]
        let es: [Float] = [-2.5, 1, -2, 1, -1.5, -1, -1, -1]
        acc.add(exact: Array(ys[0..<4]), approx: (0..<4).map { ys[$0] + es[$0] })
        acc.add(exact: Array(ys[4...]), approx: (4..<8).map { ys[$0] + es[$0] })
        let s = acc.finish()
        #expect(s.samples == 4)
        #expect(abs(s.muY[0] - 2.5) < 1e-6 && abs(s.sigmaY[0] - Float(1.25).squareRoot()) < 1e-6)
        #expect(abs(s.muE[0] + 1.75) < 1e-6 && abs(s.sigmaE[0] - Float(1.25).squareRoot() / 2) < 1e-6)
        #expect(abs(s.rho[0] - 1) < 1e-6)
        #expect(abs(s.muY[1]) < 1e-6 && abs(s.sigmaY[1] - 1) < 1e-6 && abs(s.sigmaE[1] - 1) < 1e-6)
        #expect(abs(s.rho[1]) < 1e-6)
    }

    @Test("a constant output gives σ_y = 0 and ρ = 0, never NaN")
    func sigmaYZeroGuard() {
        var acc = ErrorStatsAccumulator(neurons: 1)
        acc.add(exact: [5, 5, 5], approx: [6, 4, 5])
        let s = acc.finish()
        #expect(s.sigmaY[0] == 0 && s.rho[0] == 0 && s.sigmaE[0] > 0)
        let c = ErrorInjection.Coefficients(s)
        #expect(c.a1[0] == 0 && c.a2[0].isFinite)
    }

    @Test("Ξ has the modelled mean, deviation and correlation with Y")
    func injectionStatistics() {
        var s = NeuronErrorStats(neurons: 1, samples: 1)
        (s.muY[0], s.sigmaY[0], s.muE[0], s.sigmaE[0], s.rho[0]) = (1, 2, 0.5, 1, 0.6)
        let c = ErrorInjection.Coefficients(s)
        var rng = SplitMix64(seed: 7)
        let n = 40_000
        let y = (0..<n).map { _ in 1 + 2 * rng.nextNormal() }
        let xi = ErrorInjection.xi(y, c, rng: &rng)
        var acc = ErrorStatsAccumulator(neurons: 1)
        acc.add(exact: y, approx: zip(y, xi).map { $0 + $1 })
        let m = acc.finish()
        #expect(abs(m.muE[0] - 0.5) < 0.03, "μ_ε \(m.muE[0])")
        #expect(abs(m.sigmaE[0] - 1) < 0.03, "σ_ε \(m.sigmaE[0])")
        #expect(abs(m.rho[0] - 0.6) < 0.03, "ρ \(m.rho[0])")
    }

    @Test("∂Ỹ/∂Y = 1 + σ_ε ρ / σ_y matches a finite difference with S2 held fixed")
    func injectionGradient() {
        var s = NeuronErrorStats(neurons: 2, samples: 1)
        s.muY = [1, -2]; s.sigmaY = [2, 0.5]; s.muE = [0.5, 0]; s.sigmaE = [1, 3]; s.rho = [0.6, -0.4]
        let c = ErrorInjection.Coefficients(s)
        let y: [Float] = [3, -1.5], h: Float = 0.01
        func out(_ y: [Float]) -> [Double] {
            var rng = SplitMix64(seed: 3)
            var v = y
            ErrorInjection.apply(&v, c, rng: &rng)
            return v.map(Double.init)
        }
        let up = out(y.map { $0 + h }), down = out(y.map { $0 - h })
        var g: [Float] = [1, 1]
        ErrorInjection.backward(&g, c)
        #expect(abs(Double(g[0]) - 1.3) < 1e-6 && abs(Double(g[1]) - (1 - 2.4)) < 1e-6)
        for j in 0..<2 { #expect(abs((up[j] - down[j]) / (2 * Double(h)) - Double(g[j])) < 1e-2) }
        // Y at μ_y gives S1 = 0: Ξ = μ_ε + σ_ε √(1−ρ²) S2, here with S2 from the same seed.
        var rng = SplitMix64(seed: 3)
        let s2 = FastNormal.normals(seed: rng.next(), count: 1)[0]
        var rng2 = SplitMix64(seed: 3)
        let xi = ErrorInjection.xi([1, -2], c, rng: &rng2)
        #expect(abs(xi[0] - (0.5 + 0.8 * s2)) < 1e-6)
    }
}

@Suite("Error-model statistics file")
struct ErrorModelFileTests {
    func sample() -> ErrorModel {
        var s = NeuronErrorStats(neurons: 3, samples: 512)
        s.muY = [1, 2, 3]; s.sigmaY = [0, 0.5, 1]; s.muE = [-1, 0, 1]; s.sigmaE = [0.1, 0.2, 0.3]; s.rho = [0, -0.5, 1]
        return ErrorModel(multiplier: "smapprox8x8-2222", layers: [.init(name: "fc1", shape: [3], stats: s)])
    }

    @Test("round trip through a file written atomically")
    func roundTrip() throws {
        let path = NSTemporaryDirectory() + "axmul-errmodel-\(getpid()).axerr"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ErrorModelFile.write(sample(), to: path)
        #expect(try ErrorModelFile.read(path) == sample())
    }

    @Test("a flipped byte, a truncation or a wrong magic is rejected with a typed error")
    func corruption() {
        let good = ErrorModelFile.serialize(sample())
        var flipped = good
        flipped[good.count - 20] ^= 0x40
        var magic = good
        magic[0] = UInt8(ascii: "X")
        for bytes in [flipped, Array(good.dropLast(5)), magic, Array(good.prefix(10))] {
            #expect(throws: ApproxError.self) { try ErrorModelFile.parse(bytes, path: "m.axerr") }
            do {
                _ = try ErrorModelFile.parse(bytes, path: "m.axerr")
            } catch {
                guard case .corruptStatistics(let file, _) = error else { Issue.record("wrong case \(error)"); continue }
                #expect(file == "m.axerr")
            }
        }
    }
}
