import Foundation
import NetSim

/// Walks an ONNX graph in node order (ONNX graphs are topologically sorted) and appends NetSim
/// layers. Tensors are either constants (initialisers, Constant outputs) or values computed by a
/// network node (-1: the network input), with their per-sample shape.
struct ONNXGraphBuilder {
    let file: String
    let decoder: ONNXTensorDecoder
    let keepSoftmax: Bool
    var network = Network(name: "onnx", inputShape: [])
    var constants: [String: ONNXConstant] = [:]
    /// The constants that depend on the batch size: their value at `ONNXFolding.batches.1` (`constants`
    /// holds the one at `.0`). Only a target shape may read them.
    var otherBatch: [String: ONNXConstant] = [:]
    /// For a folded constant that holds an initialiser's values (Identity, Transpose, …): that initialiser's name.
    var constantOrigin: [String: String] = [:]
    var values: [String: (node: Int, shape: [Int])] = [:]
    /// Values followed through the pixel index arithmetic of dynamo's adaptive pooling (ONNXGraphBuilder+SpatialMix).
    var pixelTerms: [String: PixelTerms] = [:]
    /// Computed values reshaped to [−1] with their batch (dynamo's as_strided), by output name.
    var batchFlattened: [String: (node: Int, shape: [Int])] = [:]
    /// Outputs of a batched MatMul: the index of its 1×1 Conv node, which an Add of a bias [M] may fold into.
    var matMulProducts: [String: Int] = [:]
    /// Outputs of a zero Pad: the padded value and the padding, which the Conv reading it absorbs.
    var zeroPadded: [String: (value: (node: Int, shape: [Int]), pads: Pads)] = [:]
    /// How many nodes read each tensor (a MatMul's bias Add folds only when it is the one reader).
    var readers: [String: Int] = [:]
    var layerNames: Set<String> = []
    /// The next suffix to try for each base name, so that n nodes sharing one name take linear time.
    var nextSuffix: [String: Int] = [:]
    var classCount = 0
    var droppedSoftmax = false
    var graphOutput = ""
    /// The node being converted, for errors.
    var current = (name: "", op: "")

    init(file: String, decoder: ONNXTensorDecoder, keepSoftmax: Bool) {
        (self.file, self.decoder, self.keepSoftmax) = (file, decoder, keepSoftmax)
    }

    mutating func build(_ graph: Onnx_GraphProto, preprocessing: ONNXPreprocessing?) throws {
        try ONNXGraphCheck.singleWriter(graph, file: file)
        for t in graph.initializer { constants[t.name] = try decoder.decode(t) }
        if !graph.sparseInitializer.isEmpty { throw invalid("sparse initialisers are not supported") }
        let inputs = graph.input.filter { constants[$0.name] == nil }
        guard inputs.count == 1, let input = inputs.first else {
            throw invalid("the graph must have exactly one non-constant input; it has \(inputs.count) (\(inputs.map(\.name).joined(separator: ", ")))")
        }
        guard graph.output.count == 1, let output = graph.output.first else {
            throw invalid("the graph must have exactly one output; it has \(graph.output.count)")
        }
        graphOutput = output.name
        network.inputShape = try perSampleShape(input)
        values[input.name] = (-1, network.inputShape)
        if let p = preprocessing {
            let layer = InputNormalisation(unique("input_normalisation"), mean: p.mean, std: p.std)
            guard let shape = try? layer.outputShape(for: network.inputShape) else {
                throw invalid("the input mean/std have \(p.mean.count) values but input '\(input.name)' \(network.inputShape) has \(network.inputShape[0]) channels; give one value or one per channel")
            }
            values[input.name] = (network.add(layer, inputs: [-1]), shape)
        }
        var fused: [Int: ONNXFusion.Match] = [:]
        for m in ONNXFusion.find(graph) { fused[m.root] = m }
        let interior = Set(fused.values.flatMap { $0.nodes.values }).subtracting(fused.keys)
        for (i, node) in graph.node.enumerated() where !interior.contains(i) {
            var read = Array(node.input)
            if let m = fused[i] {   // a fused op reads its input and each constant once
                let tensors: [String] = m.constants.values.compactMap { $0.tensor }
                read = Array(Set(tensors + [m.input ?? ""]))
            }
            for t in read where !t.isEmpty { readers[t, default: 0] += 1 }
        }
        for (i, node) in graph.node.enumerated() where !interior.contains(i) {
            current = (ONNXImporter.nodeName(node, i), node.opType)
            if let m = fused[i] {
                try convertFused(m, graph.node)
                continue
            }
            if try trackPixels(node) { continue }
            try materialisePixels(node.input)
            if try !fold(node) { try convert(node) }
        }
        current = (output.name, "graph output")
        try materialisePixels([output.name])
        guard let out = values[output.name] else { throw invalid("graph output '\(output.name)' is not computed from the input") }
        if out.node != network.last || network.nodes.isEmpty {
            network.add(Add(unique("output")), inputs: [out.node])  // one input: identity
        }
        classCount = out.shape.reduce(1, *)
    }

