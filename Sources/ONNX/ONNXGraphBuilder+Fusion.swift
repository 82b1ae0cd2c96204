import NetSim

/// The builder's side of pattern fusion (ONNXFusion): checks a matched decomposition exactly (constants,
/// axes, attributes, now that folding has made the constants known) and converts it as the one ONNX op it
/// computes, through that op's own converter (`layerNorm`, `activation`). Anything but the exact form is
/// refused naming the node that holds the wrong value.
extension ONNXGraphBuilder {
    static let geluForm = "GELU's erf form x · 0.5 · (1 + erf(x / √2))"
    static let layerNormForm = "a LayerNorm over the last axis, (x − mean(x)) / √(mean((x − mean(x))^2) + ε) · γ + β"

    mutating func convertFused(_ m: ONNXFusion.Match, _ nodes: [Onnx_NodeProto]) throws {
        guard let input = m.input, let output = nodes[m.root].output.first else { throw refuse("the node has no output") }
        try materialisePixels([input])
        var fused = Onnx_NodeProto()
        fused.name = current.name
        fused.input = [input]
        fused.output = [output]
        let x = try value(fused, 0)
        switch m.kind {
        case .gelu:
            try checkGelu(m, nodes, rank: x.shape.count + 1)
            fused.opType = "Gelu"
            try activation(fused, ONNXAttributes(fused))
        case .layerNorm:
            try fuseLayerNorm(m, nodes, x: x, into: &fused)
            try layerNorm(fused, ONNXAttributes(fused))
        }
    }

    /// An error naming node `i` of the graph (the one whose value breaks the pattern).
    func refuse(_ reason: String, at i: Int, _ nodes: [Onnx_NodeProto]) -> ONNXError {
        .unsupportedForm(file: file, node: ONNXImporter.nodeName(nodes[i], i), op: nodes[i].opType, reason: reason)
    }

    /// The constant of `role` in the match, with the node that reads it; nil when the pattern has none there.
    func fusedConstant(_ m: ONNXFusion.Match, _ role: String, _ nodes: [Onnx_NodeProto], form: String) throws -> (ONNXConstant, reader: Int)? {
        guard let (tensor, reader) = m.constants[role], let tensor else { return nil }
        guard let c = constants[tensor] else {
            throw refuse("part of \(form), but its operand '\(tensor)' is not a constant", at: reader, nodes)
        }
        guard otherBatch[tensor] == nil else {
            throw refuse("part of \(form), but its operand '\(tensor)' depends on the batch size", at: reader, nodes)
        }
        return (c, reader)
    }

    /// A one-value constant that does not raise the rank of a [N] + per-sample value of rank `rank`.
    func fusedScalar(_ m: ONNXFusion.Match, _ role: String, _ nodes: [Onnx_NodeProto], rank: Int, form: String, what: String) throws -> (Float, reader: Int)? {
        guard let (c, reader) = try fusedConstant(m, role, nodes, form: form) else { return nil }
        guard c.values.count == 1, c.shape.count <= rank else {
            throw refuse("part of \(form), but \(what) is a constant of shape \(c.shape), not a scalar", at: reader, nodes)
        }
        return (c.values[0], reader)
    }

    /// √2 or 1/√2 as torch writes them: the Float nearest, within two units in the last place (a double rounded
    /// once, or computed in another order).
    static func isClose(_ v: Float, _ target: Double) -> Bool {
        let t = Float(target)
        return abs(v - t) <= 2 * t.ulp
    }

    func checkGelu(_ m: ONNXFusion.Match, _ nodes: [Onnx_NodeProto], rank: Int) throws {
        let form = Self.geluForm, exact = "only the exact GELU is imported (torch.nn.GELU() with approximate='none')"
        if let (v, reader) = try fusedScalar(m, "sqrt2", nodes, rank: rank, form: form, what: "the divisor of x"), !Self.isClose(v, 2.0.squareRoot()) {
            throw refuse("part of \(form), but it divides x by \(v), not √2 = \(Float(2.0.squareRoot())); \(exact)", at: reader, nodes)
        }
        if let (v, reader) = try fusedScalar(m, "inverse_sqrt2", nodes, rank: rank, form: form, what: "the factor of x"), !Self.isClose(v, 0.5.squareRoot()) {
            throw refuse("part of \(form), but it multiplies x by \(v), not 1/√2 = \(Float(0.5.squareRoot())); \(exact)", at: reader, nodes)
        }
        if let (v, reader) = try fusedScalar(m, "one", nodes, rank: rank, form: form, what: "the term added to erf"), v != 1 {
            throw refuse("part of \(form), but it adds \(v) to erf, not 1; \(exact)", at: reader, nodes)
        }
        if let (v, reader) = try fusedScalar(m, "half", nodes, rank: rank, form: form, what: "the factor 0.5"), v != 0.5 {
            throw refuse("part of \(form), but it multiplies by \(v), not 0.5; \(exact)", at: reader, nodes)
        }
    }

