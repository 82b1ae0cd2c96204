import Foundation

/// A `QuantisationRecord` as safetensors metadata (all values are strings):
/// `calibration` = `{"batch_size":64,"batches":4,"method":"maxabs","per_channel_weights":false}`, plus
/// `"fold_batch_norm":true` when batch norms were folded before quantisation
/// and one `input_delta.<layer>` per approximated layer, Δx as the shortest decimal that reads back
/// to the same Float32 (Swift `Float(text)`, NumPy `np.float32(text)`).
enum QuantisationMetadata {
    static let deltaPrefix = "input_delta."

    struct Calibration: Codable {
        var method: String
        var batches: Int
        var batchSize: Int
        var perChannelWeights: Bool
        /// Written only when true (older checkpoints and unfolded ones have no key): false when absent.
        var foldBatchNorm: Bool?
        enum CodingKeys: String, CodingKey {
            case method, batches, batchSize = "batch_size", perChannelWeights = "per_channel_weights"
            case foldBatchNorm = "fold_batch_norm"
        }
    }

    static func encode(_ q: QuantisationRecord) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let c = Calibration(method: q.calibration.text, batches: q.calibrationBatches, batchSize: q.batchSize,
                            perChannelWeights: q.perChannelWeights, foldBatchNorm: q.foldBatchNorm ? true : nil)
        var meta = ["calibration": String(decoding: try encoder.encode(c), as: UTF8.self)]
        for (layer, delta) in q.inputDeltas { meta[deltaPrefix + layer] = "\(delta)" }
        return meta
    }

    /// The record, or nil when the checkpoint has none (a float model, or one written before Δx were stored).
    static func decode(_ meta: [String: String], path: String) throws -> QuantisationRecord? {
        guard let text = meta["calibration"] else { return nil }
        let c: Calibration
        do { c = try JSONDecoder().decode(Calibration.self, from: Data(text.utf8)) } catch {
            throw ModelError.checkpoint(path: path, reason: "metadata 'calibration' is not valid JSON: \(error)")
        }
        guard let method = Calibrator.Method(text: c.method) else {
            throw ModelError.checkpoint(path: path, reason: "metadata 'calibration' has method '\(c.method)'; expected maxabs or percentile:P")
        }
        var options = ApproxNetwork.QuantOptions()
        (options.calibration, options.calibrationBatches, options.batchSize) = (method, c.batches, c.batchSize)
        (options.perChannelWeights, options.foldBatchNorm) = (c.perChannelWeights, c.foldBatchNorm ?? false)
        var deltas: [String: Float] = [:]
        for (key, value) in meta where key.hasPrefix(deltaPrefix) {
            guard let d = Float(value), d.isFinite, d > 0 else {
                throw ModelError.checkpoint(path: path, reason: "metadata '\(key)' = '\(value)' is not a positive finite Δx")
            }
            deltas[String(key.dropFirst(deltaPrefix.count))] = d
        }
        return QuantisationRecord(options: options, inputDeltas: deltas)
    }
}

extension TrainCheckpoint {
    /// Copies a loaded checkpoint's training state into `trainer`, whose network has the same
    /// parameters (possibly wrapped): weights, buffers, optimiser state, epoch and RNG state.
    public static func adopt(_ saved: Trainer, into trainer: inout Trainer) {
        trainer.network.setParameters(saved.network.namedParameters.map(\.value))
        trainer.network.setBuffers(Dictionary(saved.network.namedBuffers.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }))
        (trainer.optimizer, trainer.epoch, trainer.rng) = (saved.optimizer, saved.epoch, saved.rng)
    }
}
