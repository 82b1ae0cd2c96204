import Foundation
import Testing
import TestSupport
@testable import NetSim
import ONNX

/// `--model x.onnx` end to end: eval, retrain with a per-layer multiplier named after an ONNX
/// node, the retrained checkpoint evaluated again (rebuilt from the .onnx), and one-line errors.
/// Needs the project's Python with onnx (Tests/ONNXTests/Fixtures/make_models.py).
@Suite(.needs(.python)) struct ONNXCLITests {
    /// digits_cnn.onnx (make_models.py --cli) in `folder`.
    static func fixture(in folder: URL) throws -> URL {
        try Python.require("ONNXTests/Fixtures/make_models.py", ["--cli", folder.path])
        return folder.appendingPathComponent("digits_cnn.onnx")
    }

    @Test func evalRetrainAndReload() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let onnx = try Self.fixture(in: folder)
        let eval = runAxmul(["eval", "--model", onnx.path, "--data", "digits_8x8", "--json"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let out = folder.appendingPathComponent("retrained.safetensors")
        let retrain = runAxmul(["retrain", "--model", onnx.path, "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222",
                                "--layer-multiplier", "fc=smapprox8x8-2222", "--method", "behavioural",
                                "--epochs", "1", "--batch", "32", "-o", out.path, "--json"])
        #expect(retrain.status == 0, "\(retrain.stderr)")
        let reload = runAxmul(["eval", "--model", out.path, "--json"])
        #expect(reload.status == 0 && reload.stdout.contains("approx_accuracy"), "\(reload.stderr)")
        let meta = try SafeTensors.read(from: out).1  // the test process has no ONNX builder: read the metadata
        let provenance = try ImportedModelProvenance.read(meta, file: out.path)
        #expect(meta["model"] == onnx.standardizedFileURL.path && provenance?.hash?.hasPrefix("fnv1a64:0x") == true && provenance?.preprocessing == nil)
        #expect(meta["onnx_hash"] == nil && meta["onnx_mean"] == nil, "one key, not the loose ones")
        #expect(meta["provenance"]?.contains("\"layer_multipliers\":{\"fc\"") == true, "\(meta["provenance"] ?? "")")
        #expect(meta["input_delta.conv1"] != nil && meta["input_delta.fc"] != nil)
        #expect(meta["data"] == "digits_8x8" && meta["data_hash"]?.hasPrefix("fnv1a64:0x") == true, "\(meta)")

        // export-onnx --qdq of the imported model (no stored Δx) calibrates on --data and records it.
        let qdq = folder.appendingPathComponent("qdq.onnx")
        let export = runAxmul(["export-onnx", "--model", onnx.path, "--qdq", "--data", "digits_8x8", "-o", qdq.path])
        #expect(export.status == 0, "\(export.stderr)")
        let exported = try Onnx_ModelProto(serializedBytes: Data(contentsOf: qdq))
        #expect(exported.metadataProps.first { $0.key == "axmul.data" }?.value == "digits_8x8")
        let corrupt = folder.appendingPathComponent("corrupt.onnx")
        try Data([0x08, 0x07, 0x12, 0xff, 0xff]).write(to: corrupt)
        let c = runAxmul(["evaluate", "--model", corrupt.path, "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222"])
        #expect(c.status == 1 && c.stderr.split(separator: "\n").count == 1 && c.stderr.contains("corrupt.onnx: not a valid ONNX model"), "\(c.stderr)")
    }
}
