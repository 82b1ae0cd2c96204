import NetSim

/// One converter per supported ONNX op (ONNXImporter.supportedOps).
extension ONNXGraphBuilder {
    /// The largest kernel, stride or pad accepted (keeps geometry arithmetic far from overflow).
    static let maxExtent = 1 << 16

    mutating func convert(_ node: Onnx_NodeProto) throws {
        guard !node.output.isEmpty, !node.output[0].isEmpty else { throw refuse("the node has no output") }
        let a = ONNXAttributes(node)
        switch node.opType {
        case "Identity", "Dropout": try alias(node)
        case "Relu": try append(ReLU(unique(current.name)), node, inputs: [value(node, 0)])
        case "Clip": try clip(node, a)
        case "Conv": try conv(node, a)
        case "Gemm": try gemm(node, a)
        case "MatMul": try matMul(node)
        case "Add": try add(node)
        case "Sub", "Div": try channelAffine(node)
        case "BatchNormalization": try batchNorm(node, a)
        case "MaxPool", "AveragePool": try pool(node, a)
        case "GlobalAveragePool": try globalPool(node, a)
        case "Flatten": try flatten(node, axis: a.int("axis", 1))
        case "Reshape": try reshape(node)
        case "Expand": try expand(node)
        case "Softmax", "LogSoftmax": try softmax(node, a)
        case "LeakyRelu", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "Gelu": try activation(node, a)
        case "LayerNormalization": try layerNorm(node, a)
        case "ReduceMean": try globalPool(node, a)
        case "Erf": throw refuse(Self.lonelyErf)
        case "GatherND", "ReduceSum": throw refuse("\(node.opType) is supported only in the pixel arithmetic of adaptive average pooling (constant indices, pixel axes)")
        case "Mul": try binary(node)
        case "Concat": try concat(node, a)
        case "Split": try split(node, a)
        case "Slice": try slice(node)
        case "Transpose": try transpose(node, a)
        case "Pad": try pad(node, a)
        case "Gather": try asStrided(node, a)
        default: throw refuse("\(node.opType) is folded when its inputs are constants; here it reads a computed value, which is not supported")
        }
    }

    static let lonelyErf = "Erf is imported only inside \(geluForm) (the classic exporter's Div → Erf → Add → Mul → Mul, every intermediate "
        + "read only inside it); this one is not part of that form. Export GELU as torch.nn.GELU() (approximate='none'), or with dynamo, "
        + "which writes one Gelu node"

    mutating func clip(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        let lo = try constant(node, 1, required: false).map { $0.values.first ?? -.infinity } ?? -.infinity
        let hi = try constant(node, 2, required: false).map { $0.values.first ?? .infinity } ?? .infinity
        guard lo <= hi else { throw refuse("min \(lo) > max \(hi)") }
        if lo == 0 && hi == .infinity { return try append(ReLU(unique(current.name)), node, inputs: [x]) }
        try append(Clip(unique(current.name), lower: lo, upper: hi), node, inputs: [x])
    }

    mutating func conv(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let (x, padded) = try paddedInput(node)
        guard let w = try constant(node, 1), w.shape.count == 4, !w.values.isEmpty else {
            throw refuse("the weight must be a constant [M, C/group, kH, kW] (a 2-D convolution)")
        }
        if let k = a.ints("kernel_shape"), k != [w.shape[2], w.shape[3]] {
            throw refuse("kernel_shape \(k) does not match the weight's \(w.shape[2])×\(w.shape[3])")
        }
        let groups = a.int("group", 1)
        guard x.shape.count == 3, groups > 0, x.shape[0] == w.shape[1] * groups, w.shape[0] % groups == 0 else {
            throw refuse("input \(x.shape), weight \(w.shape) and group \(groups) do not fit")
        }
        let paddedShape = [x.shape[0], x.shape[1] + padded.top + padded.bottom, x.shape[2] + padded.left + padded.right]
        let bias = try constant(node, 2, required: false)
        if let bias, bias.values.count != w.shape[0] { throw refuse("bias has \(bias.values.count) values for \(w.shape[0]) channels") }
        let (stride, dilation) = (try squareStride(a), try squareDilation(a))
        let span = (height: (w.shape[2] - 1) * dilation + 1, width: (w.shape[3] - 1) * dilation + 1)
        let pads = try windowPads(a, input: paddedShape, span: span, stride: stride) + padded
        var rng = SplitMix64(seed: 0)
        var layer = Conv2D(layerName(node, weight: 1), inChannels: x.shape[0], outChannels: w.shape[0], kernelH: w.shape[2],
                           kernelW: w.shape[3], stride: stride, pads: pads, dilation: dilation, groups: groups,
                           bias: bias != nil, rng: &rng)
        layer.parameters[0].value = Tensor(shape: w.shape, data: w.values)
        if let bias { layer.parameters[1].value = Tensor(shape: [w.shape[0]], data: bias.values) }
        try append(layer, node, inputs: [x])
    }

