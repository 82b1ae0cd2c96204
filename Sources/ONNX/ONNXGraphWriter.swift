import Foundation
import NetSim
import SwiftProtobuf

/// Builds an `Onnx_GraphProto` node by node for `ONNXExport`: initialisers, nodes with attributes,
/// and the QDQ pairs. One layer type → node mapping per case is in `ONNXGraphWriter+Layers.swift`.
struct ONNXGraphWriter {
    private(set) var graph = Onnx_GraphProto()
    let quantisation: QuantisationRecord?

    init(name: String, quantisation: QuantisationRecord?) {
        graph.name = name
        self.quantisation = quantisation
    }

    /// An attribute value for `node`.
    enum Attribute {
        case int(Int64), ints([Int]), float(Float)
    }

    /// Appends a node and returns its (single) output name, `name` unless given otherwise.
    @discardableResult
    mutating func node(_ op: String, _ inputs: [String], name: String, output: String? = nil,
                       _ attributes: [(String, Attribute)] = []) -> String {
        var n = Onnx_NodeProto()
        n.opType = op
        n.name = name
        n.input = inputs
        n.output = [output ?? name]
        n.attribute = attributes.map { key, value in
            var a = Onnx_AttributeProto()
            a.name = key
            switch value {
            case .int(let i): (a.type, a.i) = (.int, i)
            case .ints(let v): (a.type, a.ints) = (.ints, v.map(Int64.init))
            case .float(let f): (a.type, a.f) = (.float, f)
            }
            return a
        }
        graph.node.append(n)
        return output ?? name
    }

    /// Adds a float initialiser and returns its name.
    @discardableResult
    mutating func initializer(_ name: String, shape: [Int], floats: [Float]) -> String {
        var bytes = Data(capacity: floats.count * 4)
        for f in floats { withUnsafeBytes(of: f.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return initializer(name, shape: shape, type: .float, raw: bytes)
    }

    /// Adds an int64 initialiser (shapes, axes) and returns its name.
    @discardableResult
    mutating func initializer(_ name: String, int64: [Int]) -> String {
        var bytes = Data(capacity: int64.count * 8)
        for v in int64 { withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) } }
        return initializer(name, shape: [int64.count], type: .int64, raw: bytes)
    }

    /// Adds an int8 initialiser and returns its name.
    @discardableResult
    mutating func initializer(_ name: String, shape: [Int], int8: [Int8]) -> String {
        initializer(name, shape: shape, type: .int8, raw: Data(int8.map { UInt8(bitPattern: $0) }))
    }

    private mutating func initializer(_ name: String, shape: [Int], type: Onnx_TensorProto.DataType, raw: Data) -> String {
        var t = Onnx_TensorProto()
        t.name = name
        t.dims = shape.map(Int64.init)
        t.dataType = Int32(type.rawValue)
        t.rawData = raw
        graph.initializer.append(t)
        return name
    }

    /// `x` through QuantizeLinear → DequantizeLinear with step `delta` (per tensor, zero point 0, int8).
    mutating func quantiseActivation(_ x: String, delta: Float, layer: String) -> String {
        let scale = initializer("\(layer).input_scale", shape: [], floats: [delta])
        let zero = initializer("\(layer).input_zero_point", shape: [], int8: [0])
        let q = node("QuantizeLinear", [x, scale, zero], name: "\(layer).input_quantized")
        return node("DequantizeLinear", [q, scale, zero], name: "\(layer).input_dequantized")
    }

    /// The weight as NetSim's int8 codes and DequantizeLinear with its step(s) Δw (axis 0 when per channel).
    mutating func quantisedWeight(_ w: Tensor, channels: Int, perChannel: Bool, layer: String) -> String {
        let scale = QuantScale.forWeights(w.data, channels: channels, perChannel: perChannel)
        let codes = initializer("\(layer).weight_quantized", shape: w.shape, int8: scale.codes(w.data))
        let dims = scale.isPerChannel ? [scale.deltas.count] : []
        let s = initializer("\(layer).weight_scale", shape: dims, floats: scale.deltas)
        let z = initializer("\(layer).weight_zero_point", shape: dims, int8: [Int8](repeating: 0, count: scale.deltas.count))
        return node("DequantizeLinear", [codes, s, z], name: "\(layer).weight_dequantized",
                    scale.isPerChannel ? [("axis", .int(0))] : [])
    }

    /// Graph input "input" [N, inputShape…] and output "logits" [N, outputShape…], float.
    mutating func finish(output: String, inputShape: [Int], outputShape: [Int]) {
        let last = node("Identity", [output], name: ONNXExport.outputName)
        graph.input = [Self.valueInfo(ONNXExport.inputName, shape: inputShape)]
        graph.output = [Self.valueInfo(last, shape: outputShape)]
    }

    static func valueInfo(_ name: String, shape: [Int]) -> Onnx_ValueInfoProto {
        var info = Onnx_ValueInfoProto()
        info.name = name
        var tensor = Onnx_TypeProto.Tensor()
        tensor.elemType = Int32(Onnx_TensorProto.DataType.float.rawValue)
        var s = Onnx_TensorShapeProto()
        var batch = Onnx_TensorShapeProto.Dimension()
        batch.dimParam = "N"
        s.dim = [batch] + shape.map { d in
            var dim = Onnx_TensorShapeProto.Dimension()
            dim.dimValue = Int64(d)
            return dim
        }
        tensor.shape = s
        info.type.tensorType = tensor
        return info
    }
}
