import NetSim

/// Converters for the ops of torchvision's classification models beyond Conv/Gemm: element-wise
/// non-linearities, global pooling as ReduceMean, broadcasting Mul/Add, channel Concat, Split and Slice
/// of an axis, Transpose and Reshape of feature maps. All run in Float between the approximable layers.
extension ONNXGraphBuilder {
    mutating func activation(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let function: Activation.Function
        switch node.opType {
        case "LeakyRelu": function = .leakyRelu(alpha: a.float("alpha", 0.01))
        case "Sigmoid": function = .sigmoid
        case "Tanh": function = .tanh
        case "HardSigmoid": function = .hardSigmoid(alpha: a.float("alpha", 0.2), beta: a.float("beta", 0.5))
        case "Gelu":
            let approximation = a.string("approximate") ?? "none"
            guard approximation == "none" else { throw refuse("approximate '\(approximation)' is not supported (only the exact erf form, 'none')") }
            function = .gelu
        default: function = .hardSwish
        }
        try append(Activation(unique(current.name), function), node, inputs: [value(node, 0)])
    }

    /// LayerNormalization over the last axis (ConvNeXt's, channels last): a `LayerNorm` with the constant
    /// scale and bias; the optional Mean and InvStdDev outputs must be unused.
    mutating func layerNorm(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        let axis = a.int("axis", -1)
        guard let f = x.shape.last, axis == -1 || axis == x.shape.count else {
            throw refuse("axis \(axis) is not supported; only the last axis (−1) of [N] + \(x.shape)")
        }
        guard node.output.dropFirst().allSatisfy(\.isEmpty) else { throw refuse("the Mean and InvStdDev outputs are not supported") }
        guard let scale = try constant(node, 1), scale.values.count == f else { throw refuse("the scale must be a constant [\(f)]") }
        let bias = try constant(node, 2, required: false)
        guard bias == nil || bias?.values.count == f else { throw refuse("the bias must be a constant [\(f)]") }
        let epsilon = a.float("epsilon", 1e-5)
        guard epsilon > 0, epsilon.isFinite else { throw refuse("epsilon \(epsilon) must be positive") }
        var layer = LayerNorm(layerName(node, weight: 1), features: f, epsilon: epsilon)
        layer.parameters[0].value = Tensor(shape: [f], data: scale.values)
        if let bias { layer.parameters[1].value = Tensor(shape: [f], data: bias.values) }
        try append(layer, node, inputs: [x])
    }

    /// GlobalAveragePool, or ReduceMean over the two spatial axes: a `GlobalAvgPool` ([C]), then a
    /// `Reshape` to [C, 1, 1] when the dimensions are kept.
    mutating func globalPool(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        guard x.shape.count == 3 else { throw refuse("input [N] + \(x.shape) must be [N, C, H, W]") }
        var keep = true
        if node.opType == "ReduceMean" {
            let axes = try a.ints("axes") ?? constant(node, 1, required: false).map(ONNXFolding.ints) ?? []
            guard Set(axes.map { $0 < 0 ? $0 + 4 : $0 }) == [2, 3] else {
                let lastAxis = axes == [-1] || axes == [x.shape.count]
                let layerNorm: String = lastAxis ? ", or over the last axis as the start of \(Self.layerNormForm) (ReduceMean → Sub → Pow 2 → "
                    + "ReduceMean → Add ε → Sqrt → Div → Mul γ → Add β, every intermediate read only inside it), which this one does not start" : ""
                throw refuse("ReduceMean over axes \(axes) is not supported; only over H and W (axes 2, 3) of [N, C, H, W]\(layerNorm)")
            }
            keep = a.int("keepdims", 1) != 0
        }
        let name = unique(current.name)
        let pooled = network.add(GlobalAvgPool(name), inputs: [x.node])
        values[node.output[0]] = (pooled, [x.shape[0]])
        guard keep else { return }
        try append(Reshape(unique(name + ".keepdims"), shape: [x.shape[0], 1, 1]), node, inputs: [(pooled, [x.shape[0]])])
    }

    /// Mul, or an Add of two computed values whose shapes differ: a broadcasting `Broadcast` layer.
    mutating func binary(_ node: Onnx_NodeProto) throws {
        guard node.input.count == 2 else { throw refuse("\(node.opType) needs two inputs") }
        if node.opType == "Mul", let k = [0, 1].first(where: { values[node.input[$0]] != nil }), values[node.input[1 - k]] == nil {
            let x = try value(node, k)
            guard let c = try constant(node, 1 - k), let perChannel = Self.perChannel(c, shape: x.shape) else {
                throw refuse("a computed value times a constant is supported only for a per-channel constant ([C, 1, 1], [F] or a scalar)")
            }
            return try append(ChannelScale(unique(current.name), scale: perChannel), node, inputs: [x])
        }
        guard let l = values[node.input[0]], let r = values[node.input[1]] else {
            throw refuse("\(node.opType) of a computed value and a constant is supported only as a per-channel bias (Add); here both operands must be computed")
        }
        let layer = Broadcast(unique(current.name), node.opType == "Mul" ? .mul : .add)
        do { _ = try layer.outputShape(forInputs: [l.shape, r.shape]) } catch { throw refuse("operand shapes [N] + \(l.shape) and [N] + \(r.shape) do not broadcast") }
        try appendMerge(layer, node, inputs: [l, r])
    }

