/// A layer that reads several nodes and combines them other than by summing (which `Network` does
/// for any other layer with several inputs): channel concatenation, broadcasting products.
/// `Network` calls these methods instead of the single-input ones.
public protocol MergingLayer: Layer {
    /// Per-sample output shape for the per-sample input shapes.
    func outputShape(forInputs inputs: [[Int]]) throws -> [Int]
    mutating func forward(_ xs: [Tensor], context: inout ForwardContext) -> Tensor
    /// ∂L/∂x for every input.
    mutating func backward(inputs dy: Tensor) -> [Tensor]
    mutating func forwardR(_ xs: [Tensor], _ rxs: [Tensor], context: inout ForwardContext) throws -> (Tensor, Tensor)
    /// (∂L/∂x, R{∂L/∂x}) for every input.
    mutating func backwardR(inputs dy: Tensor, _ rdy: Tensor) throws -> [(Tensor, Tensor)]
}

public extension MergingLayer {
    func outputShape(for input: [Int]) throws -> [Int] { try outputShape(forInputs: [input]) }
    mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor { forward([x], context: &context) }
    mutating func backward(_ dy: Tensor) -> Tensor { backward(inputs: dy)[0] }
    mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        try forwardR([x], [rx], context: &context)
    }
    mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { try backwardR(inputs: dy, rdy)[0] }
}

extension Network {
    /// The per-sample output shape of node `i` given the output shapes of the nodes before it.
    public func outputShape(ofNode i: Int, after shapes: [[Int]]) throws -> [Int] {
        let ins = nodes[i].inputs.map { $0 < 0 ? inputShape : shapes[$0] }
        if let merge = nodes[i].layer as? any MergingLayer { return try merge.outputShape(forInputs: ins) }
        return try nodes[i].layer.outputShape(for: ins.first ?? inputShape)
    }

    /// Runs node `i` on the outputs so far: a merging layer on its inputs, any other on their sum.
    mutating func run(_ i: Int, _ x: Tensor, _ outs: [Tensor?], context: inout ForwardContext) -> Tensor {
        if var merge = nodes[i].layer as? any MergingLayer {
            let y = merge.forward(nodes[i].inputs.map { pick($0, x, outs) }, context: &context)
            nodes[i].layer = merge
            return y
        }
        let input = nodes[i].inputs.count > 1 ? PhaseClock.measure(.relu) { gather(nodes[i].inputs, x, outs) }
            : gather(nodes[i].inputs, x, outs)
        return nodes[i].layer.forward(input, context: &context)
    }

    /// Back-propagates node `i`: ∂L/∂x for each of its inputs (the same tensor for a sum).
    mutating func backward(node i: Int, _ dy: Tensor) -> [Tensor] {
        if var merge = nodes[i].layer as? any MergingLayer {
            let dx = merge.backward(inputs: dy)
            nodes[i].layer = merge
            return dx
        }
        let dx = nodes[i].layer.backward(dy)
        return nodes[i].inputs.map { _ in dx }
    }

    mutating func runR(_ i: Int, _ x: Tensor, _ rx: Tensor, _ outs: [Tensor?], _ rOuts: [Tensor?],
                       context: inout ForwardContext) throws -> (Tensor, Tensor) {
        if var merge = nodes[i].layer as? any MergingLayer {
            let r = try merge.forwardR(nodes[i].inputs.map { pick($0, x, outs) }, nodes[i].inputs.map { pick($0, rx, rOuts) }, context: &context)
            nodes[i].layer = merge
            return r
        }
        return try nodes[i].layer.forwardR(gather(nodes[i].inputs, x, outs), gather(nodes[i].inputs, rx, rOuts), context: &context)
    }

    mutating func backwardR(node i: Int, _ dy: Tensor, _ rdy: Tensor) throws -> [(Tensor, Tensor)] {
        if var merge = nodes[i].layer as? any MergingLayer {
            let r = try merge.backwardR(inputs: dy, rdy)
            nodes[i].layer = merge
            return r
        }
        let r = try nodes[i].layer.backwardR(dy, rdy)
        return nodes[i].inputs.map { _ in r }
    }
}

/// Concatenation along a per-sample axis (0: channels of [C, H, W]; ONNX Concat axis 1).
public struct Concat: MergingLayer {
    public var name: String
    public var kind: String { "Concat" }
    /// The per-sample axis.
    public let axis: Int
    private var sizes: [Int] = [], shapes: [[Int]] = []

    public init(_ name: String, axis: Int = 0) { (self.name, self.axis) = (name, axis) }

    public func outputShape(forInputs inputs: [[Int]]) throws -> [Int] {
        guard var out = inputs.first, axis < out.count,
              inputs.allSatisfy({ s in s.count == out.count && s.indices.allSatisfy { k in k == axis || s[k] == inputs[0][k] } }) else {
            throw ModelError.shapeMismatch(layer: name, expected: "inputs equal except along axis \(axis)", found: inputs.flatMap { $0 })
        }
        out[axis] = inputs.map { $0[axis] }.reduce(0, +)
        return out
    }

    public mutating func forward(_ xs: [Tensor], context: inout ForwardContext) -> Tensor {
        shapes = xs.map(\.shape)
        let n = xs[0].batch, outer = n * xs[0].shape[1..<(axis + 1)].reduce(1, *)
        sizes = xs.map { $0.count / outer }
        var data = [Float]()
        data.reserveCapacity(xs.reduce(0) { $0 + $1.count })
        for o in 0..<outer { for (x, s) in zip(xs, sizes) { data += x.data[o * s..<(o + 1) * s] } }
        var shape = xs[0].shape
        shape[axis + 1] = xs.map { $0.shape[axis + 1] }.reduce(0, +)
        return Tensor(shape: shape, data: data)
    }

    public mutating func backward(inputs dy: Tensor) -> [Tensor] { split(dy) }

    public mutating func forwardR(_ xs: [Tensor], _ rxs: [Tensor], context: inout ForwardContext) throws -> (Tensor, Tensor) {
        let y = forward(xs, context: &context)
        return (y, forward(rxs, context: &context))
    }

    public mutating func backwardR(inputs dy: Tensor, _ rdy: Tensor) throws -> [(Tensor, Tensor)] { Array(zip(split(dy), split(rdy))) }

    private func split(_ t: Tensor) -> [Tensor] {
        let total = sizes.reduce(0, +), outer = t.count / max(total, 1)
        var parts = sizes.map { [Float](repeating: 0, count: $0 * outer) }
        for o in 0..<outer {
            var at = o * total
            for k in sizes.indices {
                parts[k].replaceSubrange(o * sizes[k]..<(o + 1) * sizes[k], with: t.data[at..<(at + sizes[k])])
                at += sizes[k]
            }
        }
        return zip(parts, shapes).map { Tensor(shape: $1, data: $0) }
    }
}
