import Foundation
import Testing
import TestSupport

/// docs/onnx.md's PyTorch recipe with torch itself: a LeNet with BatchNorm fused by
/// torch.ao.quantization.fuse_modules, exported by the dynamo exporter, retrained by AxMul, exported back
/// (`export-onnx`), and loaded into the same torch module by name with load_state_dict(strict=True); torch's
/// logits then equal onnxruntime's on AxMul's export (Tests/Fixtures/onnx/torch_roundtrip.py).
@Suite(.needs(.python, .torch), .long) struct TorchRoundTripTests {
    @Test func retrainedWeightsLoadIntoTheTorchModuleByName() throws {
        requireTools(.python, .torch)
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Python.require("Fixtures/onnx/torch_roundtrip.py", ["export", folder.path])
        let data = folder.appendingPathComponent("data")
        try Python.require("Fixtures/onnx/make_data.py", [data.path, "1", "28", "28", "32", "16", "10", "5"])
        let checkpoint = folder.appendingPathComponent("retrained.safetensors")
        let retrain = runAxmul(["retrain", "--model", folder.appendingPathComponent("net.onnx").path, "--data", data.path,
                                "--multiplier", "smapprox8x8-2222", "--method", "behavioural", "--epochs", "1", "--batch", "16",
                                "-o", checkpoint.path])
        #expect(retrain.status == 0, "\(retrain.stderr)")
        let exported = folder.appendingPathComponent("retrained.onnx")
        let export = runAxmul(["export-onnx", "--model", checkpoint.path, "-o", exported.path])
        #expect(export.status == 0, "\(export.stderr)")
        try Python.require("Fixtures/onnx/torch_roundtrip.py", ["load", folder.path, exported.path])
    }
}