    /// A Dense layer from weight [out, in] and bias [out].
    mutating func dense(_ node: Onnx_NodeProto, x: (node: Int, shape: [Int]), weight: [Float], out: Int, bias: [Float]) throws {
        let inFeatures = weight.count / max(out, 1)
        guard out > 0, inFeatures > 0 else { throw refuse("the weight is empty") }
        guard x.shape.reduce(1, *) == inFeatures else { throw refuse("input \(x.shape) does not have \(inFeatures) features") }
        var rng = SplitMix64(seed: 0)
        var layer = Dense(layerName(node, weight: 1), inFeatures: inFeatures, outFeatures: out, rng: &rng)
        layer.parameters[0].value = Tensor(shape: [out, inFeatures], data: weight)
        layer.parameters[1].value = Tensor(shape: [out], data: bias)
        try append(layer, node, inputs: [x])
    }

    static func transposed(_ m: [Float], rows: Int, cols: Int) -> [Float] {
        var t = [Float](repeating: 0, count: m.count)
        for r in 0..<rows { for c in 0..<cols { t[c * rows + r] = m[r * cols + c] } }
        return t
    }

    mutating func gemm(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        guard a.int("transA", 0) == 0 else {
            throw refuse("transA = 1 transposes the batch axis into the features, which a layer applied per sample cannot do; export the model with transA = 0 (A = [N, K])")
        }
        guard x.shape.count == 1 else { throw refuse("input \(x.shape) must be flat [N, K]; add a Flatten") }
        guard let b = try constant(node, 1), b.shape.count == 2 else { throw refuse("B must be a 2-D constant") }
        let transB = a.int("transB", 0) != 0
        let out = transB ? b.shape[0] : b.shape[1]
        let (alpha, beta) = (a.float("alpha", 1), a.float("beta", 1))
        let w = (transB ? b.values : Self.transposed(b.values, rows: b.shape[0], cols: b.shape[1])).map { $0 * alpha }
        var bias = [Float](repeating: 0, count: out)
        if let c = try constant(node, 2, required: false) {
            guard c.values.count == out || c.values.count == 1 else { throw refuse("C has shape \(c.shape); expected [\(out)], [1, \(out)] or a scalar") }
            bias = (0..<out).map { beta * c.values[c.values.count == 1 ? 0 : $0] }
        }
        try dense(node, x: x, weight: w, out: out, bias: bias)
    }

    mutating func matMul(_ node: Onnx_NodeProto) throws {
        let x = try value(node, 0)
        guard let b = try constant(node, 1), b.shape.count == 2 else { throw refuse("B must be a 2-D constant [K, M]") }
        guard x.shape.last == b.shape[0] else { throw refuse("input [N] + \(x.shape) does not end in B's \(b.shape[0]) rows") }
        let weight = Self.transposed(b.values, rows: b.shape[0], cols: b.shape[1])
        if x.shape.count == 1 {
            return try dense(node, x: x, weight: weight, out: b.shape[1], bias: [Float](repeating: 0, count: b.shape[1]))
        }
        try batchedMatMul(node, x: x, weight: weight, out: b.shape[1])
    }

