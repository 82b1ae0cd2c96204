import Foundation
import NetSim
import Testing
import TestSupport

/// `axmul export-onnx` against onnxruntime (Tests/Fixtures/onnx/run_ort.py), the independent reference:
/// the float export gives `eval`'s accuracy and the network's logits; the QDQ export gives `evaluate`'s
/// exact 8-bit accuracy and the exact 8-bit logits. Data: small .npy folders made by make_data.py.
@Suite(.serialized) struct ExportONNXTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/onnx")

    static func folder() throws -> URL { try cliTestFolder("axmul-onnx") }

    static func ok(_ args: [String]) throws -> String { try runAxmulOK(args) }

    /// A data folder (C×H×W or C features), a model trained on it, and the folder.
    static func trained(_ model: String, shape: [Int], epochs: Int = 2, in dir: URL) throws -> (data: URL, checkpoint: String) {
        let data = dir.appendingPathComponent("data")
        let dims = shape.count == 1 ? [shape[0], 0, 0] : shape
        try Python.require([fixtures.appendingPathComponent("make_data.py").path, data.path] + dims.map(String.init)
                                + ["48", "24", "3", "7"])
        let checkpoint = dir.appendingPathComponent("\(model).safetensors").path
        _ = try ok(["train", "--model", model, "--data", data.path, "--epochs", "\(epochs)", "--batch", "8", "--lr", "0.02",
                    "--hidden", "16,16", "-o", checkpoint])
        return (data, checkpoint)
    }

    /// onnxruntime's logits for `onnx` on the folder's test_x.npy: [N, classes] row-major. With `codes`, also the
    /// int8 codes onnxruntime's QuantizeLinear gave each layer's input, by layer name.
    static func ortLogits(_ onnx: String, data: URL, optimise: Bool = true) throws -> [Float] {
        try ortRun(onnx, data: data, optimise: optimise, codes: false).logits
    }

    static func ortRun(_ onnx: String, data: URL, optimise: Bool, codes: Bool) throws -> (logits: [Float], codes: [String: [Float]]) {
        let out = data.deletingLastPathComponent().appendingPathComponent(UUID().uuidString + ".npy")
        let codesDir = data.deletingLastPathComponent().appendingPathComponent(UUID().uuidString)
        let args = [fixtures.appendingPathComponent("run_ort.py").path, onnx, data.appendingPathComponent("test_x.npy").path, out.path]
        try Python.require(args + (optimise ? [] : ["--no-optimise"]) + (codes ? ["--codes", codesDir.path] : []))
        var layers: [String: [Float]] = [:]
        if codes {
            for file in try FileManager.default.contentsOfDirectory(atPath: codesDir.path) where file.hasSuffix(".npy") {
                let url = codesDir.appendingPathComponent(file)
                layers[String(file.dropLast(4))] = try NPYArray.read(url).floats(path: url.path)
            }
        }
        return (try NPYArray.read(out).floats(path: out.path), layers)
    }

    /// NetSim's logits on the test part: float, or exact 8-bit with `record`'s steps; then also the int8 codes
    /// each approximated layer's input got, by layer name.
    static func netsimLogits(_ checkpoint: String, data: URL, record: QuantisationRecord? = nil) throws
        -> (logits: [Float], labels: [Int32], codes: [String: [Int8]]) {
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
        let logits = net.forward(x, context: &ctx).data
        return (logits, labels, inputCodes(net))
    }

    /// The int8 codes of each approximated layer's input in `net`'s last forward, by layer name.
    static func inputCodes(_ net: Network) -> [String: [Int8]] {
        var codes: [String: [Int8]] = [:]
        for node in net.nodes {
            if let layer = node.layer as? ApproxLayer, let input = layer.lastInput { codes[layer.name] = input.codes }
        }
        return codes
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

    @Test(.needs(.python), arguments: [("mlp", [6]), ("lenet5", [1, 8, 8]), ("resnet8", [3, 8, 8])])
    func floatExportEqualsEval(model: String, shape: [Int]) throws {
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

    @Test(.needs(.python), arguments: [("mlp", [6], false), ("lenet5", [1, 8, 8], true), ("resnet8", [3, 8, 8], false)])
    func qdqExportEqualsExact8(model: String, shape: [Int], perChannel: Bool) throws {
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
        try Self.expectQDQMatches(onnx, data: data, exact: exact, accuracy: evaluate.exact8_accuracy, model: model)
        #expect(Self.maxDifference(exact.logits, float.logits) > 1e-5, "\(model): the 8-bit model should differ from float")
    }

    /// The QDQ export under onnxruntime against NetSim's exact 8-bit network, as docs/onnx.md promises:
    /// - the ops as ONNX defines them (no graph rewrites): every activation code within one of NetSim's, and at
    ///   most 1 % of a layer's codes apart at all. The sums agree up to Float rounding, so a sum taken in another
    ///   order can land on the other side of a rounding boundary (onnxruntime 1.32's convolution does);
    /// - both that and onnxruntime's default session (which rewrites the graph, e.g. fuses Gemm + Relu, and picks
    ///   other convolution kernels, so one-code differences carry into later layers): the same prediction
    ///   wherever NetSim's top-two margin exceeds what the logit differences can move.
    static func expectQDQMatches(_ onnx: String, data: URL, exact: (logits: [Float], labels: [Int32], codes: [String: [Int8]]),
                                 accuracy: Double?, model: String) throws {
        let plain = try Self.ortRun(onnx, data: data, optimise: false, codes: true)
        try Self.expectCodesOneApart(plain.codes, exact.codes, model: model)
        Self.expectSamePredictions(plain.logits, exact.logits, labels: exact.labels, evaluate: accuracy, model: model)
        let fused = try Self.ortRun(onnx, data: data, optimise: true, codes: false)
        Self.expectSamePredictions(fused.logits, exact.logits, labels: exact.labels, evaluate: accuracy, model: model + " (optimised)")
    }

    /// Each layer's input codes from onnxruntime against NetSim's: the same layers, the same count, at most one
    /// code apart, and at most 1 % of the codes apart at all (a rounding-boundary crossing is rare).
    static func expectCodesOneApart(_ ort: [String: [Float]], _ netsim: [String: [Int8]], model: String) throws {
        #expect(Set(ort.keys) == Set(netsim.keys), "\(model): quantised layers \(ort.keys.sorted()) vs \(netsim.keys.sorted())")
        for (layer, codes) in netsim {
            let other = try #require(ort[layer])
            try #require(other.count == codes.count, "\(model) \(layer): \(other.count) codes vs \(codes.count)")
            let apart = zip(other, codes).map { abs($0 - Float($1)) }
            #expect(apart.max() ?? 0 <= 1, "\(model) \(layer): a code \(apart.max() ?? 0) apart")
            let differing = apart.filter { $0 != 0 }.count
            #expect(differing * 100 <= codes.count, "\(model) \(layer): \(differing) of \(codes.count) codes differ")
        }
    }

    /// The predictions agree on every sample whose NetSim top-two margin is wider than twice the largest logit
    /// difference between the two runtimes (only a narrower margin can flip); when no sample is that close,
    /// onnxruntime's accuracy equals `evaluate`'s.
    static func expectSamePredictions(_ ort: [Float], _ netsim: [Float], labels: [Int32], evaluate: Double?, model: String) {
        let classes = netsim.count / labels.count
        let gap = zip(ort, netsim).map { abs($0 - $1) }.max() ?? 0
        var close = 0
        for i in labels.indices {
            let a = Array(netsim[i * classes..<(i + 1) * classes]), b = Array(ort[i * classes..<(i + 1) * classes])
            let top = a.indices.max { a[$0] < a[$1] }!
            let margin = a[top] - (a.indices.filter { $0 != top }.map { a[$0] }.max() ?? -.infinity)
            if margin <= 2 * gap { close += 1; continue }
            #expect(b.indices.max { b[$0] < b[$1] } == top, "\(model): sample \(i) predicted differently with margin \(margin) > 2 × \(gap)")
        }
        if close == 0, let evaluate { #expect(accuracy(ort, labels) == evaluate, "\(model): onnxruntime's accuracy differs from evaluate's") }
    }

    @Test(.needs(.python)) func qdqOfRetrainedCheckpointUsesStoredSteps() throws {
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
        let eval = try JSONDecoder().decode(EvalJSON.self, from: Data(try Self.ok(["eval", "--model", retrained, "--data", data.path, "--json"]).utf8))
        try Self.expectQDQMatches(onnx, data: data, exact: exact, accuracy: eval.approx_accuracy, model: "retrained mlp")
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

    @Test(.needs(.python)) func limitCutsTheTestPart() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, checkpoint) = try Self.trained("mlp", shape: [6], epochs: 1, in: dir)
        let out = try Self.ok(["eval", "--model", checkpoint, "--data", data.path, "--limit", "5", "--json"])
        #expect(out.contains("\"samples\" : 5") || out.contains("\"samples\":5"))
    }
}
