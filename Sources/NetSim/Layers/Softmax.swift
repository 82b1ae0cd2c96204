/// Row-wise softmax over the features of [N, K] input (ONNX Softmax on the last axis).
/// Backward: dx = y ⊙ (dy − Σ_k dy_k·y_k).
public struct Softmax: Layer {
    public var name: String
    public var kind: String { "Softmax" }
    private var output = Tensor(shape: [0])

    public init(_ name: String) { self.name = name }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.count == 1 else { throw ModelError.shapeMismatch(layer: name, expected: "[K] (flat features)", found: input) }
        return input
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        output = SoftmaxCrossEntropy.softmax(x.reshaped([x.batch, x.itemSize])).reshaped(x.shape)
        return output
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { jacobianTimes(dy) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        let y = forward(x, context: &context)
        return (y, jacobianTimes(rx))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "Softmax has no second-order pass; drop the trailing Softmax (logits)")
    }

    /// J·t with J = diag(y) − y·yᵀ per row (J is symmetric, so this is also Jᵀ·t).
    private func jacobianTimes(_ t: Tensor) -> Tensor {
        let k = output.itemSize, n = output.batch
        var out = t
        for i in 0..<n {
            var s: Float = 0
            for j in 0..<k { s += t.data[i * k + j] * output.data[i * k + j] }
            for j in 0..<k { out.data[i * k + j] = output.data[i * k + j] * (t.data[i * k + j] - s) }
        }
        return out
    }
}
