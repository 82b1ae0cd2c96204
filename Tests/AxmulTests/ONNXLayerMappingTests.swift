import Foundation
import NetSim
import ONNX
import Testing
import TestSupport

/// Layer mappings the zoo models of ExportONNXTests do not reach (grouped strided convolution without bias,
/// padded average pooling, dropout, a Dense on an image), float and QDQ, against onnxruntime.
@Suite(.serialized) struct ONNXLayerMappingTests {
    static func network() -> Network {
        var rng = SplitMix64(seed: 11)
        var net = Network(name: "mapping", inputShape: [4, 7, 7])
        _ = net.add(Conv2D("conv", inChannels: 4, outChannels: 6, kernel: 3, stride: 2, padding: 1, groups: 2, bias: false, rng: &rng))
        _ = net.add(ReLU("relu"))
        _ = net.add(AvgPool("avg", kernel: 3, stride: 1, padding: 1))
        _ = net.add(Dropout("drop", rate: 0.5))
        _ = net.add(Dense("fc", inFeatures: 6 * 4 * 4, outFeatures: 5, rng: &rng))
        return net
    }

    @Test(.needs(.python)) func groupedConvAvgPoolDropoutDense() throws {
        let dir = try cliTestFolder("axmul-onnx-map")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        try Python.require([ExportONNXTests.fixtures.appendingPathComponent("make_data.py").path, data.path,
                                                 "4", "7", "7", "16", "10", "5", "3"])
        let test = try DatasetLoader.load(data.path).test
        let (x, labels) = Trainer.batch(test, Array(0..<test.count))
        var net = Self.network()
        var ctx = ForwardContext(mode: .eval)
        let float = net.forward(x, context: &ctx).data

        var options = ApproxNetwork.QuantOptions()
        options.perChannelWeights = true
        var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: nil), options: options)
        ApproxNetwork.calibrate(&wrapped, on: test, options: options)
        let record = ApproxNetwork.record(wrapped, options: options)
        ApproxNetwork.set(&wrapped, compute: .exact)
        let exact = wrapped.forward(x, context: &ctx).data

        let floatFile = dir.appendingPathComponent("f.onnx").path, qdqFile = dir.appendingPathComponent("q.onnx").path
        try ONNXExport.write(net, to: URL(fileURLWithPath: floatFile))
        try ONNXExport.write(net, quantisation: record, to: URL(fileURLWithPath: qdqFile))
        #expect(ExportONNXTests.maxDifference(try ExportONNXTests.ortLogits(floatFile, data: data), float) < 1e-5)
        try ExportONNXTests.expectQDQMatches(qdqFile, data: data, exact: (exact, labels, ExportONNXTests.inputCodes(wrapped)),
                                             accuracy: nil, model: "mapping")
    }

    @Test func unsupportedLayerIsNamed() {
        var net = Network(name: "bad", inputShape: [3])
        _ = net.add(UnknownKindLayer("odd"))
        #expect(throws: ModelError.self) { _ = try ONNXExport.model(net) }
    }
}

/// A layer kind the exporter does not know.
private struct UnknownKindLayer: Layer {
    var name: String
    var kind: String { "Odd" }
    init(_ name: String) { self.name = name }
    func outputShape(for input: [Int]) throws -> [Int] { input }
    mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor { x }
    mutating func backward(_ dy: Tensor) -> Tensor { dy }
    mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) { (x, rx) }
    mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (dy, rdy) }
}
