import NetSim

/// One NetSim layer type → ONNX node(s), one case each. Returns the name of the layer's output.
extension ONNXGraphWriter {
    /// Layer kinds `layer(_:input:inputShape:)` exports.
    static let exportedKinds = ["Dense", "Conv2D", "ReLU", "Clip", "MaxPool", "AvgPool", "GlobalAvgPool", "Flatten", "Dropout",
                                "Add", "BatchNorm", "Softmax", "LogSoftmax", "InputNormalisation", "LeakyRelu", "Sigmoid", "Tanh", "HardSigmoid",
                                "HardSwish", "Reshape", "Transpose", "Slice", "Concat", "BroadcastAdd", "BroadcastMul"]

    mutating func layer(_ layer: any Layer, input: String, inputShape: [Int]) throws -> String {
        let name = layer.name
        switch layer {
        case let dense as Dense:
            var x = input
            if inputShape.count > 1 { x = node("Flatten", [x], name: "\(name).flatten", [("axis", .int(1))]) }
            let (qx, w) = operands(dense, input: x)
            return node("Gemm", [qx, w, initializer("\(name).bias", shape: [dense.outFeatures], floats: dense.parameters[1].value.data)],
                        name: name, [("transB", .int(1))])
        case let conv as Conv2D:
            let (qx, w) = operands(conv, input: input)
            var inputs = [qx, w]
            if conv.hasBias { inputs.append(initializer("\(name).bias", shape: [conv.outChannels], floats: conv.parameters[1].value.data)) }
            return node("Conv", inputs, name: name, [
                ("kernel_shape", .ints([conv.kernelH, conv.kernelW])), ("strides", .ints([conv.stride, conv.stride])),
                ("pads", .ints(conv.pads.onnx)), ("dilations", .ints([conv.dilation, conv.dilation])),
                ("group", .int(Int64(conv.groups))),
            ])
        case is ReLU:
            return node("Relu", [input], name: name)
        case let clip as Clip:   // an infinite bound is an absent optional input
            let lo = clip.lower.isFinite ? initializer("\(name).min", shape: [], floats: [clip.lower]) : ""
            let hi = clip.upper.isFinite ? initializer("\(name).max", shape: [], floats: [clip.upper]) : ""
            return node("Clip", hi.isEmpty ? [input, lo] : [input, lo, hi], name: name)
        case is Softmax:
            guard inputShape.count == 1 else {
                throw ModelError.invalidArgument(what: "layer \(name)", value: "Softmax over \(inputShape)", rule: "ONNX export writes Softmax over [N, K] only")
            }
            return node("Softmax", [input], name: name, [("axis", .int(1))])
        case is LogSoftmax:
            return node("LogSoftmax", [input], name: name, [("axis", .int(1))])
        case let act as Activation:
            switch act.function {
            case .leakyRelu(let alpha): return node("LeakyRelu", [input], name: name, [("alpha", .float(alpha))])
            case .hardSigmoid(let alpha, let beta): return node("HardSigmoid", [input], name: name, [("alpha", .float(alpha)), ("beta", .float(beta))])
            case .sigmoid, .tanh: return node(act.function.onnxName, [input], name: name)
            case .gelu:
                throw ModelError.invalidArgument(what: "layer \(name)", value: "Gelu", rule: "ONNX Gelu needs opset 20; the export writes opset 13")
            case .hardSwish:   // HardSwish needs opset 14; the export writes 13: x · HardSigmoid(x; 1/6, 1/2)
                let gate = node("HardSigmoid", [input], name: "\(name).gate", [("alpha", .float(1 / 6)), ("beta", .float(0.5))])
                return node("Mul", [input, gate], name: name)
            }
        case let reshape as Reshape:
            return node("Reshape", [input, initializer("\(name).shape", int64: [-1] + reshape.shape)], name: name)
        case let transpose as Transpose:
            return node("Transpose", [input], name: name, [("perm", .ints([0] + transpose.permutation.map { $0 + 1 }))])
        case let slice as Slice:
            return node("Slice", [input, initializer("\(name).starts", int64: [slice.range.lowerBound]),
                                  initializer("\(name).ends", int64: [slice.range.upperBound]),
                                  initializer("\(name).axes", int64: [slice.axis + 1])], name: name)
        case let norm as InputNormalisation:   // (x − mean) / std per channel, as NetSim computes it
            let shape = norm.mean.count == 1 ? [1] : [norm.mean.count] + [Int](repeating: 1, count: max(0, inputShape.count - 1))
            let centred = node("Sub", [input, initializer("\(name).mean", shape: shape, floats: norm.mean)], name: "\(name).sub")
            return node("Div", [centred, initializer("\(name).std", shape: shape, floats: norm.std)], name: name)
        case let pool as MaxPool:
            return node("MaxPool", [input], name: name, window(pool.kernel, pool.stride, pool.pads))
        case let pool as AvgPool:
            return node("AveragePool", [input], name: name,
                        window(pool.kernel, pool.stride, pool.pads) + [("count_include_pad", .int(pool.countIncludePad ? 1 : 0))])
        case is GlobalAvgPool:   // NetSim's output is [C]; ONNX's [C, 1, 1]
            let pooled = node("GlobalAveragePool", [input], name: "\(name).pool")
            return node("Flatten", [pooled], name: name, [("axis", .int(1))])
        case is Flatten:
            return node("Flatten", [input], name: name, [("axis", .int(1))])
        case is Dropout, is Add:   // Dropout is the identity in evaluation; Add's sum is the node's Sum of inputs
            return node("Identity", [input], name: name)
        case let bn as BatchNorm:
            let p = bn.parameters
            return node("BatchNormalization", [
                input, initializer("\(name).gamma", shape: [bn.channels], floats: p[0].value.data),
                initializer("\(name).beta", shape: [bn.channels], floats: p[1].value.data),
                initializer("\(name).running_mean", shape: [bn.channels], floats: bn.runningMean.data),
                initializer("\(name).running_var", shape: [bn.channels], floats: bn.runningVar.data),
            ], name: name, [("epsilon", .float(bn.epsilon))])
        default:
            throw ModelError.invalidArgument(what: "layer \(name)", value: layer.kind,
                                             rule: "ONNX export supports \(Self.exportedKinds.joined(separator: ", "))")
        }
    }

    /// A layer reading several nodes: Concat along its axis, or the broadcasting Add/Mul.
    mutating func merge(_ layer: any MergingLayer, inputs: [String]) -> String {
        switch layer {
        case let concat as Concat: return node("Concat", inputs, name: layer.name, [("axis", .int(Int64(concat.axis + 1)))])
        case let b as Broadcast: return node(b.operation.rawValue, inputs, name: layer.name)
        default: return node("Sum", inputs, name: layer.name)
        }
    }

    /// The (possibly quantised) input and weight of a Dense/Conv2D layer.
    private mutating func operands(_ layer: some WeightedLayer, input: String) -> (String, String) {
        let w = layer.parameters[0].value
        guard let q = quantisation, let delta = q.inputDeltas[layer.name] else {
            return (input, initializer("\(layer.name).weight", shape: w.shape, floats: w.data))
        }
        return (quantiseActivation(input, delta: delta, layer: layer.name),
                quantisedWeight(w, channels: layer.outputChannels, perChannel: q.perChannelWeights, layer: layer.name))
    }

    private func window(_ k: Int, _ s: Int, _ p: Pads) -> [(String, Attribute)] {
        [("kernel_shape", .ints([k, k])), ("strides", .ints([s, s])), ("pads", .ints(p.onnx))]
    }
}
