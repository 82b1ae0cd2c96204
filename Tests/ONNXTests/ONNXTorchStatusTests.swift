import Foundation
import Testing
import TestSupport
@testable import NetSim
@testable import ONNX

/// The import-status survey of docs/onnx.md: every torchvision family exported by both exporters
/// (`scripts/make-torch-fixtures.py --status DIR`, hundreds of MB, not committed), imported and compared
/// with onnxruntime's logits. Runs when AXMUL_TORCH_STATUS_DIR names that folder; prints one line per
/// model: imported and the relative error, or the one-line refusal.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["AXMUL_TORCH_STATUS_DIR"] != nil,
                "set AXMUL_TORCH_STATUS_DIR to the folder scripts/make-torch-fixtures.py --status wrote"))
struct ONNXTorchStatusTests {
    @Test func survey() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["AXMUL_TORCH_STATUS_DIR"] ?? "")
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cases = (json?["cases"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(!cases.isEmpty)
        for name in cases {
            do {
                var net = try ONNXImporter.load(contentsOf: folder.appendingPathComponent(name + ".onnx"),
                                                options: .init(keepTrailingSoftmax: true)).network
                let x = try ONNXFixtures.npy(folder.appendingPathComponent(name + ".input.npy"))
                let expected = try ONNXFixtures.npy(folder.appendingPathComponent(name + ".output.npy"))
                var ctx = ForwardContext(mode: .eval)
                let e = ONNXFixtures.relativeError(net.forward(x, context: &ctx), expected)
                print("STATUS \(name): imported, relative error \(e)")
            } catch {
                print("STATUS \(name): refused: \(error)")
            }
        }
    }
}
