import Foundation
import NetSim
import Testing

/// `axmul export-onnx` against onnxruntime (Tests/Fixtures/onnx/run_ort.py), the independent reference:
/// the float export gives `eval`'s accuracy and the network's logits; the QDQ export gives `evaluate`'s
/// exact 8-bit accuracy and the exact 8-bit logits. Data: small .npy folders made by make_data.py.
@Suite(.serialized) struct ExportONNXTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/onnx")

    /// Runs python3 with `args`; nil status when python3, numpy, onnx or onnxruntime is missing.
    static func python(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// True if onnxruntime is usable; under CI=true its absence is a failure (scripts/setup installs it).
    static func haveRuntime() throws -> Bool {
        if (try? python(["-c", "import numpy, onnx, onnxruntime"])) == 0 { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("python3 with numpy, onnx and onnxruntime is required under CI (scripts/setup installs them)")
        }
        return false
    }

    static func folder() throws -> URL { try cliTestFolder("axmul-onnx") }

    static func ok(_ args: [String]) throws -> String { try runAxmulOK(args) }

    /// A data folder (C×H×W or C features), a model trained on it, and the folder.
    static func trained(_ model: String, shape: [Int], epochs: Int = 2, in dir: URL) throws -> (data: URL, checkpoint: String) {
        let data = dir.appendingPathComponent("data")
        let dims = shape.count == 1 ? [shape[0], 0, 0] : shape
        try #require(try python([fixtures.appendingPathComponent("make_data.py").path, data.path] + dims.map(String.init)
                                + ["48", "24", "3", "7"]) == 0)
        let checkpoint = dir.appendingPathComponent("\(model).safetensors").path
        _ = try ok(["train", "--model", model, "--data", data.path, "--epochs", "\(epochs)", "--batch", "8", "--lr", "0.02",
                    "--hidden", "16,16", "-o", checkpoint])
        return (data, checkpoint)
    }

    /// onnxruntime's logits for `onnx` on the folder's test_x.npy: [N, classes] row-major.
    static func ortLogits(_ onnx: String, data: URL, optimise: Bool = true) throws -> [Float] {
        let out = data.deletingLastPathComponent().appendingPathComponent(UUID().uuidString + ".npy")
        let args = [fixtures.appendingPathComponent("run_ort.py").path, onnx, data.appendingPathComponent("test_x.npy").path, out.path]
        try #require(try python(args + (optimise ? [] : ["--no-optimise"])) == 0, "run_ort.py failed on \(onnx)")
        return try NPYArray.read(out).floats(path: out.path)
    }

    /// NetSim's logits on the test part: float, or exact 8-bit with `record`'s steps.
    static func netsimLogits(_ checkpoint: String, data: URL, record: QuantisationRecord? = nil) throws -> (logits: [Float], labels: [Int32]) {
        let (trainer, info) = try TrainCheckpoint.load(from: URL(fileURLWithPath: checkpoint))
        var test = try DatasetLoader.load(data.path).test
        test.sampleShape = info.inputShape
        var net = trainer.network
        if let record {
            net = try ApproxNetwork.wrap(net, MultiplierAssignment(default: nil), record: record)
            ApproxNetwork.set(&net, compute: .exact)
        }
        let (x, labels) = Trainer.batch(test, Array(0..<test.count))
        var ctx = ForwardContext(mode: .eval)
        return (net.forward(x, context: &ctx).data, labels)
    }

    static func accuracy(_ logits: [Float], _ labels: [Int32]) -> Double {
        let classes = logits.count / labels.count
        let right = labels.indices.filter { i in
            let row = logits[i * classes..<(i + 1) * classes]
            return row.firstIndex(of: row.max() ?? 0).map { $0 - i * classes } == Int(labels[i])
        }.count
        return Double(right) / Double(labels.count)
    }

    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).map { abs($0 - $1) / (1 + abs($1)) }.max() ?? .infinity
    }

    struct EvalJSON: Decodable { var accuracy: Double; var approx_accuracy: Double? }
    struct EvaluateJSON: Decodable { var float_accuracy: Double; var exact8_accuracy: Double }

    @Test(arguments: [("mlp", [6]), ("lenet5", [1, 8, 8]), ("resnet8", [3, 8, 8])])
    func floatExportEqualsEval(model: String, shape: [Int]) throws {
        guard try Self.haveRuntime() else { return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, checkpoint) = try Self.trained(model, shape: shape, epochs: model == "resnet8" ? 1 : 2, in: dir)
        let onnx = dir.appendingPathComponent("\(model).onnx").path
        _ = try Self.ok(["export-onnx", "--model", checkpoint, "-o", onnx])
        let ort = try Self.ortLogits(onnx, data: data)
        let netsim = try Self.netsimLogits(checkpoint, data: data)
        #expect(ort.count == netsim.logits.count)
        #expect(Self.maxDifference(ort, netsim.logits) < 1e-4, "\(model): float logits differ")
        let eval = try JSONDecoder().decode(EvalJSON.self, from: Data(try Self.ok(["eval", "--model", checkpoint, "--data", data.path, "--json"]).utf8))
        #expect(Self.accuracy(ort, netsim.labels) == eval.accuracy, "\(model): onnxruntime accuracy differs from eval")
    }

    @Test(arguments: [("mlp", [6], false), ("lenet5", [1, 8, 8], true), ("resnet8", [3, 8, 8], false)])
    func qdqExportEqualsExact8(model: String, shape: [Int], perChannel: Bool) throws {
        guard try Self.haveRuntime() else { return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, checkpoint) = try Self.trained(model, shape: shape, epochs: model == "resnet8" ? 1 : 2, in: dir)
        let channel = perChannel ? ["--per-channel"] : []
        let onnx = dir.appendingPathComponent("\(model).qdq.onnx").path
        _ = try Self.ok(["export-onnx", "--model", checkpoint, "--qdq", "--data", data.path, "--calibration-samples", "20", "-o", onnx] + channel)
        let evaluate = try JSONDecoder().decode(EvaluateJSON.self, from: Data(try Self.ok([
            "evaluate", "--model", checkpoint, "--data", data.path, "--multiplier", "exact8", "--calibration-samples", "20", "--json",
        ] + channel).utf8))
        // The same steps in process: calibrate on the first 20 training samples as the commands do.
        var options = ApproxNetwork.QuantOptions()
        options.perChannelWeights = perChannel
        let (trainer, info) = try TrainCheckpoint.load(from: URL(fileURLWithPath: checkpoint))
        var train = try DatasetLoader.load(data.path).train
        train.sampleShape = info.inputShape
        let calibration = DataSubset(calibrationSamples: 20).calibration(train, options: &options)
        var wrapped = ApproxNetwork.wrap(trainer.network, MultiplierAssignment(default: nil), options: options)
        ApproxNetwork.calibrate(&wrapped, on: calibration, options: options)
        let record = ApproxNetwork.record(wrapped, options: options)
        let exact = try Self.netsimLogits(checkpoint, data: data, record: record)
        let float = try Self.netsimLogits(checkpoint, data: data)
        // The ops as ONNX defines them (no graph rewrites): the exact 8-bit logits up to Float sums.
        let plain = try Self.ortLogits(onnx, data: data, optimise: false)
        #expect(Self.maxDifference(plain, exact.logits) < 1e-5, "\(model): QDQ logits differ from exact 8-bit")
        #expect(Self.accuracy(plain, exact.labels) == evaluate.exact8_accuracy, "\(model): QDQ accuracy differs from evaluate")
        // onnxruntime's default session fuses Gemm+Relu and sums in another order (≈1e-5), which can move an
        // activation across a rounding boundary at a later QuantizeLinear: same accuracy, logits one code apart.
        let fused = try Self.ortLogits(onnx, data: data)
        #expect(Self.accuracy(fused, exact.labels) == evaluate.exact8_accuracy, "\(model): optimised QDQ accuracy differs from evaluate")
        #expect(Self.maxDifference(exact.logits, float.logits) > 1e-5, "\(model): the 8-bit model should differ from float")
    }

    @Test func qdqOfRetrainedCheckpointUsesStoredSteps() throws {
        guard try Self.haveRuntime() else { return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, checkpoint) = try Self.trained("mlp", shape: [6], in: dir)
        let retrained = dir.appendingPathComponent("r.safetensors").path
        _ = try Self.ok(["retrain", "--model", checkpoint, "--data", data.path, "--multiplier", "exact8", "--method", "behavioural",
                         "--epochs", "1", "--lr", "0.01", "--calibration-samples", "16", "-o", retrained])
        let onnx = dir.appendingPathComponent("r.onnx").path
        _ = try Self.ok(["export-onnx", "--model", retrained, "--qdq", "-o", onnx])
        let (_, info) = try TrainCheckpoint.load(from: URL(fileURLWithPath: retrained))
        let record = try #require(info.quantisation)
        let exact = try Self.netsimLogits(retrained, data: data, record: record)
        let ort = try Self.ortLogits(onnx, data: data, optimise: false)
        #expect(Self.maxDifference(ort, exact.logits) < 1e-5)
        let eval = try JSONDecoder().decode(EvalJSON.self, from: Data(try Self.ok(["eval", "--model", retrained, "--data", data.path, "--json"]).utf8))
        #expect(eval.approx_accuracy == Self.accuracy(ort, exact.labels))
    }

    @Test func badArgumentsExitTwo() {
        #expect(runAxmul(["export-onnx", "--model", "m.safetensors", "-o", "m.txt"]).status == 2)
        #expect(runAxmul(["export-onnx", "--model", "m.safetensors", "-o", "m.onnx", "--calibration-samples", "0"]).status == 2)
        #expect(runAxmul(["eval", "--model", "m.safetensors", "--limit", "0"]).status == 2)
        #expect(runAxmul(["evaluate", "--model", "m", "--data", "d", "--multiplier", "exact8", "--calibration-samples", "-3"]).status == 2)
        #expect(runAxmul(["crosseval", "--model", "m", "--data", "d", "--multiplier", "exact8", "--limit", "-1"]).status == 2)
        #expect(runAxmul(["retrain", "--model", "m", "--data", "d", "--multiplier", "exact8", "--method", "behavioural", "-o", "r",
                          "--limit", "0"]).status == 2)
    }

    @Test func limitCutsTheTestPart() throws {
        guard try Self.haveRuntime() else { return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, checkpoint) = try Self.trained("mlp", shape: [6], epochs: 1, in: dir)
        let out = try Self.ok(["eval", "--model", checkpoint, "--data", data.path, "--limit", "5", "--json"])
        #expect(out.contains("\"samples\" : 5") || out.contains("\"samples\":5"))
    }
}
