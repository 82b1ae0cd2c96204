import Testing
@testable import NetSim

@Suite("Energy estimate and multiplier profile")
struct EnergyTests {
    static func network() -> Network {
        var rng = SplitMix64(seed: 1)
        var net = Network(name: "tiny", inputShape: [2, 5, 5])
        net.add(Conv2D("conv", inChannels: 2, outChannels: 3, kernel: 3, padding: 1, rng: &rng), inputs: [-1])
        net.add(Dense("fc", inFeatures: 75, outFeatures: 4, rng: &rng))
        return net
    }

    @Test("MACs per layer and energy relative to the exact multiplier, by hand")
    func energy() {
        let approx = MultiplierAssignment.Entry(name: "a", table: .exact, powerRel: 0.6)
        let assignment = MultiplierAssignment(default: approx, perLayer: ["fc": .init(name: "b", table: .exact, powerRel: 1.1)])
        let net = ApproxNetwork.wrap(Self.network(), assignment)
        // conv: 3·5·5 outputs × 2·3·3 products = 1350; fc: 75·4 = 300.
        let e = EnergyEstimate(network: net, assignment: assignment)
        #expect(e.layers.map(\.macs) == [1350, 300])
        #expect(e.layers.map(\.multiplier) == ["a", "b"])
        let expected = (1350 * 0.6 + 300 * 1.1) / 1650.0
        #expect(abs((e.relative ?? -1) - expected) < 1e-12)
        var partial = assignment
        partial.perLayer["fc"]?.powerRel = nil
        let unknown = EnergyEstimate(network: net, assignment: partial)
        #expect(unknown.relative == nil)
    }

    @Test("relative-error profile: doubling odd activations gives mean 0.5 and deviation 0.5")
    func profile() throws {
        // T(a, b) = 2ab for odd a, ab for even a: relative error 1 on 64 of 128 rows, 0 on the rest.
        let t = try KernelTestTables.signed(KernelTestTables.table256 { $0 % 2 == 1 && $0 <= 128 ? 2 * $0 * $1 : $0 * $1 })
        let p = MultiplierProfile(t)
        #expect(abs(p.relativeErrorMean - 0.5) < 1e-12 && abs(p.relativeErrorSD - 0.5) < 1e-12)
        #expect(abs(p.mreNonzero - 0.5) < 1e-12)
        #expect(MultiplierProfile(.exact).relativeErrorSD == 0)
    }
}