    /// Checks a decomposed LayerNorm and makes `fused` the LayerNormalization node it computes: input x, scale γ,
    /// bias β (constants along the last axis; a scalar is repeated, a missing γ is ones), `epsilon` ε, axis −1.
    mutating func fuseLayerNorm(_ m: ONNXFusion.Match, _ nodes: [Onnx_NodeProto], x: (node: Int, shape: [Int]), into fused: inout Onnx_NodeProto) throws {
        let form = Self.layerNormForm, rank = x.shape.count + 1
        guard let f = x.shape.last else { throw refuse("the input has no features") }
        for (role, axesRole) in [("mean", "mean_axes"), ("variance", "variance_axes")] {
            guard let i = m.nodes[role] else { continue }
            let a = ONNXAttributes(nodes[i])
            var axes = a.ints("axes")
            if axes == nil, let (c, _) = try fusedConstant(m, axesRole, nodes, form: form) { axes = ONNXFolding.ints(c) }
            let describe = axes.map { "axes \($0)" } ?? "every axis"
            guard let axes, axes.count == 1, axes[0] == -1 || axes[0] == rank - 1 else {
                throw refuse("part of \(form), but it reduces \(describe) of [N] + \(x.shape); only the last axis (axes [-1]) is imported", at: i, nodes)
            }
            guard a.int("keepdims", 1) == 1 else {
                throw refuse("part of \(form), but its keepdims is 0; the decomposition needs keepdims 1", at: i, nodes)
            }
        }
        if let (v, reader) = try fusedScalar(m, "exponent", nodes, rank: rank, form: form, what: "the exponent"), v != 2 {
            throw refuse("part of \(form), but it raises to the power \(v), not 2 (a variance squares)", at: reader, nodes)
        }
        guard let (epsilon, reader) = try fusedScalar(m, "epsilon", nodes, rank: rank, form: form, what: "ε") else {
            throw refuse("part of \(form), but ε is missing")
        }
        guard epsilon > 0, epsilon.isFinite else {
            throw refuse("part of \(form), but ε is \(epsilon); it must be positive (added to the variance before its square root)", at: reader, nodes)
        }
        /// γ or β as a constant the LayerNormalization converter reads: the tensor itself when it lies along the last
        /// axis (so the layer keeps its module-path name), else a scalar repeated under a name of its own.
        func affine(_ role: String, _ symbol: String, default value: Float?) throws -> String? {
            guard let (c, reader) = try fusedConstant(m, role, nodes, form: form) else {
                guard let value else { return nil }
                let name = "\(fused.output[0])#\(role)"
                constants[name] = ONNXConstant(shape: [f], values: [Float](repeating: value, count: f))
                return name
            }
            let tensor = m.constants[role]!.tensor!
            if c.shape.count <= rank, Self.lastAxis(c, shape: x.shape) != nil { return tensor }
            guard c.values.count == 1, c.shape.count <= rank else {
                throw refuse("part of \(form), but \(symbol) has shape \(c.shape); it must be a constant [\(f)] along the normalised last axis, or a scalar", at: reader, nodes)
            }
            let name = "\(fused.output[0])#\(role)"
            constants[name] = ONNXConstant(shape: [f], values: [Float](repeating: c.values[0], count: f))
            return name
        }
        let scale = try affine("gamma", "γ", default: 1)!
        let bias = try affine("beta", "β", default: nil)
        fused.opType = "LayerNormalization"
        fused.input = [fused.input[0], scale] + (bias.map { [$0] } ?? [])
        var axis = Onnx_AttributeProto(), eps = Onnx_AttributeProto()
        (axis.name, axis.type, axis.i) = ("axis", .int, -1)
        (eps.name, eps.type, eps.f) = ("epsilon", .float, epsilon)
        fused.attribute = [axis, eps]
    }
}
