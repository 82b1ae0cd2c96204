import NetSim

/// The builder's side of constant folding (ONNXFolding): which nodes fold, the two batch
/// evaluations, and target shapes that may name the batch axis.
extension ONNXGraphBuilder {
    /// Folds `node` into a constant when its op is foldable and every input is a constant (Shape and
    /// Size: of any value); returns false for a node to be converted to a layer.
    mutating func fold(_ node: Onnx_NodeProto) throws -> Bool {
        guard ONNXFolding.ops.contains(node.opType), let out = node.output.first, !out.isEmpty else { return false }
        let names = node.input
        let ofShape = (node.opType == "Shape" || node.opType == "Size") && !names.isEmpty && values[names[0]] != nil
        guard ofShape || names.allSatisfy({ $0.isEmpty || constants[$0] != nil }) else { return false }
        func inputs(batch: Int, other: Bool) -> [ONNXConstant?] {
            names.enumerated().map { k, name in
                if name.isEmpty { return nil }
                if ofShape && k == 0, let v = values[name] { return ONNXConstant(shape: [batch] + v.shape, values: []) }
                return other ? (otherBatch[name] ?? constants[name]) : constants[name]
            }
        }
        let a = ONNXAttributes(node)
        do {
            let first = try ONNXFolding.evaluate(node, a, inputs(batch: ONNXFolding.batches.0, other: false), decoder: decoder)
            constants[out] = first
            if ONNXFolding.movesValues.contains(node.opType), let source = names.first, !source.isEmpty {
                constantOrigin[out] = constantOrigin[source] ?? source
            }
            if ofShape || names.contains(where: { otherBatch[$0] != nil }) {
                let second = try ONNXFolding.evaluate(node, a, inputs(batch: ONNXFolding.batches.1, other: true), decoder: decoder)
                if second.shape != first.shape || second.values != first.values { otherBatch[out] = second }
            }
        } catch let failure as ONNXFolding.Failure {
            throw refuse(failure.reason)
        }
        return true
    }

    /// The layer name for a node whose weight is input `i`: the module path when the weight (or the
    /// initialiser it was folded from: Identity, Transpose, …) is named like a torch state_dict entry
    /// (`layer1.0.conv1.weight` → `layer1.0.conv1`), else the node name. Made unique.
    mutating func layerName(_ node: Onnx_NodeProto, weight i: Int) -> String {
        guard i < node.input.count else { return unique(current.name) }
        let source = constantOrigin[node.input[i]] ?? node.input[i]
        guard source.hasSuffix(".weight") else { return unique(current.name) }
        let path = source.dropLast(".weight".count)
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }) else {
            return unique(current.name)
        }
        return unique(String(path))
    }

    /// A constant target shape read by input `i` (Reshape, Expand): nil marks the batch axis, a
    /// dimension equal to the batch size in both of folding's evaluations.
    func targetShape(_ node: Onnx_NodeProto, _ i: Int) throws -> [Int?] {
        guard i < node.input.count, let first = constants[node.input[i]] else { throw refuse("the shape must be a constant") }
        guard first.shape.count == 1 else { throw refuse("the shape must be a 1-D list of integers") }
        let second = otherBatch[node.input[i]] ?? first
        guard second.values.count == first.values.count else { throw refuse("the target shape's length depends on the batch size") }
        let (b0, b1) = (Float(ONNXFolding.batches.0), Float(ONNXFolding.batches.1))
        return try zip(first.values, second.values).map { v0, v1 in
            if v0 == v1 { return ONNXFolding.int(v0) }
            guard v0 == b0, v1 == b1 else { throw refuse("target shape dimension depends on the batch size other than as the batch axis") }
            return nil
        }
    }

    /// dynamo's `as_strided` that only reshapes: a computed value flattened with its batch (Reshape to [−1]),
    /// then a Gather along axis 0 whose batch-dependent indices are, in both of folding's evaluations, every
    /// position in order, shaped [N] + S. That is a Reshape of each sample to S (nothing when S is its shape).
    mutating func asStrided(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        guard let x = node.input.first.flatMap({ batchFlattened[$0] }), node.input.count == 2,
              let first = constants[node.input[1]], a.int("axis", 0) == 0 else {
            throw refuse("Gather of a computed value is supported only as dynamo's as_strided of a value flattened with its batch")
        }
        let second = otherBatch[node.input[1]] ?? first, features = x.shape.reduce(1, *)
        func isEveryPosition(_ c: ONNXConstant, batch: Int) -> Bool {
            c.shape.first == batch && c.shape.dropFirst().reduce(1, *) == features
                && c.values.enumerated().allSatisfy { $0.element == Float($0.offset) }
        }
        guard isEveryPosition(first, batch: ONNXFolding.batches.0), isEveryPosition(second, batch: ONNXFolding.batches.1),
              Array(first.shape.dropFirst()) == Array(second.shape.dropFirst()) else {
            throw refuse("the indices do not read every position of the flattened value in order; only a reshaping as_strided is supported")
        }
        let shape = Array(first.shape.dropFirst())
        if shape == x.shape { return values[node.output[0]] = x }
        try append(Reshape(unique(current.name), shape: shape), node, inputs: [x])
    }

    /// Expand of a computed value to a shape it already has ([N] + its shape, or one that broadcasts to it).
    mutating func expand(_ node: Onnx_NodeProto) throws {
        let x = try value(node, 0)
        let target = try targetShape(node, 1)
        let own = [nil] + x.shape.map { Optional($0) }
        guard target.count <= own.count, zip(target.reversed(), own.reversed()).allSatisfy({ $0 == $1 || $0 == 1 }) else {
            throw refuse("Expand of input [N] + \(x.shape) to \(target.map { $0.map(String.init) ?? "N" }) broadcasts a computed value, which is not supported")
        }
        try alias(node)
    }
}
