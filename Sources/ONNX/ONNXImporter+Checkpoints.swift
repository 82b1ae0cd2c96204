import Foundation
import NetSim

/// How an imported model lives in NetSim checkpoints: the checkpoint's `model` metadata is the
/// .onnx path (absolute when the CLI imported it), and its `onnx_provenance` metadata the file's hash
/// and the preprocessing given by flags (`ImportedModelProvenance`). Loading re-imports the file
/// (graph and layer names), refuses it if the hash changed, and then the checkpoint's tensors replace
/// the imported weights.
public extension ONNXImporter {
    /// Whether a `--model` argument names an ONNX file.
    static func isONNXModel(_ model: String) -> Bool { model.lowercased().hasSuffix(".onnx") }

    /// The network of the .onnx file at `model` with the preprocessing `provenance` records (else the
    /// model's own), refused if the file's hash differs from the recorded one (`Workflows.ModelSource` routes here).
    static func architecture(model: String, provenance: ImportedModelProvenance?) throws -> Network {
        let imported = try load(contentsOf: URL(fileURLWithPath: model), options: Options(preprocessing: provenance?.preprocessing))
        if let expected = provenance?.hash, expected != imported.contentHash {
            throw ONNXError.invalidGraph(file: model, reason: "the file's hash \(imported.contentHash) differs from the checkpoint's \(expected): the model changed since the checkpoint was written")
        }
        return imported.network
    }
}
