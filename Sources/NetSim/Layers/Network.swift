/// A network: layers in topological order, each reading the network input (-1) or earlier
/// nodes' outputs. A node with several inputs gets their element-wise sum (residual Add), unless its
/// layer is a `MergingLayer` (concatenation, broadcasting product), which reads them separately.
///
/// Callers can inspect and replace layers (`nodes[i].layer`), e.g. to wrap a Dense in an 8-bit
/// approximate layer or a training-time model of a multiplier.
public struct Network: Sendable {
    /// One layer and the nodes it reads.
    public struct Node: Sendable {
        public var layer: any Layer
        /// Indices of earlier nodes; -1 is the network input.
        public var inputs: [Int]
    }

    /// Zoo name or description, e.g. "lenet5".
    public var name: String
    /// Per-sample input shape: [features] or [C, H, W].
    public var inputShape: [Int]
    public var nodes: [Node] = []

    public init(name: String, inputShape: [Int]) {
        self.name = name
        self.inputShape = inputShape
    }

    /// Appends a layer reading `inputs` (default: the previous node); returns its index.
    @discardableResult
    public mutating func add(_ layer: any Layer, inputs: [Int]? = nil) -> Int {
        nodes.append(Node(layer: layer, inputs: inputs ?? [nodes.count - 1]))
        return nodes.count - 1
    }

    /// Index of the last node (the logits).
    public var last: Int { nodes.count - 1 }

    /// Runs the network; returns the last node's output (logits).
    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        var outs = [Tensor?](repeating: nil, count: nodes.count)
        let lastReader = lastReaders()
        for i in nodes.indices {
            outs[i] = run(i, x, outs, context: &context)
            // An output no later node reads is dropped now, so its buffer is reused by the next layers.
            for j in nodes[i].inputs where j >= 0 && lastReader[j] == i { outs[j] = nil }
        }
        return outs[last] ?? x
    }

    /// For each node, the index of the last node that reads its output (−1: none).
    func lastReaders() -> [Int] {
        var reader = [Int](repeating: -1, count: nodes.count)
        for i in nodes.indices { for j in nodes[i].inputs where j >= 0 { reader[j] = max(reader[j], i) } }
        return reader
    }

    /// Back-propagates ∂L/∂logits, accumulating parameter gradients; returns ∂L/∂input
    /// (an empty tensor unless `needInputGradient`, which saves the first layer's col2im).
    @discardableResult
    public mutating func backward(_ dLogits: Tensor, needInputGradient: Bool = false) -> Tensor {
        var grads = [Tensor?](repeating: nil, count: nodes.count)
        grads[last] = dLogits
        var dInput: Tensor?
        for i in nodes.indices.reversed() {
            guard let dy = grads[i] else { continue }
            if !needInputGradient && nodes[i].inputs.allSatisfy({ $0 < 0 }) {
                nodes[i].layer.backwardParameters(dy)
                continue
            }
            for (j, dx) in zip(nodes[i].inputs, backward(node: i, dy)) { accumulate(dx, at: j, &grads, &dInput) }
        }
        return dInput ?? Tensor(shape: [0])
    }

    func gather(_ inputs: [Int], _ x: Tensor, _ outs: [Tensor?]) -> Tensor {
        var sum = pick(inputs[0], x, outs)
        for j in inputs.dropFirst() { sum.add(pick(j, x, outs)) }
        return sum
    }

    func pick(_ j: Int, _ x: Tensor, _ outs: [Tensor?]) -> Tensor {
        j < 0 ? x : (outs[j] ?? x)
    }

    func accumulate(_ g: Tensor, at j: Int, _ grads: inout [Tensor?], _ dInput: inout Tensor?) {
        if j < 0 {
            if dInput == nil { dInput = g } else { dInput?.add(g) }
        } else if grads[j] == nil {
            grads[j] = g
        } else {
            grads[j]?.add(g)
        }
    }

    /// Sets every parameter gradient to zero.
    public mutating func zeroGradients() {
        for i in nodes.indices {
            for p in nodes[i].layer.parameters.indices {
                nodes[i].layer.parameters[p].grad = nodes[i].layer.parameters[p].value.zerosLike()
            }
        }
    }

    /// Every trainable tensor as ("<layer>.<param>", value), in node order.
    public var namedParameters: [(name: String, value: Tensor)] {
        nodes.flatMap { n in n.layer.parameters.map { ("\(n.layer.name).\($0.name)", $0.value) } }
    }

    /// Every gradient, in the order of `namedParameters`.
    public var gradients: [Tensor] { nodes.flatMap { $0.layer.parameters.map(\.grad) } }

    /// Every non-trainable buffer as ("<layer>.<buffer>", value).
    public var namedBuffers: [(name: String, value: Tensor)] {
        nodes.flatMap { n in n.layer.buffers.map { ("\(n.layer.name).\($0.name)", $0.value) } }
    }

    /// Number of trainable scalars.
    public var parameterCount: Int { nodes.reduce(0) { $0 + $1.layer.parameters.reduce(0) { $0 + $1.value.count } } }

    /// Replaces parameter values (same order and shapes as `namedParameters`).
    public mutating func setParameters(_ values: [Tensor]) {
        var k = 0
        for i in nodes.indices {
            for p in nodes[i].layer.parameters.indices {
                precondition(values[k].shape == nodes[i].layer.parameters[p].value.shape, "setParameters: shape mismatch")
                nodes[i].layer.parameters[p].value = values[k]
                k += 1
            }
        }
    }

    /// Replaces buffers by name; returns names that were not found.
    public mutating func setBuffers(_ values: [String: Tensor]) {
        for i in nodes.indices {
            let prefix = nodes[i].layer.name + "."
            nodes[i].layer.buffers = nodes[i].layer.buffers.map { b in (b.name, values[prefix + b.name] ?? b.value) }
        }
    }
}
