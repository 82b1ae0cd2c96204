import ArgumentParser
import NetSim

/// `--resume` continues a saved run with the checkpoint's own batch size, learning rate, optimizer and
/// seed. A flag given with a different value would be ignored, so it is refused (usage error) instead.
enum ResumeFlags {
    static func check(_ saved: TrainConfig, path: String, batch: Int?, lr: Float?, optimizer: String?, seed: UInt64?) throws {
        var conflicts: [String] = []
        if let batch, batch != saved.batchSize { conflicts.append("--batch \(batch) (checkpoint: \(saved.batchSize))") }
        if let lr, lr != saved.learningRate { conflicts.append("--lr \(lr) (checkpoint: \(saved.learningRate))") }
        if let optimizer, optimizer != saved.optimizer.rawValue {
            conflicts.append("--optimizer \(optimizer) (checkpoint: \(saved.optimizer.rawValue))")
        }
        if let seed, seed != saved.seed { conflicts.append("--seed \(seed) (checkpoint: \(saved.seed))") }
        guard conflicts.isEmpty else {
            throw ValidationError("--resume continues \(path) with its saved settings, so \(conflicts.joined(separator: ", ")) cannot apply; drop the flag, or start a fresh run without --resume")
        }
    }
}
