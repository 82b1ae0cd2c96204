import Foundation
import Testing
import TestSupport
@testable import NetSim
@testable import ONNX

/// Models exported by torch.onnx.export itself, both exporters (scripts/make-torch-fixtures.py, committed
/// under Fixtures/torch with onnxruntime's logits): each imports and matches onnxruntime to 1e-4 of the
/// logits' scale. No Python or torch at run time.
@Suite struct ONNXTorchFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/torch")

    static var cases: [String] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = json["cases"] as? [[String: Any]] else { return [] }
        return cases.compactMap { $0["name"] as? String }
    }

    @Test func fixturesExist() {
        #expect(Self.cases.count >= 8, "Fixtures/torch/manifest.json lists \(Self.cases.count) cases")
        for exporter in ["classic", "dynamo"] { #expect(Self.cases.contains { $0.hasSuffix(exporter) }) }
    }

    /// Layers take their weights' module paths under both exporters (`conv1.weight` → `conv1`), not the node
    /// names (`/conv1/Conv`, `node_conv2d`).
    @Test(arguments: ["lenet_view_classic", "lenet_view_dynamo"])
    func layersAreNamedAfterModules(name: String) throws {
        let model = try ONNXImporter.load(contentsOf: Self.folder.appendingPathComponent(name + ".onnx"))
        let weighted = model.network.nodes.filter { $0.layer is any QuantisableLayer }.map(\.layer.name)
        #expect(weighted == ["conv1", "conv2", "fc1", "fc2", "fc3"])
        let regnet = try ONNXImporter.load(contentsOf: Self.folder.appendingPathComponent("regnet_dynamo.onnx"))
        #expect(regnet.network.nodes.contains { $0.layer.name == "trunk_output.block1.block1-0.f.se.fc1" })
    }

    /// dynamo's GatherND/Where/Gather/Add/Div arithmetic for 5×5 → 7×7 and its ReduceMean form for 1×1 → 6×6
    /// each import as one SpatialMix (the classic exporter cannot export either).
    @Test func dynamoAdaptivePoolsAreSpatialMixes() throws {
        let net = try ONNXImporter.load(contentsOf: Self.folder.appendingPathComponent("adaptive_pools_dynamo.onnx")).network
        let mixes = net.nodes.compactMap { $0.layer as? SpatialMix }
        #expect(mixes.map(\.outputSize).sorted { $0[0] < $1[0] } == [[6, 6], [7, 7]])
        #expect(!Self.cases.contains("adaptive_pools_classic"))
    }

    /// The classic exporter's ConvNeXt (opset 13: GELU as Div → Erf → Add → Mul → Mul, LayerNorm as ReduceMean → … →
    /// Add β) imports with each decomposition fused into one layer: the five LayerNorms (stem, two blocks, downsampling,
    /// classifier) named after their modules, as dynamo's LayerNormalization nodes are, and the two blocks' GELUs.
    @Test func classicConvNeXtFusesLayerNormAndGelu() throws {
        for name in ["convnext_classic", "convnext_dynamo"] {
            let net = try ONNXImporter.load(contentsOf: Self.folder.appendingPathComponent(name + ".onnx")).network
            let norms = net.nodes.compactMap { $0.layer as? LayerNorm }
            #expect(norms.map(\.name) == ["features.0.1", "features.1.0.block.2", "features.2.0", "features.3.0.block.2", "classifier.0"], "\(name)")
            #expect(norms.allSatisfy { $0.epsilon == 1e-6 }, "\(name)")
            #expect(net.nodes.filter { ($0.layer as? Activation)?.function == .gelu }.count == 2, "\(name)")
            #expect(!net.nodes.contains { $0.layer is InputNormalisation || $0.layer is Broadcast }, "\(name): \(net.nodes.map(\.layer.kind))")
        }
    }

    @Test(arguments: cases)
    func importsAndMatchesOnnxruntime(name: String) throws {
        let model = try ONNXImporter.load(contentsOf: Self.folder.appendingPathComponent(name + ".onnx"),
                                          options: .init(keepTrailingSoftmax: true))
        var net = model.network
        let x = try ONNXFixtures.npy(Self.folder.appendingPathComponent(name + ".input.npy"))
        let expected = try ONNXFixtures.npy(Self.folder.appendingPathComponent(name + ".output.npy"))
        var ctx = ForwardContext(mode: .eval)
        let y = net.forward(x, context: &ctx)
        #expect(y.count == expected.count, "\(name): \(y.shape) vs onnxruntime \(expected.shape)")
        let e = ONNXFixtures.relativeError(y, expected)
        #expect(e <= 1e-4, "\(name): relative error \(e)")
    }
}
