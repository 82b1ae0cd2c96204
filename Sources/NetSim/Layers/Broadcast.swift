/// y = a + b or a · b of two computed values, one of which may broadcast against the other per sample
/// (ONNX rules, aligned at the last axis: [C, 1, 1] against [C, H, W] is a squeeze-excitation scale).
/// Computed in Float.
public struct Broadcast: MergingLayer {
    public enum Operation: String, Sendable { case add = "Add", mul = "Mul" }
    public var name: String
    public let operation: Operation
    public var kind: String { "Broadcast" + operation.rawValue }
    private var operands: [Tensor] = [], rOperands: [Tensor] = []

    public init(_ name: String, _ operation: Operation) { (self.name, self.operation) = (name, operation) }

    public func outputShape(forInputs inputs: [[Int]]) throws -> [Int] {
        guard inputs.count == 2, let out = Self.shape(inputs[0], inputs[1]) else {
            throw ModelError.shapeMismatch(layer: name, expected: "two inputs that broadcast", found: inputs.flatMap { $0 })
        }
        return out
    }

    /// The broadcast per-sample shape, or nil.
    static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        let pa = [Int](repeating: 1, count: rank - a.count) + a, pb = [Int](repeating: 1, count: rank - b.count) + b
        var out: [Int] = []
        for (x, y) in zip(pa, pb) {
            guard x == y || x == 1 || y == 1 else { return nil }
            out.append(max(x, y))
        }
        return out
    }

    /// For every element of the [N] + `shape` output, the index into `t` (broadcast).
    static func indices(of t: Tensor, into shape: [Int], batch: Int) -> [Int] {
        let per = Array(t.shape.dropFirst()), rank = shape.count
        let padded = [Int](repeating: 1, count: rank - per.count) + per
        var inStrides = [Int](repeating: 0, count: rank), outStrides = inStrides, s = 1, o = 1
        for k in stride(from: rank - 1, through: 0, by: -1) {
            inStrides[k] = padded[k] == 1 ? 0 : s
            s *= padded[k]
            outStrides[k] = o
            o *= shape[k]
        }
        let item = padded.reduce(1, *), outItem = shape.reduce(1, *)
        var map = [Int](repeating: 0, count: batch * outItem)
        for n in 0..<batch {
            for f in 0..<outItem {
                var src = 0
                for k in 0..<rank { src += (f / outStrides[k]) % shape[k] * inStrides[k] }
                map[n * outItem + f] = n * item + src
            }
        }
        return map
    }

    public mutating func forward(_ xs: [Tensor], context: inout ForwardContext) -> Tensor {
        operands = xs
        return combine(xs[0], xs[1])
    }

    private func combine(_ a: Tensor, _ b: Tensor) -> Tensor {
        let shape = Self.shape(Array(a.shape.dropFirst()), Array(b.shape.dropFirst())) ?? []
        let n = max(a.batch, b.batch)
        if a.shape == b.shape {
            var y = a
            for i in 0..<y.count { y.data[i] = operation == .add ? a.data[i] + b.data[i] : a.data[i] * b.data[i] }
            return y
        }
        let ia = Self.indices(of: a, into: shape, batch: n), ib = Self.indices(of: b, into: shape, batch: n)
        var y = Tensor(shape: [n] + shape)
        for i in 0..<y.count { y.data[i] = operation == .add ? a.data[ia[i]] + b.data[ib[i]] : a.data[ia[i]] * b.data[ib[i]] }
        return y
    }

    /// Σ of `g` (output-shaped) into the shape of operand `t` (the transpose of broadcasting).
    private func reduce(_ g: Tensor, to t: Tensor) -> Tensor {
        if g.shape == t.shape { return g }
        let map = Self.indices(of: t, into: Array(g.shape.dropFirst()), batch: g.batch)
        var out = t.zerosLike()
        for i in 0..<g.count { out.data[map[i]] += g.data[i] }
        return out
    }

    /// ∂L/∂a, ∂L/∂b for upstream `dy`, with operands (a, b).
    private func gradients(_ dy: Tensor, _ a: Tensor, _ b: Tensor) -> [Tensor] {
        switch operation {
        case .add: [reduce(dy, to: a), reduce(dy, to: b)]
        case .mul: [reduce(Self.times(dy, b), to: a), reduce(Self.times(dy, a), to: b)]
        }
    }

    /// g ⊙ t with t broadcast to g's shape.
    static func times(_ g: Tensor, _ t: Tensor) -> Tensor {
        if g.shape == t.shape {
            var y = g
            for i in 0..<y.count { y.data[i] *= t.data[i] }
            return y
        }
        let map = indices(of: t, into: Array(g.shape.dropFirst()), batch: g.batch)
        var y = g
        for i in 0..<y.count { y.data[i] *= t.data[map[i]] }
        return y
    }

    public mutating func backward(inputs dy: Tensor) -> [Tensor] { gradients(dy, operands[0], operands[1]) }

    public mutating func forwardR(_ xs: [Tensor], _ rxs: [Tensor], context: inout ForwardContext) throws -> (Tensor, Tensor) {
        let y = forward(xs, context: &context)
        rOperands = rxs
        switch operation {
        case .add: return (y, combineAdd(rxs[0], rxs[1]))
        case .mul:   // R{a·b} = R{a}·b + a·R{b}
            return (y, combineAdd(combine(rxs[0], xs[1]), combine(xs[0], rxs[1])))
        }
    }

    private func combineAdd(_ a: Tensor, _ b: Tensor) -> Tensor { Broadcast(name, .add).combine(a, b) }

    public mutating func backwardR(inputs dy: Tensor, _ rdy: Tensor) throws -> [(Tensor, Tensor)] {
        let g = gradients(dy, operands[0], operands[1]), rg = gradients(rdy, operands[0], operands[1])
        guard operation == .mul, rOperands.count == 2 else { return Array(zip(g, rg)) }
        // R{dy·b} = R{dy}·b + dy·R{b}
        let extra = [reduce(Self.times(dy, rOperands[1]), to: operands[0]), reduce(Self.times(dy, rOperands[0]), to: operands[1])]
        return (0..<2).map { k in
            var r = rg[k]
            r.add(extra[k])
            return (g[k], r)
        }
    }
}
