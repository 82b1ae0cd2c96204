import Foundation
import Testing
@testable import NetSim
@testable import ONNX

/// Layer names from repeated ONNX node names (issue 25: 30,000 nodes sharing a name took 48 s to import, as
/// each name was found by counting up from 1). Built with the protobuf types, so no Python is needed.
@Suite struct ONNXNameUniquingTests {
    /// A chain of `count` Relu nodes named `names(i)`, on input [N, 4].
    static func chain(_ count: Int, names: (Int) -> String) -> Data {
        var graph = Onnx_GraphProto()
        graph.name = "chain"
        graph.input = [ONNXGraphWriter.valueInfo("x", shape: [4])]
        var previous = "x"
        for i in 0..<count {
            var node = Onnx_NodeProto()
            node.opType = "Relu"
            node.name = names(i)
            node.input = [previous]
            node.output = ["t\(i)"]
            graph.node.append(node)
            previous = "t\(i)"
        }
        graph.output = [ONNXGraphWriter.valueInfo(previous, shape: [4])]
        var model = Onnx_ModelProto()
        model.irVersion = ONNXExport.irVersion
        var opset = Onnx_OperatorSetIdProto()
        opset.version = 13
        model.opsetImport = [opset]
        model.graph = graph
        return try! model.serializedData()
    }

    static func layerNames(_ data: Data) throws -> [String] {
        try ONNXImporter.load(data: data, file: "chain.onnx", folder: URL(fileURLWithPath: "/nonexistent"))
            .network.nodes.map(\.layer.name)
    }

    /// 20,000 nodes named "r": r, r_2, …, r_20000, all distinct (a quadratic search would take minutes here).
    @Test func manyRepeatsGetConsecutiveSuffixes() throws {
        let names = try Self.layerNames(Self.chain(20_000) { _ in "r" })
        #expect(names.count == 20_000)
        #expect(names.first == "r" && names[1] == "r_2" && names.last == "r_20000")
        #expect(Set(names).count == names.count)
    }

    /// A node already named like a suffix is never shadowed: "a", "a_2", "a", "a" → a, a_2, a_3, a_4.
    @Test func suffixesSkipNamesTakenByOtherNodes() throws {
        let given = ["a", "a_2", "a", "a", "a_3_2", "a_3"]
        let names = try Self.layerNames(Self.chain(given.count) { given[$0] })
        #expect(names == ["a", "a_2", "a_3", "a_4", "a_3_2", "a_3_3"])
    }
}
