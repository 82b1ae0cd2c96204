import Foundation

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

/// Row-wise log-softmax over the features of [N, K] input (ONNX LogSoftmax on the last axis):
/// y = x − log Σ e^x. Backward: dx = dy − p · Σ_k dy_k with p = softmax(x).
public struct LogSoftmax: Layer {
    public var name: String
    public var kind: String { "LogSoftmax" }
    private var probabilities = Tensor(shape: [0])

    public init(_ name: String) { self.name = name }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.count == 1 else { throw ModelError.shapeMismatch(layer: name, expected: "[K] (flat features)", found: input) }
        return input
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        let (p, logSumExp) = SoftmaxCrossEntropy.softmaxAndLogSumExp(x.reshaped([x.batch, x.itemSize]))
        probabilities = p
        let k = x.itemSize
        var y = x
        for i in 0..<x.batch {
            for j in 0..<k { y.data[i * k + j] = x.data[i * k + j] - logSumExp[i] }
        }
        return y
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { jacobianTransposeTimes(dy) }

    /// R{y} = R{x} − Σ_k p_k·R{x}_k per row.
    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        let y = forward(x, context: &context)
        let k = probabilities.itemSize
        var ry = rx
        for i in 0..<probabilities.batch {
            var s: Float = 0
            for j in 0..<k { s += probabilities.data[i * k + j] * rx.data[i * k + j] }
            for j in 0..<k { ry.data[i * k + j] -= s }
        }
        return (y, ry)
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "LogSoftmax has no second-order pass; drop the trailing LogSoftmax (logits)")
    }

    /// Jᵀ·t with J = I − 1·pᵀ per row: t − p·Σ t.
    private func jacobianTransposeTimes(_ t: Tensor) -> Tensor {
        let k = probabilities.itemSize
        var out = t
        for i in 0..<probabilities.batch {
            var s: Float = 0
            for j in 0..<k { s += t.data[i * k + j] }
            for j in 0..<k { out.data[i * k + j] -= probabilities.data[i * k + j] * s }
        }
        return out
    }
}