    /// A computed [N, S, K] or [N, A, B, K] times a constant [K, M] (torch's Linear on a sequence or on
    /// channels-last pixels): a 1×1 `Conv2D` (approximable, weight [M, K, 1, 1]) between `Transpose`s that
    /// move K to the channel axis and back (and `Reshape`s [K, S] ↔ [K, S, 1] for a sequence). The same
    /// products and sums as the MatMul, one output pixel per row of A.
    mutating func batchedMatMul(_ node: Onnx_NodeProto, x: (node: Int, shape: [Int]), weight: [Float], out: Int) throws {
        guard x.shape.count <= 3 else { throw refuse("input [N] + \(x.shape): only [N, S, K] and [N, A, B, K] are supported") }
        let k = x.shape[x.shape.count - 1], sequence = x.shape.count == 2
        let base = unique(current.name)
        let toChannels = Transpose(unique("\(base).channels_first"), permutation: sequence ? [1, 0] : [2, 0, 1])
        var v = (node: network.add(toChannels, inputs: [x.node]), shape: try toChannels.outputShape(for: x.shape))
        if sequence {
            let r = Reshape(unique("\(base).image"), shape: v.shape + [1])
            v = (network.add(r, inputs: [v.node]), r.shape)
        }
        var rng = SplitMix64(seed: 0)
        var conv = Conv2D(layerName(node, weight: 1), inChannels: k, outChannels: out, kernel: 1, bias: false, rng: &rng)
        conv.parameters[0].value = Tensor(shape: [out, k, 1, 1], data: weight)
        v = (network.add(conv, inputs: [v.node]), try conv.outputShape(for: v.shape))
        matMulProducts[node.output[0]] = v.node
        if sequence {
            let r = Reshape(unique("\(base).sequence"), shape: [out, x.shape[0]])
            v = (network.add(r, inputs: [v.node]), r.shape)
        }
        let back = Transpose(base, permutation: sequence ? [1, 0] : [1, 2, 0])
        values[node.output[0]] = (network.add(back, inputs: [v.node]), try back.outputShape(for: v.shape))
    }

    /// Two computed values of one shape: a residual Add layer. A computed value plus a constant
    /// that is the same for every pixel of a channel (shape [C, 1, 1], [1, C, 1, 1], [F], a scalar…):
    /// folded into the bias of the Conv, Gemm/MatMul or BatchNormalization that computes the value,
    /// when this Add is its one reader. Other broadcasts have no NetSim layer and are refused.
    mutating func add(_ node: Onnx_NodeProto) throws {
        guard node.input.count == 2 else { throw refuse("Add needs two inputs") }
        if let l = values[node.input[0]], let r = values[node.input[1]] {
            if l.shape != r.shape { return try binary(node) }
            return try append(NetSim.Add(unique(current.name)), node, inputs: [l, r])
        }
        let k = values[node.input[0]] != nil ? 0 : 1
        let x = try value(node, k)
        if let conv = matMulProducts[node.input[k]], readers[node.input[k]] == 1, let c = try constant(node, 1 - k),
           let bias = Self.lastAxis(c, shape: x.shape), let biased = Self.addingBias(bias, to: network.nodes[conv].layer) {
            network.nodes[conv].layer = biased   // the bias of a batched MatMul's 1×1 Conv, before the Transpose back
            values[node.output[0]] = x
            return
        }
        guard let c = try constant(node, 1 - k), let perChannel = Self.perChannel(c, shape: x.shape),
              x.node >= 0, x.node == network.last, readers[node.input[k]] == 1,
              let biased = Self.addingBias(perChannel, to: network.nodes[x.node].layer) else {
            throw refuse("adding a constant is supported only as a per-channel bias ([C, 1, 1], [F] or a scalar) of the "
                         + "Conv, Gemm/MatMul or BatchNormalization that computes the other operand and has no other reader")
        }
        network.nodes[x.node].layer = biased
        values[node.output[0]] = x
    }

