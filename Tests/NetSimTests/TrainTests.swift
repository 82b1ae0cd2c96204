import Foundation
import Records
import Testing
@testable import NetSim

/// End-to-end training on the shipped data sets, checkpoints and exact resume.
@Suite struct TrainTests {
    static func config(epochs: Int, batch: Int, lr: Float, optimizer: Optimizer.Kind = .sgd, seed: UInt64 = 1) -> TrainConfig {
        var c = TrainConfig()
        c.epochs = epochs
        c.batchSize = batch
        c.learningRate = lr
        c.optimizer = optimizer
        c.seed = seed
        return c
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("axmul-nn-\(getpid())-\(name)")
    }

    @Test func seededMLPReaches95PercentOnBreastCancer() throws {
        let (train, test) = try DatasetLoader.load("breast_cancer_wdbc")
        let cfg = Self.config(epochs: 15, batch: 16, lr: 0.01)
        let net = try ModelZoo.build("mlp", inputShape: train.sampleShape, classCount: train.classCount, seed: cfg.seed)
        var t = Trainer(network: net, config: cfg)
        var last: EpochRecord?
        for _ in 0..<cfg.epochs { last = try t.runEpoch(train: train, test: test) }
        let acc = try #require(last).testAccuracy
        #expect(acc >= 0.95, "seed \(cfg.seed): test accuracy \(acc)")
    }

    @Test func lenet5LearnsDigitsQuickly() throws {
        let (fullTrain, test) = try DatasetLoader.load("digits_8x8")
        let train = fullTrain.subset(Array(0..<600))
        let cfg = Self.config(epochs: 3, batch: 32, lr: 0.05)
        let net = try ModelZoo.build("lenet5", inputShape: train.sampleShape, classCount: 10, seed: cfg.seed)
        var t = Trainer(network: net, config: cfg)
        let before = Trainer.evaluate(t.network, on: test).accuracy
        var acc = 0.0
        for _ in 0..<cfg.epochs { acc = try t.runEpoch(train: train, test: test).testAccuracy }
        #expect(acc > 0.5, "seed \(cfg.seed): accuracy \(before) → \(acc); chance is 0.1")
    }

    static func tinyData(seed: UInt64) -> LabeledData {
        // Two Gaussian blobs in 4-D, labels by blob.
        var rng = SplitMix64(seed: seed)
        var values: [Float] = [], labels: [Int32] = []
        for i in 0..<64 {
            let y = Int32(i % 2)
            for _ in 0..<4 { values.append(rng.nextNormal() * 0.5 + (y == 0 ? -1 : 1)) }
            labels.append(y)
        }
        return LabeledData(sampleShape: [4], values: values, labels: labels, classCount: 2)
    }

    @Test func checkpointRoundTripAndExactResume() throws {
        let data = Self.tinyData(seed: 3)
        let cfg = Self.config(epochs: 3, batch: 8, lr: 0.01, optimizer: .adam, seed: 4)
        let info = TrainCheckpoint.Info(model: "mlp", inputShape: [4], classCount: 2, hidden: [8, 8], data: "tiny")
        let net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: cfg.seed, options: .init(hidden: [8, 8]))

        var straight = Trainer(network: net, config: cfg)
        for _ in 0..<3 { _ = try straight.runEpoch(train: data, test: data) }

        var first = Trainer(network: net, config: cfg)
        _ = try first.runEpoch(train: data, test: data)
        let url = Self.temporaryFile("resume.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try TrainCheckpoint.save(first, info: info, to: url)
        var (resumed, loadedInfo) = try TrainCheckpoint.load(from: url)
        #expect(loadedInfo == info)
        #expect(resumed.epoch == 1)
        #expect(resumed.network.namedParameters.map(\.value) == first.network.namedParameters.map(\.value))
        #expect(resumed.optimizer.first == first.optimizer.first)
        for _ in 0..<2 { _ = try resumed.runEpoch(train: data, test: data) }
        #expect(resumed.network.namedParameters.map(\.value) == straight.network.namedParameters.map(\.value))
    }

    @Test func checkpointKeepsBatchNormBuffersAndTensorNames() throws {
        var t = Trainer(network: try ModelZoo.build("resnet8", inputShape: [3, 4, 4], classCount: 2, seed: 1),
                        config: Self.config(epochs: 1, batch: 4, lr: 0.01))
        let data = LabeledData(sampleShape: [3, 4, 4], values: FD.random([8 * 48], seed: 2).data,
                               labels: [0, 1, 0, 1, 0, 1, 0, 1], classCount: 2)
        _ = try t.runEpoch(train: data, test: data)
        let url = Self.temporaryFile("bn.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try TrainCheckpoint.save(t, info: .init(model: "resnet8", inputShape: [3, 4, 4], classCount: 2, hidden: [], data: "x"), to: url)
        let raw = try SafeTensors.read(from: url)
        #expect(raw.tensors["stem.conv.weight"]?.shape == [16, 3, 3, 3])
        #expect(raw.tensors["stem.bn.running_mean"] != nil)
        #expect(raw.tensors["fc.bias"]?.shape == [2])
        let loaded = try TrainCheckpoint.load(from: url).trainer
        #expect(loaded.network.namedBuffers.map(\.value) == t.network.namedBuffers.map(\.value))
        #expect(Trainer.evaluate(loaded.network, on: data) == Trainer.evaluate(t.network, on: data))
    }
}
