/// Errors of the ONNX importer: one line each, naming the file and, where there is one, the node
/// and its op type. Thrown before any network is built (the whole graph is checked first).
public enum ONNXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not an ONNX ModelProto.
    case corrupt(file: String, reason: String)
    /// An op type outside `ONNXImporter.supportedOps`.
    case unsupportedOp(file: String, node: String, op: String, supported: [String])
    /// A supported op with an attribute or operand form NetSim cannot run exactly.
    case unsupportedForm(file: String, node: String, op: String, reason: String)
    /// The model's default-domain opset is outside the supported range.
    case unsupportedOpset(file: String, version: Int, supported: ClosedRange<Int>)
    /// A graph-level problem (inputs, outputs, initialisers, a tensor written twice).
    case invalidGraph(file: String, reason: String)
    /// A tensor's external data: a location outside the model's folder or not a regular file, or a
    /// negative or non-integer offset or length, or a range past the end of the file.
    case externalData(file: String, tensor: String, reason: String)
    /// A constant (weight, bias, Constant output) holding NaN or ±Inf at `index` (row-major).
    case nonFinite(file: String, tensor: String, index: Int, value: Float)

    public var file: String {
        switch self {
        case .corrupt(let f, _), .unsupportedOp(let f, _, _, _), .unsupportedForm(let f, _, _, _),
             .unsupportedOpset(let f, _, _), .invalidGraph(let f, _), .externalData(let f, _, _),
             .nonFinite(let f, _, _, _): return f
        }
    }

    public var message: String {
        switch self {
        case .corrupt(_, let r):
            return "not a valid ONNX model (\(r))"
        case .unsupportedOp(_, let n, let op, let s):
            return "node '\(n)' has op type \(op), which AxMul does not import; supported: \(s.joined(separator: ", "))"
        case .unsupportedForm(_, let n, let op, let r):
            return "node '\(n)' (\(op)): \(r)"
        case .unsupportedOpset(_, let v, let s):
            return "opset \(v) is not supported; supported: \(s.lowerBound) to \(s.upperBound)"
        case .invalidGraph(_, let r):
            return r
        case .externalData(_, let t, let r):
            return "tensor '\(t)': external data \(r)"
        case .nonFinite(_, let t, let i, let v):
            return "tensor '\(t)' holds \(v) at index \(i); weights and constants must be finite numbers (re-export the model from a finite checkpoint)"
        }
    }

    public var description: String { "\(file): \(message)" }
}
