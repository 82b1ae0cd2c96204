import Testing
@testable import NetSim

@Suite("Quantisation (eq. 1)")
struct QuantTests {
    @Test("eq. 1 rounds half away from zero and clamps to [-128, 127]·Δ")
    func eq1() {
        // Hand-computed: Δ = 0.5 → Z/Δ, rounded, clamped, times Δ.
        let cases: [(Float, Float)] = [(0.74, 0.5), (0.75, 1.0), (-0.75, -1.0), (100, 63.5),
                                       (-64, -64), (-70, -64), (63.3, 63.5), (0, 0)]
        for (x, expected) in cases {
            #expect(Quantiser.quantise(x, delta: 0.5) == expected, "x = \(x)")
        }
        #expect(Quantiser.code(-1000, delta: 1) == -128)
        #expect(Quantiser.code(1000, delta: 1) == 127)
        #expect(Quantiser.code(.nan, delta: 1) == 0)
    }

    @Test("max-abs step maps the range onto code 127; zero range is guarded")
    func deltaFromRange() {
        #expect(Quantiser.delta(forRange: 254) == 2)
        #expect(Quantiser.delta(forRange: 0) == 1)
        #expect(Quantiser.code(254, delta: Quantiser.delta(forRange: 254)) == 127)
    }

    @Test("per-channel weight scales use each row's own max-abs")
    func perChannel() {
        let w: [Float] = [127, -3, 10.4, 254, 5, -7]
        let s = QuantScale.forWeights(w, channels: 2, perChannel: true)
        #expect(s.deltas == [1, 2])
        #expect(s.codes(w) == [127, -3, 10, 127, 3, -4])  // 2.5 → 3, −3.5 → −4
        let t = QuantScale.forWeights(w, channels: 2, perChannel: false)
        #expect(t.deltas == [2])
        #expect(t.codes(w) == [64, -2, 5, 127, 3, -4])  // 63.5 → 64, −1.5 → −2, 5.2 → 5
    }

    @Test("calibration by max-abs and by nearest-rank percentile over several batches")
    func calibration() {
        var m = Calibrator(method: .maxAbs)
        m.observe([1, -3])
        m.observe([2])
        #expect(m.range == 3)
        var p = Calibrator(method: .percentile(90))
        p.observe((1...50).map { Float($0) })
        p.observe((51...100).map { -Float($0) })
        #expect(p.range == 90)   // 90th of 100 sorted magnitudes
        var small = Calibrator(method: .percentile(50), maxSamples: 16)
        small.observe((1...64).map { Float($0) })   // subsampled to every 4th: 1, 5, ..., 61
        #expect(small.range == 29)
    }

    @Test("fake quantisation passes the gradient only inside [-128Δ, 127Δ]")
    func steMask() {
        let x: [Float] = [-200, -128, 0.3, 127, 127.5, 300]
        let q = QuantisedInput(Tensor(shape: [6], data: x), delta: 1)
        #expect(q.values.data == [-128, -128, 0, 127, 127, 127])
        var g = Tensor(shape: [6], data: [Float](repeating: 1, count: 6))
        q.maskGradient(&g)
        #expect(g.data == [0, 1, 1, 1, 0, 0])
    }
}
