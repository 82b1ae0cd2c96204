import Records
import Testing
@testable import NetSim

@Suite("Baseline model: both readings (baseline-sd, baseline-mean)")
struct BaselineVariantTests {
    /// Mean and population SD of `e` in Double.
    static func moments(_ e: [Float]) -> (mean: Double, sd: Double) {
        let mean = e.reduce(0.0) { $0 + Double($1) } / Double(e.count)
        let v = e.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(e.count)
        return (mean, v.squareRoot())
    }

    @Test("Err ~ N(1 + m, σ): 200 000 draws have mean 1 + m and SD σ (m = 0.05, σ = 0.1; and m = 0)")
    func largeSample() {
        for (m, sigma) in [(Float(0.05), Float(0.1)), (0, 0.1), (-0.2, 0.3)] {
            var rng = SplitMix64(seed: 21)
            let e = NoiseModels.baselineErr(count: 200_000, mean: m, sigma: sigma, rng: &rng)
            let (mean, sd) = Self.moments(e)
            // Standard error of the mean is σ/√n ≈ 0.0007 at σ = 0.3: 0.003 is > 4 standard errors.
            #expect(abs(mean - Double(1 + m)) < 0.003, "m \(m): mean \(mean)")
            #expect(abs(sd - Double(sigma)) < 0.003, "σ \(sigma): sd \(sd)")
        }
    }

    @Test("installed per layer: baseline has m = 0, baseline-mean has the multiplier's mean error (2·exact: m = 1, σ = 0)")
    func installedParameters() throws {
        // approx = 2·exact makes every relative error exactly 1: mean 1, SD 0 (by hand).
        let table = try KernelTestTables.signed(KernelTestTables.table256 { 2 * $0 * $1 })
        var rng = SplitMix64(seed: 3)
        var net = Network(name: "one", inputShape: [4])
        net.add(Dense("fc", inFeatures: 4, outFeatures: 3, rng: &rng), inputs: [-1])
        let data = LabeledData(sampleShape: [4], values: (0..<64).map { _ in rng.nextUniform() * 2 - 1 },
                               labels: [Int32](repeating: 0, count: 16), classCount: 2)
        let assignment = MultiplierAssignment(default: .init(name: "x2", table: table))
        for (method, expected) in [(RetrainMethod.baseline, Float(0)), (.baselineMean, 1)] {
            var config = RetrainConfig()
            config.method = method
            var wrapped = ApproxNetwork.wrap(net, assignment)
            try Retrainer.install(config, assignment: assignment, errorModel: nil, train: data, into: &wrapped)
            let layer = try #require(wrapped.nodes[0].layer as? BaselineLayer)
            #expect(abs(layer.mean - expected) < 1e-6 && abs(layer.sigma) < 1e-6, "\(method): m \(layer.mean) σ \(layer.sigma)")
        }
        #expect(RetrainMethod(rawValue: "baseline-mean") == .baselineMean)
    }
}
