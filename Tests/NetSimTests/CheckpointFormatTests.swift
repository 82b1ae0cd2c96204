import Foundation
import Testing
@testable import NetSim

/// What a checkpoint says about itself: the optimiser namespace, Δx and calibration settings,
/// provenance; and that checkpoints written before these keys still load.
@Suite struct CheckpointFormatTests {
    static func trained() throws -> (Trainer, TrainCheckpoint.Info) {
        let data = TrainTests.tinyData(seed: 5)
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.optimizer, cfg.seed) = (1, 8, .adam, 4)
        var t = Trainer(network: try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 4, options: .init(hidden: [8])),
                        config: cfg)
        _ = try t.runEpoch(train: data, test: data)
        return (t, .init(model: "mlp", inputShape: [4], classCount: 2, hidden: [8], data: "tiny"))
    }

    static func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("axmul-ckpt-\(UUID().uuidString).safetensors")
    }

    /// The documented PyTorch filter (drop names starting with "optimizer.") leaves exactly the
    /// model's parameters and buffers.
    @Test func optimiserStateHasItsOwnNamespace() throws {
        let (t, info) = try Self.trained()
        let url = Self.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try TrainCheckpoint.save(t, info: info, to: url)
        let names = Set(try SafeTensors.read(from: url).tensors.keys)
        let model = Set(t.network.namedParameters.map(\.name) + t.network.namedBuffers.map(\.name))
        #expect(names.filter { !$0.hasPrefix("optimizer.") } == model)
        #expect(names.filter { $0.hasPrefix("optimizer.") }.count == 2 * t.network.namedParameters.count)
    }

    @Test func deltasCalibrationAndProvenanceRoundTripExactly() throws {
        let (t, base) = try Self.trained()
        var info = base
        var options = ApproxNetwork.QuantOptions()
        (options.calibration, options.calibrationBatches, options.perChannelWeights) = (.percentile(99.9), 3, true)
        options.foldBatchNorm = false   // the golden metadata below has no fold_batch_norm key
        let deltas: [String: Float] = ["fc1": 0.1 / 3, "fc2": Float(bitPattern: 0x3C23_D70B), "odd": .leastNormalMagnitude]
        info.quantisation = QuantisationRecord(options: options, inputDeltas: deltas)
        let table = SignedProductTable.exact
        info.provenance = CheckpointProvenance(
            parent: "parent.safetensors", parentHash: "fnv1a64:0x0123456789abcdef",
            multiplier: .init(name: "exact8", spec: "exact8", tableHash: table.contentHash), layerMultipliers: [:],
            method: "errormodel", epochs: 3, lr: 1e-4, batch: 64, momentum: 0.9, seed: 1)
        let url = Self.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try TrainCheckpoint.save(t, info: info, to: url)
        let loaded = try TrainCheckpoint.load(from: url).info
        let q = try #require(loaded.quantisation)
        #expect(q.inputDeltas.mapValues(\.bitPattern) == deltas.mapValues(\.bitPattern))
        #expect(q == info.quantisation)
        #expect(loaded.provenance == info.provenance)
        let meta = try SafeTensors.read(from: url).metadata
        #expect(meta["calibration"] == #"{"batch_size":64,"batches":3,"method":"percentile:99.9","per_channel_weights":true}"#)
        #expect(meta["input_delta.fc1"] == "\(Float(0.1) / 3)")
    }

    /// A checkpoint without the new keys (as every earlier version wrote) loads, with no record.
    @Test func checkpointsWithoutTheNewKeysStillLoad() throws {
        let (t, info) = try Self.trained()
        let url = Self.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try TrainCheckpoint.save(t, info: info, to: url)
        let meta = try SafeTensors.read(from: url).metadata
        #expect(Set(meta.keys) == ["format", "model", "input_shape", "class_count", "hidden", "data", "epoch", "rng_state",
                                   "optimizer_step", "config"])
        let loaded = try TrainCheckpoint.load(from: url)
        #expect(loaded.info.quantisation == nil && loaded.info.provenance == nil)
        #expect(loaded.trainer.network.namedParameters.map(\.value) == t.network.namedParameters.map(\.value))
    }

    /// The table hash depends on the products only, and sees a one-entry change.
    @Test func tableHashSeesEveryEntry() throws {
        let exact = SignedProductTable.exact
        var products = [UInt32](repeating: 0, count: 256 * 256)
        for i in products.indices { products[i] = UInt32((i / 256) * (i % 256)) }
        #expect(try SignedProductTable(unsignedProducts: products, width: 256).contentHash == exact.contentHash)
        products[128 * 256 + 128] += 1
        #expect(try SignedProductTable(unsignedProducts: products, width: 256).contentHash != exact.contentHash)
    }
}
