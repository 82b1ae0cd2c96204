import Foundation
import Testing
@testable import NetSim

/// `--model x.onnx` end to end: eval, retrain with a per-layer multiplier named after an ONNX
/// node, the retrained checkpoint evaluated again (rebuilt from the .onnx), and one-line errors.
/// Needs python3 with onnx (Tests/ONNXTests/Fixtures/make_models.py); skipped without it except
/// under CI=true.
@Suite struct ONNXCLITests {
    static func fixture(in folder: URL) throws -> URL? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ONNXTests/Fixtures/make_models.py").standardizedFileURL
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, "--cli", folder.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        let url = folder.appendingPathComponent("digits_cnn.onnx")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("make_models.py --cli failed: install onnx (scripts/setup)") }
        return nil
    }

    @Test func evalRetrainAndReload() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let onnx = try Self.fixture(in: folder) else { return }
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
        #expect(meta["model"] == onnx.standardizedFileURL.path && meta["onnx_hash"]?.hasPrefix("fnv1a64:0x") == true)
        #expect(meta["provenance"]?.contains("\"layer_multipliers\":{\"fc\"") == true, "\(meta["provenance"] ?? "")")
        #expect(meta["input_delta.conv1"] != nil && meta["input_delta.fc"] != nil)
        let corrupt = folder.appendingPathComponent("corrupt.onnx")
        try Data([0x08, 0x07, 0x12, 0xff, 0xff]).write(to: corrupt)
        let c = runAxmul(["evaluate", "--model", corrupt.path, "--data", "digits_8x8", "--multiplier", "smapprox8x8-2222"])
        #expect(c.status == 1 && c.stderr.split(separator: "\n").count == 1 && c.stderr.contains("corrupt.onnx: not a valid ONNX model"), "\(c.stderr)")
    }
}
