/// Layers that move values without arithmetic (imported models' Reshape, Transpose, Slice/Split of
/// a per-sample axis). Backward moves the gradients back.

/// Reshapes each sample to `shape` (same element count).
public struct Reshape: Layer {
    public var name: String
    public var kind: String { "Reshape" }
    public let shape: [Int]
    private var inputShape: [Int] = []

    public init(_ name: String, shape: [Int]) { (self.name, self.shape) = (name, shape) }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.reduce(1, *) == shape.reduce(1, *) else {
            throw ModelError.shapeMismatch(layer: name, expected: "\(shape.reduce(1, *)) values per sample", found: input)
        }
        return shape
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = x.shape
        return x.reshaped([x.batch] + shape)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { dy.reshaped(inputShape) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        (forward(x, context: &context), rx.reshaped([rx.batch] + shape))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (dy.reshaped(inputShape), rdy.reshaped(inputShape)) }
}

/// Permutes the per-sample axes: output axis k is input axis `permutation[k]`.
public struct Transpose: Layer {
    public var name: String
    public var kind: String { "Transpose" }
    public let permutation: [Int]
    private var inputShape: [Int] = []

    public init(_ name: String, permutation: [Int]) { (self.name, self.permutation) = (name, permutation) }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard permutation.sorted() == Array(0..<input.count) else {
            throw ModelError.shapeMismatch(layer: name, expected: "rank \(permutation.count)", found: input)
        }
        return permutation.map { input[$0] }
    }

    /// For each output element of one sample, the input element it copies.
    public static func sources(_ input: [Int], _ perm: [Int]) -> [Int] {
        let out = perm.map { input[$0] }, r = input.count
        var inStrides = [Int](repeating: 1, count: r), outStrides = inStrides
        for k in stride(from: r - 2, through: 0, by: -1) {
            inStrides[k] = inStrides[k + 1] * input[k + 1]
            outStrides[k] = outStrides[k + 1] * out[k + 1]
        }
        return (0..<input.reduce(1, *)).map { f in (0..<r).reduce(0) { $0 + (f / outStrides[$1]) % out[$1] * inStrides[perm[$1]] } }
    }

    private func move(_ t: Tensor, _ inShape: [Int], _ perm: [Int]) -> Tensor {
        let src = Self.sources(inShape, perm), item = src.count
        var y = Tensor(shape: [t.batch] + perm.map { inShape[$0] })
        for n in 0..<t.batch { for f in 0..<item { y.data[n * item + f] = t.data[n * item + src[f]] } }
        return y
    }

    private var inverse: [Int] {
        var inv = permutation
        for (k, p) in permutation.enumerated() { inv[p] = k }
        return inv
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = Array(x.shape.dropFirst())
        return move(x, inputShape, permutation)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { move(dy, permutation.map { inputShape[$0] }, inverse) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        (forward(x, context: &context), move(rx, inputShape, permutation))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (backward(dy), backward(rdy)) }
}

/// Elements `range` of per-sample axis `axis` (ONNX Slice with step 1, and each output of Split).
public struct Slice: Layer {
    public var name: String
    public var kind: String { "Slice" }
    public let axis: Int
    public let range: Range<Int>
    private var inputShape: [Int] = []

    public init(_ name: String, axis: Int, range: Range<Int>) { (self.name, self.axis, self.range) = (name, axis, range) }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard axis < input.count, range.lowerBound >= 0, range.upperBound <= input[axis], !range.isEmpty else {
            throw ModelError.shapeMismatch(layer: name, expected: "axis \(axis) with elements \(range)", found: input)
        }
        var out = input
        out[axis] = range.count
        return out
    }

    /// (blocks, input block, output block, offset): each block of the input holds axis·inner values.
    private func geometry(_ shape: [Int]) -> (Int, Int, Int, Int) {
        let inner = shape[(axis + 2)...].reduce(1, *)
        let blocks = shape[..<(axis + 1)].reduce(1, *)
        return (blocks, shape[axis + 1] * inner, range.count * inner, range.lowerBound * inner)
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = x.shape
        let (blocks, inBlock, outBlock, offset) = geometry(x.shape)
        var shape = x.shape
        shape[axis + 1] = range.count
        var data = [Float]()
        data.reserveCapacity(blocks * outBlock)
        for b in 0..<blocks { data += x.data[(b * inBlock + offset)..<(b * inBlock + offset + outBlock)] }
        return Tensor(shape: shape, data: data)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        let (blocks, inBlock, outBlock, offset) = geometry(inputShape)
        var dx = Tensor(shape: inputShape)
        for b in 0..<blocks { dx.data.replaceSubrange((b * inBlock + offset)..<(b * inBlock + offset + outBlock), with: dy.data[(b * outBlock)..<((b + 1) * outBlock)]) }
        return dx
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        let y = forward(x, context: &context)
        return (y, forward(rx, context: &context))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (backward(dy), backward(rdy)) }
}
