/// Fully connected layer: y = x·Wᵀ + b with W of shape [out, in]; the input's per-sample
/// elements are its features (so a Dense may follow a conv output directly).
public struct Dense: WeightedLayer {
    public var name: String
    public var kind: String { "Dense" }
    public let inFeatures: Int
    public let outFeatures: Int
    /// [weight [out, in], bias [out]].
    public var parameters: [Parameter]
    /// The forward's input, kept for backward (set by whoever computes the forward product).
    var input = Tensor(shape: [0])
    private var rInput = Tensor(shape: [0])

    /// He-uniform initialised weights (bound sqrt(6/in)), zero bias.
    public init(_ name: String, inFeatures: Int, outFeatures: Int, rng: inout SplitMix64) {
        self.name = name
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        let bound = (6.0 / Float(inFeatures)).squareRoot()
        var w = Tensor(shape: [outFeatures, inFeatures])
        for i in 0..<w.count { w.data[i] = (rng.nextUniform() * 2 - 1) * bound }
        parameters = [Parameter("weight", w), Parameter("bias", Tensor(shape: [outFeatures]))]
    }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.reduce(1, *) == inFeatures else {
            throw ModelError.shapeMismatch(layer: name, expected: "\(inFeatures) features", found: input)
        }
        return [outFeatures]
    }

    public func macs(for input: [Int]) -> Int { inFeatures * outFeatures }
    public var outputChannels: Int { outFeatures }

    private func affine(_ x: Tensor, weight: [Float], bias: Tensor?) -> Tensor {
        let n = x.batch
        var y = Tensor(shape: [n, outFeatures])
        MatMul.gemm(transB: true, m: n, n: outFeatures, k: inFeatures, a: x.data, b: weight, c: &y.data)
        if let bias { Self.addBias(bias.data, to: &y) }
        return y
    }

    /// y[i, j] += bias[j].
    static func addBias(_ bias: [Float], to y: inout Tensor) {
        let cols = bias.count, rows = y.count / max(cols, 1)
        for i in 0..<rows { for j in 0..<cols { y.data[i * cols + j] += bias[j] } }
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        forward(x, weight: parameters[0].value.data, context: &context)
    }

    public mutating func forward(_ x: Tensor, weight: [Float], context: inout ForwardContext) -> Tensor {
        precondition(x.itemSize == inFeatures, "\(name): input \(x.shape), expected \(inFeatures) features")
        input = x
        return affine(x, weight: weight, bias: parameters[1].value)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        backward(dy, weight: parameters[0].value.data)
    }

    public mutating func backward(_ dy: Tensor, weight: [Float]) -> Tensor {
        let n = dy.batch
        MatMul.gemm(transA: true, m: outFeatures, n: inFeatures, k: n, a: dy.data, b: input.data,
                    c: &parameters[0].grad.data, beta: 1)
        Self.addColumnSums(dy, into: &parameters[1].grad)
        var dx = Tensor(shape: input.shape)
        MatMul.gemm(m: n, n: inFeatures, k: outFeatures, a: dy.data, b: weight, c: &dx.data)
        return dx
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        input = x
        rInput = rx
        let w = parameters[0], b = parameters[1]
        let y = affine(x, weight: w.value.data, bias: b.value)
        var ry = affine(rx, weight: w.value.data, bias: nil)
        ry.add(affine(x, weight: w.directionOrZero.data, bias: b.directionOrZero))
        return (y, ry)
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        let n = dy.batch
        let dx = backward(dy)
        var rdw = parameters[0].value.zerosLike()
        MatMul.gemm(transA: true, m: outFeatures, n: inFeatures, k: n, a: rdy.data, b: input.data, c: &rdw.data)
        MatMul.gemm(transA: true, m: outFeatures, n: inFeatures, k: n, a: dy.data, b: rInput.data, c: &rdw.data, beta: 1)
        var rdb = parameters[1].value.zerosLike()
        Self.addColumnSums(rdy, into: &rdb)
        parameters[0].rGrad = rdw
        parameters[1].rGrad = rdb
        var rdx = Tensor(shape: input.shape)
        MatMul.gemm(m: n, n: inFeatures, k: outFeatures, a: rdy.data, b: parameters[0].value.data, c: &rdx.data)
        MatMul.gemm(m: n, n: inFeatures, k: outFeatures, a: dy.data, b: parameters[0].directionOrZero.data,
                    c: &rdx.data, beta: 1)
        return (dx, rdx)
    }

    /// acc[j] += Σ_i m[i, j] for a [rows, acc.count] matrix.
    static func addColumnSums(_ m: Tensor, into acc: inout Tensor) {
        let cols = acc.count, rows = m.count / max(cols, 1)
        for i in 0..<rows { for j in 0..<cols { acc.data[j] += m.data[i * cols + j] } }
    }
}
