import Foundation
import Testing
import TestSupport
@testable import NetSim
@testable import ONNX

/// Import → export → onnxruntime: the exported model gives the original model's onnxruntime
/// outputs (fixtures: Fixtures/make_models.py; runner: Tests/Fixtures/onnx/run_ort.py, which also
/// runs onnx.checker with full_check on the exported file).
@Suite(.needs(.python)) struct ONNXRoundTripTests {
    /// onnxruntime's output for `model` on `input` (a float32 .npy), as [N, K].
    static func ort(_ model: URL, input: URL) throws -> Tensor {
        let out = model.deletingPathExtension().appendingPathExtension("ort.npy")
        try Python.require("Fixtures/onnx/run_ort.py", [model.path, input.path, out.path])
        let y = try ONNXFixtures.npy(out)
        return y.reshaped([y.shape[0], y.count / max(y.shape[0], 1)])
    }

    /// LeNet-5 (metadata mean/std → InputNormalisation → Sub/Div), ResNet-8 (batch norm, residual
    /// adds) and the MobileNet-style block (depthwise, ReLU6 → Clip, Softmax) on 100 inputs each.
    @Test(arguments: ["lenet5", "resnet8", "mobilenet_block"])
    func exportedModelMatchesTheOriginal(name: String) throws {
        let d = try ONNXFixtures.dir()
        let imported = try ONNXImporter.load(contentsOf: d.appendingPathComponent(name + ".onnx"),
                                             options: .init(keepTrailingSoftmax: true))
        let exported = d.appendingPathComponent(name + ".exported.onnx")
        try ONNXExport.write(imported.network, to: exported)
        let y = try Self.ort(exported, input: d.appendingPathComponent(name + ".input.npy"))
        let expected = try ONNXFixtures.npy(d.appendingPathComponent(name + ".output.npy"))
        #expect(y.shape == expected.shape, "\(name): \(y.shape) vs \(expected.shape)")
        let e = ONNXFixtures.relativeError(y, expected)
        #expect(e <= 1e-5, "\(name): relative error \(e)")
        // …and AxMul reads the exported file back (Sub/Div of the normalisation included) to the same outputs.
        var again = try ONNXImporter.load(contentsOf: exported, options: .init(keepTrailingSoftmax: true)).network
        var ctx = ForwardContext(mode: .eval)
        let z = again.forward(try ONNXFixtures.npy(d.appendingPathComponent(name + ".input.npy")), context: &ctx)
        let back = ONNXFixtures.relativeError(z.reshaped([z.batch, z.itemSize]), expected)
        #expect(back <= 1e-5, "\(name): re-imported relative error \(back)")
    }

    /// The window forms the importer now reads (dilations, asymmetric and automatic pads, ceil_mode,
    /// count_include_pad = 0, 1×7 and 7×1 kernels) are written back in a form onnxruntime computes the same way.
    @Test func windowFormsSurviveExport() throws {
        let names = try ONNXFixtures.cases(kind: "op").filter {
            ["conv_dilated_stride2", "conv_same_lower", "maxpool_ceil", "avgpool_ceil", "avgpool_exclude_pad", "add_bias_conv",
             "conv_1x7", "conv_7x1_stride2"].contains($0)
        }
        let d = try ONNXFixtures.dir()
        #expect(names.count == 8)
        for name in names {
            let imported = try ONNXImporter.load(contentsOf: d.appendingPathComponent(name + ".onnx"))
            let exported = d.appendingPathComponent(name + ".exported.onnx")
            try ONNXExport.write(imported.network, to: exported)
            let y = try Self.ort(exported, input: d.appendingPathComponent(name + ".input.npy"))
            let e = ONNXFixtures.relativeError(y, try ONNXFixtures.npy(d.appendingPathComponent(name + ".output.npy")))
            #expect(e <= 1e-5, "\(name): relative error \(e)")
        }
    }
}
