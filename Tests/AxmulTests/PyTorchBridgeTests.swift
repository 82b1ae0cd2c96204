import Foundation
import NetSim
import Testing
import TestSupport

/// The PyTorch-side bridge end to end (docs/onnx.md, "From PyTorch"): a LeNet-5 and a ResNet-8 made
/// outside AxMul (onnx.helper, Tests/ONNXTests/Fixtures/make_models.py --bridge) go through
/// `evaluate` → `retrain` (one short epoch on a tiny .npy folder) → `export-onnx` → onnxruntime, and
/// onnxruntime's accuracy and mean cross-entropy on the exported model equal `eval`'s on the
/// retrained checkpoint.
@Suite(.serialized, .needs(.python), .long) struct PyTorchBridgeTests {
    struct EvalJSON: Decodable { var accuracy: Double; var loss: Double; var samples: Int }

    /// Mean softmax cross-entropy of row-major logits, in Double.
    static func crossEntropy(_ logits: [Float], _ labels: [Int32]) -> Double {
        let classes = logits.count / labels.count
        return labels.indices.map { i in
            let row = logits[i * classes..<(i + 1) * classes].map(Double.init)
            let m = row.max() ?? 0
            return m + log(row.map { exp($0 - m) }.reduce(0, +)) - row[Int(labels[i])]
        }.reduce(0, +) / Double(labels.count)
    }

    @Test(arguments: [("lenet5", ["1", "28", "28"]), ("resnet8", ["3", "16", "16"])])
    func evaluateRetrainExportRun(model: String, shape: [String]) throws {
        let dir = try cliTestFolder("axmul-bridge")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = ExportONNXTests.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ONNXTests/Fixtures/make_models.py").path
        try Python.require([script, "--bridge", dir.path])
        let data = dir.appendingPathComponent("data"), onnx = dir.appendingPathComponent(model + ".onnx").path
        try Python.require([ExportONNXTests.fixtures.appendingPathComponent("make_data.py").path, data.path]
                                                + shape + ["16", "24", "10", "5"])
        let retrained = dir.appendingPathComponent("\(model)-2222.safetensors").path
        let exported = dir.appendingPathComponent("\(model)-2222.onnx").path
        _ = try runAxmulOK(["evaluate", "--model", onnx, "--data", data.path, "--multiplier", "smapprox8x8-2222", "--json"])
        _ = try runAxmulOK(["retrain", "--model", onnx, "--data", data.path, "--multiplier", "smapprox8x8-2222",
                            "--method", "behavioural", "--epochs", "1", "--batch", "8", "--lr", "0.01", "-o", retrained])
        _ = try runAxmulOK(["export-onnx", "--model", retrained, "-o", exported])
        let eval = try JSONDecoder().decode(EvalJSON.self, from: Data(try runAxmulOK(["eval", "--model", retrained, "--json"]).utf8))
        let logits = try ExportONNXTests.ortLogits(exported, data: data)
        let test = try DatasetLoader.load(data.path).test
        let labels = Trainer.batch(test, Array(0..<test.count)).1
        #expect(eval.samples == 24 && labels.count == 24 && logits.count == 240)
        #expect(ExportONNXTests.accuracy(logits, labels) == eval.accuracy)
        let loss = Self.crossEntropy(logits, labels)
        #expect(abs(loss - eval.loss) <= 1e-4 * max(1, abs(eval.loss)), "onnxruntime loss \(loss) vs eval \(eval.loss)")
    }
}
