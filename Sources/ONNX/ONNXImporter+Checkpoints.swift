import Foundation
import NetSim

/// How an imported model lives in NetSim checkpoints: the checkpoint's `model` metadata is the
/// .onnx path (absolute when the CLI imported it), `onnx_hash` the file's FNV-1a 64 hash, and
/// `onnx_mean` / `onnx_std` the preprocessing when it did not come from the model's metadata.
/// Loading re-imports the file (graph and layer names), refuses it if the hash changed, and then
/// the checkpoint's tensors replace the imported weights.
public extension ONNXImporter {
    static let hashKey = "onnx_hash", meanKey = "onnx_mean", stdKey = "onnx_std"

    /// Whether a `--model` argument names an ONNX file.
    static func isONNXModel(_ model: String) -> Bool { model.lowercased().hasSuffix(".onnx") }

    /// Checkpoint metadata that lets `architecture(model:metadata:)` rebuild `model`.
    static func checkpointMetadata(_ model: ONNXModel, explicitPreprocessing: Bool) -> [String: String] {
        var meta = [hashKey: model.contentHash]
        if explicitPreprocessing, let p = model.preprocessing { meta.merge(preprocessingMetadata(p)) { $1 } }
        return meta
    }

    /// `onnx_mean` / `onnx_std` for preprocessing given by flags (checkpoints and `Workflows.ModelSource`).
    static func preprocessingMetadata(_ p: ONNXPreprocessing) -> [String: String] {
        [meanKey: p.mean.map { "\($0)" }.joined(separator: ","), stdKey: p.std.map { "\($0)" }.joined(separator: ",")]
    }

    /// The network of the .onnx file at `model` with the preprocessing its checkpoint metadata records,
    /// refused if the file's hash differs from the recorded one (`Workflows.ModelSource` routes here).
    static func architecture(model: String, metadata meta: [String: String]) throws -> Network {
        var options = Options()
        if let m = meta[meanKey].flatMap(ONNXPreprocessing.values), let s = meta[stdKey].flatMap(ONNXPreprocessing.values) {
            options.preprocessing = ONNXPreprocessing(mean: m, std: s)
        }
        let imported = try load(contentsOf: URL(fileURLWithPath: model), options: options)
        if let expected = meta[hashKey], expected != imported.contentHash {
            throw ONNXError.invalidGraph(file: model, reason: "the file's hash \(imported.contentHash) differs from the checkpoint's \(expected): the model changed since the checkpoint was written")
        }
        return imported.network
    }
}