    mutating func appendMerge(_ layer: any MergingLayer, _ node: Onnx_NodeProto, inputs: [(node: Int, shape: [Int])]) throws {
        let shape: [Int]
        do { shape = try layer.outputShape(forInputs: inputs.map(\.shape)) } catch { throw refuse("\(error)") }
        values[node.output[0]] = (network.add(layer, inputs: inputs.map(\.node)), shape)
    }

    /// The per-sample axis of ONNX axis `axis` (which must not be the batch axis 0) for rank 1 + `rank`.
    func sampleAxis(_ axis: Int, rank: Int) throws -> Int {
        let a = axis < 0 ? axis + rank + 1 : axis
        guard a >= 1, a <= rank else { throw refuse("axis \(axis) must be a non-batch axis of a rank-\(rank + 1) value") }
        return a - 1
    }

    mutating func concat(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let xs = try node.input.indices.map { try value(node, $0) }
        try appendMerge(Concat(unique(current.name), axis: sampleAxis(a.int("axis", 0), rank: xs[0].shape.count)), node, inputs: xs)
    }

    /// Split of a computed value along a non-batch axis: one `Slice` layer per output.
    mutating func split(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        let axis = try sampleAxis(a.int("axis", 0), rank: x.shape.count), size = x.shape[axis]
        let outputs = node.output.count
        let sizes = try a.ints("split") ?? constant(node, 1, required: false).map(ONNXFolding.ints)
            ?? (0..<outputs).map { k in (size + outputs - 1) / outputs - (k == outputs - 1 ? (size + outputs - 1) / outputs * outputs - size : 0) }
        guard sizes.count == outputs, sizes.reduce(0, +) == size, sizes.allSatisfy({ $0 > 0 }) else {
            throw refuse("split sizes \(sizes) do not divide axis \(axis + 1) of size \(size) into \(outputs) outputs")
        }
        var start = 0
        for (k, s) in sizes.enumerated() {
            let layer = Slice(unique("\(current.name).\(k)"), axis: axis, range: start..<(start + s))
            var shape = x.shape
            shape[axis] = s
            if !node.output[k].isEmpty { values[node.output[k]] = (network.add(layer, inputs: [x.node]), shape) }
            start += s
        }
    }

    /// Slice of a computed value: step 1 along non-batch axes.
    mutating func slice(_ node: Onnx_NodeProto) throws {
        var x = try value(node, 0)
        let starts = try ONNXFolding.ints(constant(node, 1)!), ends = try ONNXFolding.ints(constant(node, 2)!)
        let axes = try constant(node, 3, required: false).map(ONNXFolding.ints) ?? Array(0..<starts.count)
        let steps = try constant(node, 4, required: false).map(ONNXFolding.ints) ?? starts.map { _ in 1 }
        guard starts.count == ends.count, axes.count == starts.count, steps.allSatisfy({ $0 == 1 }) else {
            throw refuse("only step 1 with one start and end per axis is supported")
        }
        for (k, axis) in axes.enumerated() {
            let ax = try sampleAxis(axis, rank: x.shape.count), d = x.shape[ax]
            func bound(_ v: Int) -> Int { min(max(v < 0 ? (v == Int.min ? 0 : v + d) : v, 0), d) }
            let range = bound(starts[k])..<max(bound(starts[k]), bound(ends[k]))
            guard !range.isEmpty else { throw refuse("the slice of axis \(axis) is empty") }
            if range == 0..<d { continue }
            let layer = Slice(unique(current.name), axis: ax, range: range)
            var shape = x.shape
            shape[ax] = range.count
            x = (network.add(layer, inputs: [x.node]), shape)
        }
        values[node.output[0]] = x
    }

    mutating func transpose(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        let perm = a.ints("perm") ?? Array((0...x.shape.count).reversed())
        guard perm.first == 0, perm.sorted() == Array(0...x.shape.count) else {
            throw refuse("perm \(perm) must keep the batch axis first")
        }
        let p = perm.dropFirst().map { $0 - 1 }
        if p == Array(0..<x.shape.count) { return try alias(node) }
        try append(Transpose(unique(current.name), permutation: p), node, inputs: [x])
    }
}
