import Foundation
import TableFormat

/// Where a retrained checkpoint came from (metadata key `provenance`, JSON with sorted keys):
/// the parent checkpoint and its hash, the multiplier(s) and their table hashes, the method and
/// its hyper-parameters. `axmul retrain --resume` checks it against the run it continues.
public struct CheckpointProvenance: Sendable, Codable, Equatable {
    /// A multiplier as the user named it (`spec`: design name or `.axlut` path), its table's name
    /// and the hash of its products (`SignedProductTable.contentHash`).
    public struct Multiplier: Sendable, Codable, Equatable {
        public var name: String
        public var spec: String
        public var tableHash: String

        public init(name: String, spec: String, tableHash: String) {
            (self.name, self.spec, self.tableHash) = (name, spec, tableHash)
        }

        enum CodingKeys: String, CodingKey { case name, spec, tableHash = "table_hash" }
    }

    /// The parent checkpoint's path as given, and `CheckpointProvenance.fileHash` of its bytes.
    public var parent: String
    public var parentHash: String
    /// The default multiplier, and per-layer overrides by layer name.
    public var multiplier: Multiplier
    public var layerMultipliers: [String: Multiplier]
    /// `RetrainMethod` raw value, and the retraining hyper-parameters.
    public var method: String
    public var epochs: Int
    public var lr: Float
    public var batch: Int
    public var momentum: Float
    public var seed: UInt64

    public init(parent: String, parentHash: String, multiplier: Multiplier, layerMultipliers: [String: Multiplier],
                method: String, epochs: Int, lr: Float, batch: Int, momentum: Float, seed: UInt64) {
        (self.parent, self.parentHash, self.multiplier, self.layerMultipliers) = (parent, parentHash, multiplier, layerMultipliers)
        (self.method, self.epochs, self.lr, self.batch, self.momentum, self.seed) = (method, epochs, lr, batch, momentum, seed)
    }

    enum CodingKeys: String, CodingKey {
        case parent, parentHash = "parent_hash", multiplier, layerMultipliers = "layer_multipliers"
        case method, epochs, lr, batch, momentum, seed
    }

    /// "fnv1a64:0x…" of a file's bytes (the parent checkpoint).
    public static func fileHash(_ url: URL) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelError.io(path: url.path, reason: "cannot read the file to hash it: \(error.localizedDescription)")
        }
        return "fnv1a64:" + FNV1a64.hex(FNV1a64.hash(data))
    }

    /// The settings that must agree for `--resume` to continue this run: all but the epoch count.
    public func sameRun(as other: CheckpointProvenance) -> Bool {
        var a = self, b = other
        (a.epochs, b.epochs, a.parent, b.parent) = (0, 0, "", "")
        return a == b
    }
}

extension SignedProductTable {
    /// "fnv1a64:0x…" of the 129×129 magnitudes as little-endian Int32: the one table hash that
    /// checkpoints record; equal tables from a design name or an `.axlut` file hash the same.
    public var contentHash: String {
        var h = FNV1a64()
        for v in magnitudes { withUnsafeBytes(of: v.littleEndian) { h.update($0) } }
        return "fnv1a64:" + FNV1a64.hex(h.value)
    }
}
