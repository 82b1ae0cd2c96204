import Foundation
import NetSim
import Records
import TableFormat

/// Where a checkpoint's imported model came from: the `.onnx` file's content hash, and the input
/// preprocessing when flags gave it (`--input-mean` / `--input-std`; nil when it came from the model's
/// own metadata, which the re-import reads again). A checkpoint records it as one JSON value under one
/// safetensors metadata key, `onnx_provenance` (safetensors metadata maps strings to strings), e.g.
/// `{"hash":"fnv1a64:0x…","preprocessing":{"mean":[0.5],"std":[0.25]}}`; JSON numbers give every
/// Float back exactly. Checkpoints written before it carried three loose keys, `onnx_hash` and the
/// comma-joined `onnx_mean` / `onnx_std`; `read` still takes them, and `ModelSource.checkpoint`
/// rewrites them in this form, so a checkpoint saved again carries the one key.
public struct ImportedModelProvenance: Sendable, Codable, Equatable {
    /// FNV-1a 64 of the .onnx file's bytes, "fnv1a64:0x…"; nil when the run did not record it (a model
    /// trained from the file with `train`, `hybrid` or `axtrain`), and then the file is not checked.
    public var hash: String?
    /// Preprocessing given by flags, which replaces the model's `axmul.mean` / `axmul.std`.
    public var preprocessing: ONNXPreprocessing?

    public static let metadataKey = "onnx_provenance"
    /// The keys of checkpoints written before this type: read, never written.
    static let oldHashKey = "onnx_hash", oldMeanKey = "onnx_mean", oldStdKey = "onnx_std"

    public init(hash: String? = nil, preprocessing: ONNXPreprocessing? = nil) {
        (self.hash, self.preprocessing) = (hash, preprocessing)
    }

    /// What a checkpoint of the imported `model` records: its hash, and its preprocessing if the flags gave it.
    public init(_ model: ONNXModel, explicitPreprocessing: Bool) {
        self.init(hash: model.contentHash, preprocessing: explicitPreprocessing ? model.preprocessing : nil)
    }

    /// The checkpoint metadata that records it: the one key, its value one JSON line (`RecordJSON.line`).
    public func metadata() throws -> [String: String] {
        [Self.metadataKey: try RecordJSON.line(self)]
    }

    /// What a checkpoint's metadata records: its `onnx_provenance`, else an older checkpoint's loose keys;
    /// nil when it has neither. A value that cannot be read is an error naming `file` and the key.
    public static func read(_ meta: [String: String], file: String) throws(ModelError) -> ImportedModelProvenance? {
        let bad = { (key: String, why: String) in
            ModelError.checkpoint(path: file, reason: "metadata '\(key)' \(why); write the checkpoint again from its .onnx file (axmul train or retrain --model F.onnx)")
        }
        let p: ImportedModelProvenance, key: String
        if let text = meta[metadataKey] {
            do { p = try JSONDecoder().decode(Self.self, from: Data(text.utf8)) } catch {
                throw bad(metadataKey, "is not a {hash, preprocessing: {mean, std}} object: \(FoundationErrorText.describe(error)?.reason ?? "not valid JSON")")
            }
            key = metadataKey
        } else {
            var preprocessing: ONNXPreprocessing?
            switch (meta[oldMeanKey], meta[oldStdKey]) {
            case (nil, nil): guard meta[oldHashKey] != nil else { return nil }
            case (let mean?, let std?):
                guard let m = ONNXPreprocessing.values(mean) else { throw bad(oldMeanKey, "'\(mean)' is not comma-separated numbers") }
                guard let s = ONNXPreprocessing.values(std) else { throw bad(oldStdKey, "'\(std)' is not comma-separated numbers") }
                preprocessing = ONNXPreprocessing(mean: m, std: s)
            case (nil, _): throw bad(oldMeanKey, "is missing next to '\(oldStdKey)'")
            case (_, nil): throw bad(oldStdKey, "is missing next to '\(oldMeanKey)'")
            }
            p = ImportedModelProvenance(hash: meta[oldHashKey], preprocessing: preprocessing)
            key = oldStdKey
        }
        if let pre = p.preprocessing, !(pre.mean.count == pre.std.count && !pre.std.isEmpty
                                        && pre.mean.allSatisfy(\.isFinite) && pre.std.allSatisfy({ $0 > 0 && $0.isFinite })) {
            throw bad(key, "gives preprocessing mean \(pre.mean) and std \(pre.std): one finite std > 0 per finite mean")
        }
        return p
    }

    /// `meta` with an older checkpoint's loose keys replaced by the one key (unchanged without them).
    public static func upgrading(_ meta: [String: String], file: String) throws -> [String: String] {
        guard meta[metadataKey] == nil, [oldHashKey, oldMeanKey, oldStdKey].contains(where: { meta[$0] != nil }),
              let p = try read(meta, file: file) else { return meta }
        return meta.filter { ![oldHashKey, oldMeanKey, oldStdKey].contains($0.key) }.merging(try p.metadata()) { $1 }
    }
}
