import Foundation
import Testing
import TestSupport

/// `--input-mean` / `--input-std` on an ONNX `--model`: evaluating data D with the flags equals
/// evaluating (D − mean) / std without them (the normalised copy is made by numpy), and
/// `validate()` refuses bad values with a usage error (exit 2) before anything is read.
@Suite struct InputNormalisationCLITests {
    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test(.needs(.python)) func flagsEqualNormalisedData() throws {
        let folder = try cliTestFolder("axmul-input-norm")
        defer { try? FileManager.default.removeItem(at: folder) }
        let onnx = try ONNXCLITests.fixture(in: folder)
        let raw = folder.appendingPathComponent("raw"), normalised = folder.appendingPathComponent("normalised")
        let make = ExportONNXTests.fixtures.appendingPathComponent("make_data.py").path
        try Python.require([make, raw.path, "1", "8", "8", "24", "40", "10", "3"])
        let script = """
        import numpy as np, shutil, sys
        src, dst = sys.argv[1], sys.argv[2]
        shutil.copytree(src, dst)
        for part in ("train", "test"):
            x = np.load(f"{src}/{part}_x.npy")
            np.save(f"{dst}/{part}_x.npy", ((x - np.float32(0.25)) / np.float32(0.5)).astype(np.float32))
        """
        try Python.require(["-c", script, raw.path, normalised.path])
        let flagged = Self.json(try runAxmulOK(["eval", "--model", onnx.path, "--data", raw.path, "--input-mean", "0.25",
                                                "--input-std", "0.5", "--json"]))
        let plain = Self.json(try runAxmulOK(["eval", "--model", onnx.path, "--data", normalised.path, "--json"]))
        let unflagged = Self.json(try runAxmulOK(["eval", "--model", onnx.path, "--data", raw.path, "--json"]))
        #expect(flagged["samples"] as? Int == 40)
        #expect(flagged["accuracy"] as? Double == plain["accuracy"] as? Double)
        let (a, b, c) = (flagged["loss"] as? Double ?? .nan, plain["loss"] as? Double ?? .nan, unflagged["loss"] as? Double ?? .nan)
        #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "loss \(a) with the flags vs \(b) on normalised data")
        #expect(abs(a - c) > 1e-3, "the flags changed nothing: \(a) vs \(c)")
    }

    @Test func badValuesAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["eval", "--model", "m.onnx", "--input-std", "0"], "every std must be > 0"),
            (["eval", "--model", "m.onnx", "--input-mean", "0.1,x"], "comma-separated finite numbers"),
            (["evaluate", "--model", "m.onnx", "--data", "d", "--multiplier", "exact", "--input-mean", "1,2", "--input-std", "1,2,3"],
             "give one value or one per channel"),
            (["eval", "--model", "m.safetensors", "--input-mean", "0.5"], "apply to ONNX models only"),
            (["hybrid", "--model", "lenet5", "--data", "d", "--input-std", "2"], "apply to ONNX models only"),
        ]
        for (args, words) in cases {
            let r = runAxmul(args)
            #expect(r.status == 2 && r.stderr.contains(words), "\(args): \(r.status) \(r.stderr)")
        }
    }

    /// Three values for the one-channel digits model: refused at import, naming the input.
    @Test(.needs(.python)) func channelCountMismatchNamesTheInput() throws {
        let folder = try cliTestFolder("axmul-input-norm")
        defer { try? FileManager.default.removeItem(at: folder) }
        let onnx = try ONNXCLITests.fixture(in: folder)
        let r = runAxmul(["eval", "--model", onnx.path, "--data", "digits_8x8", "--input-mean", "0.1,0.2,0.3"])
        #expect(r.status == 1 && r.stderr.contains("3 values but input 'x'") && r.stderr.contains("1 channels"), "\(r.stderr)")
    }
}