    /// [N, dims…] of a graph input without the batch dimension.
    func perSampleShape(_ v: Onnx_ValueInfoProto) throws -> [Int] {
        let dims = v.type.tensorType.shape.dim
        guard v.type.tensorType.hasShape, dims.count == 2 || dims.count == 4,
              dims.dropFirst().allSatisfy({ $0.dimValue > 0 && $0.dimValue <= 1 << 24 }),
              dims.dropFirst().reduce(1.0, { $0 * Double($1.dimValue) }) <= Double(1 << 31) else {
            throw invalid("input '\(v.name)' must have a known shape [N, C, H, W] or [N, F] (N may be symbolic)")
        }
        guard v.type.tensorType.elemType == Int32(Onnx_TensorProto.DataType.float.rawValue) else {
            throw invalid("input '\(v.name)' must be float32")
        }
        return dims.dropFirst().map { Int($0.dimValue) }
    }

    // MARK: helpers for the op converters

    func invalid(_ reason: String) -> ONNXError { .invalidGraph(file: file, reason: reason) }

    func refuse(_ reason: String) -> ONNXError { .unsupportedForm(file: file, node: current.name, op: current.op, reason: reason) }

    /// A layer name from the node name, made unique: `base`, else `base_2`, `base_3`, … (the first one free).
    /// Each base remembers where its search stopped, so uniquing n repeats is linear, not quadratic.
    mutating func unique(_ base: String) -> String {
        var name = base
        if layerNames.contains(name) {
            var k = nextSuffix[base, default: 2]
            repeat { name = "\(base)_\(k)"; k += 1 } while layerNames.contains(name)
            nextSuffix[base] = k
        }
        layerNames.insert(name)
        return name
    }

    /// The computed value read by input `i` of the node.
    func value(_ node: Onnx_NodeProto, _ i: Int) throws -> (node: Int, shape: [Int]) {
        if i < node.input.count, batchFlattened[node.input[i]] != nil {
            throw refuse("input \(i) ('\(node.input[i])') is flattened together with the batch; only dynamo's as_strided Gather may read it")
        }
        if i < node.input.count, zeroPadded[node.input[i]] != nil {
            throw refuse("input \(i) ('\(node.input[i])') is a zero Pad's output; a zero Pad is imported only as the padding of a Conv that reads it")
        }
        guard i < node.input.count, let v = values[node.input[i]] else {
            throw refuse("input \(i) ('\(i < node.input.count ? node.input[i] : "")') must be computed from the graph input")
        }
        return v
    }

    /// The constant read by input `i`, or nil when the input is absent (optional inputs).
    func constant(_ node: Onnx_NodeProto, _ i: Int, required: Bool = true) throws -> ONNXConstant? {
        guard i < node.input.count, !node.input[i].isEmpty else {
            if required { throw refuse("input \(i) is missing") }
            return nil
        }
        guard let c = constants[node.input[i]] else {
            throw refuse("input \(i) ('\(node.input[i])') must be an initialiser or Constant")
        }
        guard otherBatch[node.input[i]] == nil else {
            throw refuse("input \(i) ('\(node.input[i])') depends on the batch size; only a target shape (Reshape, Expand) may")
        }
        return c
    }

    /// Appends `layer` reading `inputs`, with its per-sample output shape; records output 0.
    mutating func append(_ layer: any Layer, _ node: Onnx_NodeProto, inputs: [(node: Int, shape: [Int])]) throws {
        let shape: [Int]
        do { shape = try layer.outputShape(for: inputs[0].shape) } catch { throw refuse("\(error)") }
        let index = network.add(layer, inputs: inputs.map(\.node))
        values[node.output[0]] = (index, shape)
    }

    /// Output 0 is input 0 (Identity, Dropout at inference, flattening an already flat value).
    mutating func alias(_ node: Onnx_NodeProto) throws {
        values[node.output[0]] = try value(node, 0)
    }
}