    /// A computed value minus, or divided by, a per-channel constant (as `add` broadcasts it): an
    /// `InputNormalisation` layer y = (x − mean) / std with std 1 (Sub) or mean 0 (Div), so each is the one
    /// Float operation ONNX does. The Sub → Div pair `export-onnx` writes for input normalisation reads back.
    mutating func channelAffine(_ node: Onnx_NodeProto) throws {
        guard node.input.count == 2 else { throw refuse("\(node.opType) needs two inputs") }
        let x = try value(node, 0)
        guard let c = try constant(node, 1), let perChannel = Self.perChannel(c, shape: x.shape) else {
            throw refuse("only a computed value \(node.opType == "Sub" ? "minus" : "divided by") a per-channel constant ([C, 1, 1], [F] or a scalar) is supported")
        }
        let ones = [Float](repeating: 1, count: perChannel.count)
        if node.opType == "Div" {
            guard perChannel.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw refuse("the divisor must be positive and finite (a std)") }
            return try append(InputNormalisation(unique(current.name), mean: ones.map { _ in 0 }, std: perChannel), node, inputs: [x])
        }
        guard perChannel.allSatisfy(\.isFinite) else { throw refuse("the subtrahend must be finite") }
        try append(InputNormalisation(unique(current.name), mean: perChannel, std: ones), node, inputs: [x])
    }

    /// One value per channel (axis 0 of the per-sample `shape`) when `c` broadcasts against
    /// [N] + shape without varying along any other axis; nil otherwise.
    static func perChannel(_ c: ONNXConstant, shape: [Int]) -> [Float]? {
        guard let channels = shape.first, !c.values.isEmpty else { return nil }
        var dims = c.shape
        while dims.count > shape.count, dims.first == 1 { dims.removeFirst() }  // the batch axis
        guard dims.count <= shape.count else { return nil }
        let aligned = [Int](repeating: 1, count: shape.count - dims.count) + dims
        guard aligned.dropFirst().allSatisfy({ $0 == 1 }), aligned[0] == 1 || aligned[0] == channels,
              c.values.count == aligned[0] else { return nil }
        return aligned[0] == 1 ? [Float](repeating: c.values[0], count: channels) : c.values
    }

    /// One value per element of the last axis of the per-sample `shape` when `c` ([M], [1, M], …) broadcasts
    /// against [N] + shape along that axis only; nil otherwise.
    static func lastAxis(_ c: ONNXConstant, shape: [Int]) -> [Float]? {
        guard let m = shape.last, c.values.count == m, c.shape.last == m, c.shape.dropLast().allSatisfy({ $0 == 1 }) else { return nil }
        return c.values
    }

    /// `layer` with `bias` added to its output bias (a Conv without one gains it); nil for other layers.
    static func addingBias(_ bias: [Float], to layer: any Layer) -> (any Layer)? {
        switch layer {
        case var dense as Dense where bias.count == dense.outFeatures:
            for j in 0..<bias.count { dense.parameters[1].value.data[j] += bias[j] }
            return dense
        case var bn as BatchNorm where bias.count == bn.channels:
            for j in 0..<bias.count { bn.parameters[1].value.data[j] += bias[j] }
            return bn
        case let conv as Conv2D where bias.count == conv.outChannels:
            var out = conv.withBias()
            for j in 0..<bias.count { out.parameters[1].value.data[j] += bias[j] }
            return out
        default:
            return nil
        }
    }

    mutating func batchNorm(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        guard a.int("training_mode", 0) == 0, node.output.count == 1 || node.output.dropFirst().allSatisfy(\.isEmpty) else {
            throw refuse("training-mode BatchNormalization is not supported")
        }
        guard let scale = try constant(node, 1), let b = try constant(node, 2), let mean = try constant(node, 3),
              let variance = try constant(node, 4), let c = x.shape.first,
              [scale, b, mean, variance].allSatisfy({ $0.values.count == c }) else {
            throw refuse("scale, B, mean and var must be constants with one value per channel of \(x.shape)")
        }
        var layer = BatchNorm(layerName(node, weight: 1), channels: c)
        layer.parameters[0].value = Tensor(shape: [c], data: scale.values)
        layer.parameters[1].value = Tensor(shape: [c], data: b.values)
        layer.runningMean = Tensor(shape: [c], data: mean.values)
        // NetSim's epsilon is fixed at 1e-5: var + ε_onnx = (var + ε_onnx − 1e-5) + 1e-5.
        let shift = a.float("epsilon", 1e-5) - layer.epsilon
        layer.runningVar = Tensor(shape: [c], data: variance.values.map { $0 + shift })
        try append(layer, node, inputs: [x])
    }

    mutating func pool(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        guard let k = a.ints("kernel_shape"), k.count == 2, k[0] == k[1], k[0] > 0, k[0] <= Self.maxExtent else { throw refuse("kernel_shape must be square [k, k]") }
        guard a.int("storage_order", 0) == 0, node.output.dropFirst().allSatisfy(\.isEmpty) else { throw refuse("the Indices output is not supported") }
        guard try squareDilation(a) == 1 else { throw refuse("pooling dilations \(a.ints("dilations") ?? []) are not supported (only 1)") }
        let stride = try squareStride(a)
        let declared = try windowPads(a, input: x.shape, span: (k[0], k[0]), stride: stride)
        guard declared.onnx.allSatisfy({ $0 < k[0] }) else { throw refuse("pads \(declared.onnx) must be smaller than the kernel \(k[0])") }
        let ceil = a.int("ceil_mode", 0) != 0
        let pads = ceil ? ceilModePads(declared, input: x.shape, kernel: k[0], stride: stride) : declared
        let name = unique(current.name)
        if node.opType == "MaxPool" {
            return try append(MaxPool(name, kernel: k[0], stride: stride, pads: pads), node, inputs: [x])
        }
        let includePad = a.int("count_include_pad", 0) != 0
        guard !includePad || pads == declared else {
            throw refuse("count_include_pad = 1 with ceil_mode = 1 extending the last window past the pads is not supported")
        }
        try append(AvgPool(name, kernel: k[0], stride: stride, pads: pads, countIncludePad: includePad), node, inputs: [x])
    }

    mutating func flatten(_ node: Onnx_NodeProto, axis: Int) throws {
        let x = try value(node, 0)
        guard axis == 1 || axis == -x.shape.count else { throw refuse("axis \(axis) is not supported (only 1: keep the batch)") }
        if x.shape.count == 1 { return try alias(node) }
        try append(Flatten(unique(current.name)), node, inputs: [x])
    }

    /// Reshape to [N, features] (a Flatten) or to the value's own shape. The batch dimension may be
    /// written 0, -1, a number, or the batch size computed from the input's Shape.
    mutating func reshape(_ node: Onnx_NodeProto) throws {
        let x = try value(node, 0)
        let target = try targetShape(node, 1), features = x.shape.reduce(1, *)
        let describe = target.map { $0.map(String.init) ?? "N" }
        if target == [-1] {   // the batch flattened in too: only dynamo's as_strided Gather may read it (asStrided)
            batchFlattened[node.output[0]] = x
            return
        }
        guard let first = target.first, first.map({ $0 == 0 || $0 == -1 || $0 > 0 }) ?? true else { throw refuse("target shape \(describe) is not supported") }
        let rest = Array(target.dropFirst())
        guard !rest.contains(nil) else { throw refuse("target shape \(describe) uses the batch size after the first axis") }
        var dims = rest.enumerated().map { k, d in d == 0 && k + 1 < x.shape.count + 1 ? x.shape[k] : d! }
        let misfit = refuse("target shape \(describe) does not fit input [N] + \(x.shape)")
        // Checked products: a target's dimensions come from the file and may be anything.
        guard dims.allSatisfy({ $0 >= -1 }), let known = try? ONNXFolding.count(dims.filter { $0 != -1 }) else { throw misfit }
        if let k = dims.firstIndex(of: -1), known > 0, dims.filter({ $0 == -1 }).count == 1 { dims[k] = features / known }
        guard dims.allSatisfy({ $0 > 0 }), (try? ONNXFolding.count(dims)) == features else { throw misfit }
        if dims == x.shape { return try alias(node) }
        if dims.count == 1 && x.shape.count > 1 { return try append(Flatten(unique(current.name)), node, inputs: [x]) }
        try append(Reshape(unique(current.name), shape: dims), node, inputs: [x])
    }

    mutating func softmax(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        let axis = a.int("axis", -1)
        guard x.shape.count == 1, axis == 1 || axis == -1 else { throw refuse("only \(node.opType) over the features of [N, K] is supported") }
        if !keepSoftmax && node.output[0] == graphOutput {
            droppedSoftmax = true
            return try alias(node)
        }
        let name = unique(current.name)
        try append(node.opType == "Softmax" ? Softmax(name) as any Layer : LogSoftmax(name), node, inputs: [x])
    }
}
