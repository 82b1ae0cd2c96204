import Foundation
import TableFormat
import NetSim
import SwiftProtobuf

/// Writes a NetSim network as an ONNX model: the float network, or (`quantisation` given) the 8-bit
/// model as QuantizeLinear/DequantizeLinear pairs with AxMul's steps Δ.
///
/// QDQ form, per approximated Dense/Conv2D layer (every layer named in `quantisation.inputDeltas`):
/// input → QuantizeLinear(Δx, zero point 0, int8) → DequantizeLinear → the float op, whose weight is
/// an int8 initialiser of NetSim's own codes (`QuantScale.forWeights` + `Quantiser`: half away from
/// zero, clamped to −128…127) → DequantizeLinear(Δw, per tensor or per output channel, axis 0). The
/// bias stays float, as NetSim adds it in Float after the rescale. One difference remains: ONNX
/// QuantizeLinear rounds activations half to even, NetSim half away from zero, so an input with
/// x/Δx exactly k + ½ gets a code one apart (docs/onnx.md).
public enum ONNXExport {
    /// Default-domain opset written (per-axis QuantizeLinear/DequantizeLinear need 13).
    public static let opset: Int64 = 13
    /// IR version matching opset 13.
    public static let irVersion: Int64 = 7
    /// Names of the graph's input and output.
    public static let inputName = "input", outputName = "logits"

    /// The ONNX model of `net` (float, or QDQ with `quantisation`); the batch dimension is symbolic ("N").
    /// A record with batch norm folded exports the folded network (`BatchNormFolding.fold`), the one
    /// its steps belong to.
    /// A network whose layers would write one ONNX name twice (a layer named `input` or `logits`, two
    /// layers with one name, a layer that would write its own input) is refused (`ONNXGraphCheck`);
    /// `file` names the model in that error.
    public static func model(_ unfolded: Network, quantisation: QuantisationRecord? = nil,
                             metadata: [String: String] = [:], file: String? = nil) throws -> Onnx_ModelProto {
        let net = quantisation?.foldBatchNorm == true ? BatchNormFolding.fold(unfolded) : unfolded
        var graph = ONNXGraphWriter(name: net.name.isEmpty ? "axmul" : net.name, quantisation: quantisation)
        let shapes = ApproxNetwork.shapes(net)
        var names: [String] = []
        for (i, node) in net.nodes.enumerated() {
            let sources = node.inputs.map { $0 < 0 ? inputName : names[$0] }
            if let merge = node.layer as? any MergingLayer {
                names.append(graph.merge(merge, inputs: sources))
                continue
            }
            var x = sources.first ?? inputName
            // Two inputs (the residual add): Add, which the importer reads back; more: Sum.
            if sources.count == 2 { x = graph.node("Add", sources, name: node.layer.name + ".sum") }
            if sources.count > 2 { x = graph.node("Sum", sources, name: node.layer.name + ".sum") }
            names.append(try graph.layer(node.layer, input: x, inputShape: shapes[i].input))
        }
        graph.finish(output: names.last ?? inputName, inputShape: net.inputShape, outputShape: shapes.last?.output ?? net.inputShape)
        try ONNXGraphCheck.singleWriter(graph.graph, file: file ?? "network '\(net.name)'")
        var model = Onnx_ModelProto()
        model.irVersion = irVersion
        var set = Onnx_OperatorSetIdProto()
        set.domain = ""
        set.version = opset
        model.opsetImport = [set]
        model.producerName = "axmul"
        model.producerVersion = "1"
        model.graph = graph.graph
        var meta = metadata
        meta["axmul.form"] = quantisation == nil ? "float" : "qdq-int8"
        model.metadataProps = meta.sorted { $0.key < $1.key }.map { key, value in
            var p = Onnx_StringStringEntryProto()
            (p.key, p.value) = (key, value)
            return p
        }
        return model
    }

    /// Writes `model(net, quantisation:metadata:)` to `url` atomically; returns the byte count.
    @discardableResult
    public static func write(_ net: Network, quantisation: QuantisationRecord? = nil, metadata: [String: String] = [:],
                             to url: URL) throws -> Int {
        let data = try model(net, quantisation: quantisation, metadata: metadata, file: url.path).serializedData()
        try OutputFile.write(data, to: url)
        return data.count
    }
}
