import Foundation
import Testing
import TableFormat
@testable import NetSim

/// `eval --logits` and `evaluate --logits` (float32 .npy [N, classes], test order) on a model torch exported
/// (Tests/ONNXTests/Fixtures/torch/lenet_view_classic.onnx: x.view(x.size(0), -1) with dynamic_axes), whose
/// onnxruntime logits on the same 8 inputs are committed next to it. No Python at run time.
@Suite struct LogitsCLITests {
    static let torch = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ONNXTests/Fixtures/torch").standardizedFileURL

    /// A .npy data folder holding the fixture's inputs, labels 9, 1, 2, … 7 (10 classes, as the model).
    static func dataFolder(_ folder: URL) throws -> URL {
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: torch.appendingPathComponent("lenet_view_classic.input.npy"),
                                         to: data.appendingPathComponent("test_x.npy"))
        var labels = [UInt8]()
        for k in 0..<8 { withUnsafeBytes(of: Int64(k == 0 ? 9 : k).littleEndian) { labels += $0 } }
        try NPYFile.data(descr: "<i8", shape: [8], body: labels).write(to: data.appendingPathComponent("test_y.npy"))
        return data
    }

    @Test func evalLogitsEqualOnnxruntime() throws {
        let folder = try KillResumeTests.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.dataFolder(folder)
        let model = Self.torch.appendingPathComponent("lenet_view_classic.onnx").path
        let out = folder.appendingPathComponent("logits.npy")
        let r = runAxmul(["eval", "--model", model, "--data", data.path, "--logits", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let ours = try NPYArray.read(out), expected = try NPYArray.read(Self.torch.appendingPathComponent("lenet_view_classic.output.npy"))
        #expect(ours.shape == [8, 10])
        let (a, b) = (try ours.floats(path: out.path), try expected.floats(path: "expected"))
        let scale = b.map(abs).max() ?? 1
        let error = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
        #expect(a.count == b.count && error <= 1e-4 * scale, "max |AxMul − onnxruntime| = \(error) at scale \(scale)")

        // evaluate --logits: the approximate network's logits, whose arg-max accuracy is evaluate's approx_accuracy.
        let approx = folder.appendingPathComponent("approx.npy")
        let e = runAxmul(["evaluate", "--model", model, "--data", data.path, "--multiplier", "smapprox8x8-2222",
                          "--logits", approx.path, "--json"])
        #expect(e.status == 0, "\(e.stderr)")
        let z = try NPYArray.read(approx), values = try z.floats(path: approx.path)
        #expect(z.shape == [8, 10])
        let labels = (0..<8).map { $0 == 0 ? 9 : $0 }
        let correct = (0..<8).filter { i in
            let row = values[(i * 10)..<(i * 10 + 10)]
            return row.firstIndex(of: row.max()!)! - i * 10 == labels[i]
        }.count
        let json = try JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as? [String: Any]
        let reported = json?["approx_accuracy"] as? Double
        #expect(reported == Double(correct) / 8, "approx_accuracy \(reported ?? -1) vs \(correct)/8 from the logits")
        #expect(values != a, "the approximate logits differ from the float ones")
    }
}
