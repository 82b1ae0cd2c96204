import Foundation
import Records
import Testing
@testable import NetSim

/// Seeded single-thread training is bit-reproducible: two runs give the same weights, optimiser
/// state and log records (apart from wall time).
@Suite(.serialized) struct TrainDeterminismTests {
    static func run(_ model: String, _ train: LabeledData, _ test: LabeledData, epochs: Int, optimizer: Optimizer.Kind,
                    hidden: [Int] = [16]) throws -> (Trainer, [EpochRecord]) {
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.optimizer, cfg.seed) = (epochs, 16, 0.01, optimizer, 11)
        let net = try ModelZoo.build(model, inputShape: train.sampleShape, classCount: train.classCount, seed: cfg.seed,
                                     options: .init(hidden: hidden))
        var t = Trainer(network: net, config: cfg)
        var records: [EpochRecord] = []
        for _ in 0..<epochs {
            var r = try t.runEpoch(train: train, test: test)
            r.seconds = 0
            records.append(r)
        }
        return (t, records)
    }

    static func expectBitEqual(_ a: (Trainer, [EpochRecord]), _ b: (Trainer, [EpochRecord])) {
        let bits = { (t: Trainer) in t.network.namedParameters.map { $0.value.data.map(\.bitPattern) } }
        #expect(bits(a.0) == bits(b.0))
        #expect(a.0.optimizer.first == b.0.optimizer.first && a.0.optimizer.second == b.0.optimizer.second)
        #expect(a.0.network.namedBuffers.map(\.value) == b.0.network.namedBuffers.map(\.value))
        #expect(a.0.rng.state == b.0.rng.state)
        #expect(a.1 == b.1)
    }

    @Test func seededMLPRunsAreBitEqual() throws {
        BLAS.setThreads(1)
        let (train, test) = try DatasetLoader.load("breast_cancer_wdbc")
        Self.expectBitEqual(try Self.run("mlp", train, test, epochs: 2, optimizer: .adam),
                            try Self.run("mlp", train, test, epochs: 2, optimizer: .adam))
    }

    /// LeNet-5 also runs NetSim's parallel loops (im2col, col2im, pooling), whose chunking is fixed.
    @Test func seededLeNetRunsAreBitEqual() throws {
        BLAS.setThreads(1)
        let (full, test) = try DatasetLoader.load("digits_8x8")
        let train = full.subset(Array(0..<160)), small = test.subset(Array(0..<64))
        Self.expectBitEqual(try Self.run("lenet5", train, small, epochs: 1, optimizer: .sgd),
                            try Self.run("lenet5", train, small, epochs: 1, optimizer: .sgd))
    }
}
