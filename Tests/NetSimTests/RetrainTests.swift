import Foundation
import Testing
@testable import NetSim

@Suite("Error model on synthetic tables, and retraining", .serialized)
struct RetrainTests {
    @Test("a table with approx = 2·exact gives ε = y − b: ρ = 1, μ_ε = μ_y − b, σ_ε = σ_y")
    func syntheticTableStatistics() throws {
        let table = try KernelTestTables.signed(KernelTestTables.table256 { 2 * $0 * $1 })
        var rng = SplitMix64(seed: 9)
        var net = Network(name: "one", inputShape: [4])
        var d = Dense("fc", inFeatures: 4, outFeatures: 3, rng: &rng)
        d.parameters[1].value.data = [0.5, -1, 0.25]
        net.add(d, inputs: [-1])
        let data = LabeledData(sampleShape: [4], values: (0..<256).map { _ in rng.nextUniform() * 2 - 1 },
                               labels: [Int32](repeating: 0, count: 64), classCount: 2)
        var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: .init(name: "x2", table: table)))
        ApproxNetwork.calibrate(&wrapped, on: data)
        let model = ErrorModelBuilder.build(wrapped, on: data, samples: 64, batchSize: 16, multiplier: "x2")
        let s = try #require(model.layer(named: "fc")).stats
        #expect(s.samples == 64 && s.neurons == 3)
        for (j, b) in [Float(0.5), -1, 0.25].enumerated() {
            #expect(abs(s.rho[j] - 1) < 1e-4, "ρ[\(j)] = \(s.rho[j])")
            #expect(abs(s.muE[j] - (s.muY[j] - b)) < 1e-4, "μ_ε[\(j)]")
            #expect(abs(s.sigmaE[j] - s.sigmaY[j]) < 1e-4 * max(1, s.sigmaY[j]), "σ_ε[\(j)]")
        }
        // Installing statistics with the wrong neuron count is rejected.
        var bad = model
        bad.layers[0].stats = NeuronErrorStats(neurons: 2)
        #expect(throws: ApproxError.statisticsMismatch(layer: "fc", expected: 3, found: 2)) {
            try ErrorModelBuilder.install(bad, into: &wrapped)
        }
    }

    /// A float MLP trained on the shipped breast-cancer set (seeded), and the 2222 multiplier.
    static func setup() throws -> (Network, LabeledData, LabeledData, MultiplierAssignment) {
        let (train, test) = try DatasetLoader.load("breast_cancer_wdbc")
        var config = TrainConfig()
        (config.epochs, config.batchSize, config.learningRate, config.seed) = (8, 32, 0.05, 3)
        let net = try ModelZoo.build("mlp", inputShape: [30], classCount: 2, seed: 3, options: .init(hidden: [16]))
        var trainer = Trainer(network: net, config: config)
        for _ in 0..<config.epochs { _ = try trainer.runEpoch(train: train, test: test) }
        let table = try KernelTestTables.signed(KernelTestTables.smapprox([2, 2, 2, 2]))
        return (trainer.network, train, test, MultiplierAssignment(default: .init(name: "smapprox8x8-2222", table: table)))
    }

    @Test("retraining with each method raises the behavioural accuracy (mlp, breast cancer, 2222)",
          arguments: RetrainMethod.allCases)
    func retrainingHelps(method: RetrainMethod) throws {
        let (net, train, test, assignment) = try Self.setup()
        var config = RetrainConfig()
        (config.method, config.epochs, config.learningRate, config.batchSize) = (method, 3, 0.02, 32)
        config.errorModelSamples = 256
        let (_, report) = try Retrainer.retrain(net, train: train, test: test, assignment: assignment, config: config)
        #expect(report.epochSeconds.count == 3)
        #expect(report.approxAccuracyAfter > report.approxAccuracyBefore,
                "\(method): \(report.approxAccuracyBefore) -> \(report.approxAccuracyAfter)")
    }
}
