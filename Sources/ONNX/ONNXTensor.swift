import Foundation
import NetSim
import TableFormat

/// A constant of the graph (initialiser or Constant output) decoded to Float32 values.
struct ONNXConstant: Sendable {
    var shape: [Int]
    var values: [Float]
    /// An integer or bool element type (integer Div truncates; shapes and indices are integers).
    var integer = false
}

/// Decodes `TensorProto`s: float, double, int32 and int64 element types, from the typed fields,
/// `raw_data` (little-endian) or an external data file next to the model.
struct ONNXTensorDecoder {
    let file: String
    /// The folder external data locations are relative to.
    let folder: URL

    func decode(_ t: Onnx_TensorProto) throws -> ONNXConstant {
        let shape = t.dims.map { Int($0) }
        // The element count, without overflow: a zero dimension anywhere makes it 0.
        let count = shape.contains(0) ? 0 : shape.reduce(1) { $0 >= 1 << 32 || $1 >= 1 << 32 ? 1 << 32 : $0 * $1 }
        guard shape.allSatisfy({ $0 >= 0 && $0 < 1 << 32 }), count < 1 << 32 else {
            throw ONNXError.invalidGraph(file: file, reason: "tensor '\(t.name)' has invalid dims \(t.dims)")
        }
        let raw: Data? = t.dataLocation == .external ? try external(t) : (t.hasRawData ? t.rawData : nil)
        if let raw, let width = Self.width(t.dataType), raw.count != count * width {
            throw ONNXError.invalidGraph(file: file, reason: "tensor '\(t.name)' has \(raw.count) bytes of raw data, but dims \(shape) of \(width)-byte elements need exactly \(count * width)")
        }
        let values: [Float]
        switch Int(t.dataType) {
        case Onnx_TensorProto.DataType.float.rawValue:
            values = raw.map { Self.littleEndian($0, width: 4) { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) } } ?? t.floatData
        case Onnx_TensorProto.DataType.double.rawValue:
            values = raw.map { Self.littleEndian($0, width: 8) { Float(Double(bitPattern: $0)) } } ?? t.doubleData.map { Float($0) }
        case Onnx_TensorProto.DataType.int64.rawValue:
            values = raw.map { Self.littleEndian($0, width: 8) { Float(Int64(bitPattern: $0)) } } ?? t.int64Data.map { Float($0) }
        case Onnx_TensorProto.DataType.int32.rawValue:
            values = raw.map { Self.littleEndian($0, width: 4) { Float(Int32(truncatingIfNeeded: $0)) } } ?? t.int32Data.map { Float($0) }
        case Onnx_TensorProto.DataType.bool.rawValue, Onnx_TensorProto.DataType.uint8.rawValue:
            values = raw.map { Self.littleEndian($0, width: 1) { Float($0) } } ?? t.int32Data.map { Float($0) }
        case Onnx_TensorProto.DataType.int8.rawValue:
            values = raw.map { Self.littleEndian($0, width: 1) { Float(Int8(truncatingIfNeeded: $0)) } } ?? t.int32Data.map { Float($0) }
        default:
            throw ONNXError.invalidGraph(file: file, reason: "tensor '\(t.name)' has element type \(t.dataType); supported: float, double, int64, int32, int8, uint8, bool")
        }
        guard values.count == count else {
            throw ONNXError.invalidGraph(file: file, reason: "tensor '\(t.name)' holds \(values.count) values for dims \(shape)")
        }
        if let k = NumericGuard.firstNonFinite(values) {
            throw ONNXError.nonFinite(file: file, tensor: t.name, index: k, value: values[k])
        }
        let integer = Int(t.dataType) != Onnx_TensorProto.DataType.float.rawValue && Int(t.dataType) != Onnx_TensorProto.DataType.double.rawValue
        return ONNXConstant(shape: shape, values: values, integer: integer)
    }

    /// Bytes per element of the element types `decode` reads; nil for the others (refused there).
    static func width(_ dataType: Int32) -> Int? {
        switch Int(dataType) {
        case Onnx_TensorProto.DataType.float.rawValue, Onnx_TensorProto.DataType.int32.rawValue: 4
        case Onnx_TensorProto.DataType.double.rawValue, Onnx_TensorProto.DataType.int64.rawValue: 8
        case Onnx_TensorProto.DataType.bool.rawValue, Onnx_TensorProto.DataType.int8.rawValue, Onnx_TensorProto.DataType.uint8.rawValue: 1
        default: nil
        }
    }

    /// Reads `width`-byte little-endian words and converts each.
    static func littleEndian(_ d: Data, width: Int, _ convert: (UInt64) -> Float) -> [Float] {
        let n = d.count / width
        return d.withUnsafeBytes { b in
            (0..<n).map { i in
                var v: UInt64 = 0
                for k in 0..<width { v |= UInt64(b[i * width + k]) << (8 * UInt64(k)) }
                return convert(v)
            }
        }
    }

    /// The bytes named by `external_data` (location, offset, length), relative to the model's folder,
    /// through `InputFile.bytes(_:inside:)`: the location must resolve (links followed) to a regular
    /// file inside the folder; offset and length must be integers ≥ 0 and lie within the file.
    func external(_ t: Onnx_TensorProto) throws -> Data {
        let kv = Dictionary(t.externalData.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        guard let location = kv["location"], !location.isEmpty else {
            throw ONNXError.externalData(file: file, tensor: t.name, reason: "has no location; external data must name a file inside the model's folder")
        }
        func field(_ key: String) throws -> Int? {
            guard let text = kv[key] else { return nil }
            guard let value = Int(text) else {
                throw ONNXError.externalData(file: file, tensor: t.name, reason: "\(key) '\(text)' is not an integer")
            }
            guard value >= 0 else {
                throw ONNXError.externalData(file: file, tensor: t.name, reason: "negative \(key) \(value); the \(key) of external data must be 0 or more")
            }
            return value
        }
        let offset = try field("offset") ?? 0, length = try field("length")
        do {
            return Data(try InputFile.bytes(location, inside: folder.path, offset: offset, length: length))
        } catch {
            throw ONNXError.externalData(file: file, tensor: t.name, reason: "location '\(location)': \(error.description)")
        }
    }
}

/// Typed access to a node's attributes.
struct ONNXAttributes {
    let byName: [String: Onnx_AttributeProto]
    init(_ node: Onnx_NodeProto) { byName = Dictionary(node.attribute.map { ($0.name, $0) }, uniquingKeysWith: { $1 }) }
    func int(_ n: String, _ d: Int) -> Int { byName[n].map { Int(clamping: $0.i) } ?? d }
    func float(_ n: String, _ d: Float) -> Float { byName[n]?.f ?? d }
    func ints(_ n: String) -> [Int]? { byName[n].map { $0.ints.map { Int(clamping: $0) } } }
    func string(_ n: String) -> String? { byName[n].map { String(decoding: $0.s, as: UTF8.self) } }
}
