import Foundation
import Records
import Testing
@testable import NetSim

/// Every training method runs in the one training loop, so the NaN/Inf guard fires in each: an
/// infinite learning rate makes the weights non-finite after the first optimiser step
/// (w − ∞·g is ±Inf, or NaN where g = 0), and the weight check stops at epoch 1, batch 1.
@Suite struct TrainingLoopGuardTests {
    static func expectParameterFault(_ body: () throws -> Void) {
        let error = #expect(throws: TrainingError.self) { try body() }
        guard case .nonFinite(let fault) = error else { return }
        #expect(fault.site == .parameter, "\(fault.message)")
        #expect(fault.epoch == 1 && fault.batch == 1, "\(fault.message)")
    }

    static func mlp() throws -> Network {
        try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 2, options: .init(hidden: [8]))
    }

    @Test func guardFiresInRetrain() throws {
        let data = TrainTests.tinyData(seed: 5)
        let exact = MultiplierAssignment(default: .init(name: "exact", table: .exact))
        for method in RetrainMethod.allCases {
            var config = RetrainConfig()
            (config.method, config.epochs, config.batchSize, config.learningRate) = (method, 1, 8, .infinity)
            config.errorModelSamples = 16
            let net = try Self.mlp()
            Self.expectParameterFault {
                _ = try Retrainer.retrain(net, train: data, test: data, assignment: exact, config: config)
            }
        }
    }

    @Test func guardFiresInHybridSimulatedEpochs() throws {
        let data = TrainTests.tinyData(seed: 5)
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.seed) = (2, 8, .infinity, 2)
        var trainer = Trainer(network: try Self.mlp(), config: cfg)
        Self.expectParameterFault {
            _ = try HybridTraining.run(&trainer, switchEpoch: 1, source: .gaussian(ErrorSpec.tableII[3]), train: data, test: data)
        }
    }

    @Test func guardFiresInAxTrainAct() throws {
        let data = TrainTests.tinyData(seed: 5)
        var cfg = TrainConfig()
        (cfg.batchSize, cfg.learningRate, cfg.seed) = (8, .infinity, 2)
        let run = AxTrainRun(config: cfg, actEpochs: 1, pasEpochs: 0, gamma: AdaptiveGamma(gamma: 0.01, delta: 0.005, bound: 0.02),
                             hardware: HardwareModel(multiplier: nil, storage: nil), runs: 1)
        Self.expectParameterFault { _ = try run.run(try Self.mlp(), train: data, test: data) }
    }

    /// Clipping applies to every method too: retraining with a tiny clip moves the weights less.
    @Test func maxGradNormAppliesToRetraining() throws {
        let data = TrainTests.tinyData(seed: 5)
        let exact = MultiplierAssignment(default: .init(name: "exact", table: .exact))
        var config = RetrainConfig()
        (config.method, config.epochs, config.batchSize, config.learningRate) = (.behavioural, 1, 8, 0.5)
        let net = try Self.mlp()
        let free = try Retrainer.retrain(net, train: data, test: data, assignment: exact, config: config).network
        config.maxGradNorm = 1e-6
        let clipped = try Retrainer.retrain(net, train: data, test: data, assignment: exact, config: config).network
        func distance(_ a: Network) -> Double {
            zip(a.namedParameters, net.namedParameters).reduce(0.0) { s, p in
                s + zip(p.0.value.data, p.1.value.data).reduce(0.0) { $0 + Double(abs($1.0 - $1.1)) }
            }
        }
        #expect(distance(clipped) < 1e-3 && distance(free) > 1e-2, "clipped \(distance(clipped)), free \(distance(free))")
    }
}
