import Foundation
import NetSim
import SwiftProtobuf
import TableFormat

/// An imported ONNX model: the NetSim network and what describes it.
public struct ONNXModel: Sendable {
    public var network: Network
    /// Per-sample input shape, [C, H, W] or [F].
    public var inputShape: [Int]
    /// Output features (classes).
    public var classCount: Int
    /// Input preprocessing applied by the network's first layer (nil: none).
    public var preprocessing: ONNXPreprocessing?
    /// "fnv1a64:0x…" of the .onnx file's bytes (not of external data files).
    public var contentHash: String
    /// Whether a trailing Softmax was dropped (the network returns logits).
    public var droppedSoftmax: Bool
}

/// Per-channel input normalisation y = (x − mean) / std (NCHW), from flags or the model's
/// metadata keys `axmul.mean` / `axmul.std` (comma-separated floats; one value or one per channel).
public struct ONNXPreprocessing: Sendable, Equatable, Codable {
    public var mean: [Float]
    public var std: [Float]
    public init(mean: [Float], std: [Float]) { (self.mean, self.std) = (mean, std) }

    public static let meanKey = "axmul.mean", stdKey = "axmul.std", layoutKey = "axmul.layout"

    /// Parses "0.5,0.5,0.5"; nil for a malformed list.
    public static func values(_ text: String) -> [Float]? {
        let v = text.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        return v.isEmpty || v.contains(nil) ? nil : v.compactMap { $0 }
    }
}

/// Builds NetSim networks from ONNX files (see docs/onnx.md, "Import").
///
/// The whole graph is checked (opset, op types, attributes, shapes) before the network is
/// returned; anything NetSim cannot compute exactly is refused with an `ONNXError` naming the
/// node and its op type. Conv, Gemm and MatMul(+Add) become `Conv2D` / `Dense` layers named after
/// their ONNX nodes, so they are approximable and `--layer-multiplier` takes those names.
public enum ONNXImporter {
    public static let supportedOps = Set(["Add", "AveragePool", "BatchNormalization", "Clip", "Conv", "Div", "Dropout", "Erf", "Expand",
                                          "Flatten", "GatherND", "Gelu", "Gemm", "GlobalAveragePool", "HardSigmoid", "HardSwish", "Identity", "LayerNormalization", "LeakyRelu", "LogSoftmax",
                                          "MatMul", "MaxPool", "Pad", "ReduceMean", "ReduceSum", "Relu", "Reshape", "Sigmoid", "Slice", "Softmax", "Split",
                                          "Sub", "Tanh", "Transpose"]).union(ONNXFolding.ops).sorted()
    /// Default-domain opsets: 11 to the newest the onnx 1.23 package ships.
    public static let opsets: ClosedRange<Int> = 11...28

    public struct Options: Sendable {
        /// Overrides the model's `axmul.mean` / `axmul.std` metadata.
        public var preprocessing: ONNXPreprocessing?
        /// Keep a trailing Softmax (default: drop it, so the network returns logits for the loss).
        public var keepTrailingSoftmax = false
        public init(preprocessing: ONNXPreprocessing? = nil, keepTrailingSoftmax: Bool = false) {
            self.preprocessing = preprocessing
            self.keepTrailingSoftmax = keepTrailingSoftmax
        }
    }

    /// Imports a .onnx file; external data files are read relative to its folder.
    public static func load(contentsOf url: URL, options: Options = Options()) throws -> ONNXModel {
        let data: Data
        do { data = Data(try InputFile.bytes(url.path, limit: Int(Int32.max))) } catch {   // protobuf's 2 GiB limit
            throw ONNXError.invalidGraph(file: url.path, reason: error.reason)
        }
        return try load(data: data, file: url.path, folder: url.deletingLastPathComponent(), options: options)
    }

    /// Imports a serialised ModelProto (`file` names it in errors).
    public static func load(data: Data, file: String, folder: URL, options: Options = Options()) throws -> ONNXModel {
        let model: Onnx_ModelProto
        do { model = try Onnx_ModelProto(serializedBytes: data) } catch {
            throw ONNXError.corrupt(file: file, reason: "protobuf decoding failed: \(error)")
        }
        try check(model, file: file)
        var builder = ONNXGraphBuilder(file: file, decoder: ONNXTensorDecoder(file: file, folder: folder),
                                       keepSoftmax: options.keepTrailingSoftmax)
        let meta = Dictionary(model.metadataProps.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        let pre = try options.preprocessing ?? preprocessing(meta, file: file)
        try builder.build(model.graph, preprocessing: pre)
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        builder.network.name = name
        return ONNXModel(network: builder.network, inputShape: builder.network.inputShape, classCount: builder.classCount,
                         preprocessing: pre, contentHash: "fnv1a64:" + FNV1a64.hex(FNV1a64.hash(data)),
                         droppedSoftmax: builder.droppedSoftmax)
    }

    /// Opset and op types, before anything is decoded.
    static func check(_ model: Onnx_ModelProto, file: String) throws {
        guard model.hasGraph, !model.graph.node.isEmpty || !model.graph.output.isEmpty else {
            throw ONNXError.corrupt(file: file, reason: "the model has no graph")
        }
        let version = model.opsetImport.first { $0.domain == "" || $0.domain == "ai.onnx" }.map { Int($0.version) } ?? 0
        guard opsets.contains(version) else { throw ONNXError.unsupportedOpset(file: file, version: version, supported: opsets) }
        for (i, node) in model.graph.node.enumerated() {
            guard (node.domain == "" || node.domain == "ai.onnx"), supportedOps.contains(node.opType) else {
                let op = node.domain.isEmpty ? node.opType : "\(node.domain).\(node.opType)"
                throw ONNXError.unsupportedOp(file: file, node: nodeName(node, i), op: op, supported: supportedOps)
            }
        }
    }

    static func nodeName(_ node: Onnx_NodeProto, _ index: Int) -> String {
        node.name.isEmpty ? "\(node.opType)_\(index)" : node.name
    }

    static func preprocessing(_ meta: [String: String], file: String) throws -> ONNXPreprocessing? {
        if let layout = meta[ONNXPreprocessing.layoutKey], layout.uppercased() != "NCHW" {
            throw ONNXError.invalidGraph(file: file, reason: "metadata \(ONNXPreprocessing.layoutKey) = '\(layout)'; only NCHW is supported")
        }
        guard meta[ONNXPreprocessing.meanKey] != nil || meta[ONNXPreprocessing.stdKey] != nil else { return nil }
        let mean = meta[ONNXPreprocessing.meanKey].map(ONNXPreprocessing.values) ?? [0]
        let std = meta[ONNXPreprocessing.stdKey].map(ONNXPreprocessing.values) ?? [1]
        guard let mean, let std, mean.count == std.count || mean.count == 1 || std.count == 1, std.allSatisfy({ $0 > 0 }) else {
            throw ONNXError.invalidGraph(file: file, reason: "metadata axmul.mean/axmul.std must be comma-separated floats of equal count, std > 0")
        }
        let n = max(mean.count, std.count)
        return ONNXPreprocessing(mean: mean.count == n ? mean : Array(repeating: mean[0], count: n),
                                 std: std.count == n ? std : Array(repeating: std[0], count: n))
    }
}
