import Foundation

/// Softmax cross-entropy loss averaged over the batch: L = -(1/N) Σ_i log softmax(z_i)[y_i].
public enum SoftmaxCrossEntropy {
    /// Row-wise softmax of [N, K] logits (max-subtracted for stability).
    public static func softmax(_ z: Tensor) -> Tensor { softmaxAndLogSumExp(z).p }

    /// The softmax of each row and its log Σ e^z = m + log Σ e^(z − m) (m the row's maximum), from
    /// one pass: LogSoftmax needs both.
    static func softmaxAndLogSumExp(_ z: Tensor) -> (p: Tensor, logSumExp: [Float]) {
        let k = z.itemSize
        var p = z
        var lse = [Float](repeating: 0, count: z.batch)
        for i in 0..<z.batch {
            var m = -Float.infinity
            for j in 0..<k { m = max(m, z.data[i * k + j]) }
            var s: Float = 0
            for j in 0..<k { let e = Foundation.exp(z.data[i * k + j] - m); p.data[i * k + j] = e; s += e }
            for j in 0..<k { p.data[i * k + j] /= s }
            lse[i] = m + Foundation.log(s)
        }
        return (p, lse)
    }

    /// Loss, gradient ∂L/∂z and number of correct arg-max predictions.
    public static func lossAndGradient(logits z: Tensor, labels: [Int32]) -> (loss: Double, grad: Tensor, correct: Int) {
        precondition(labels.count == z.batch, "labels \(labels.count) vs batch \(z.batch)")
        let k = z.itemSize, n = z.batch
        var g = softmax(z)
        var loss = 0.0, correct = 0
        for i in 0..<n {
            let y = Int(labels[i])
            loss -= Foundation.log(max(Double(g.data[i * k + y]), 1e-30))
            if argmax(z, row: i) == y { correct += 1 }
            g.data[i * k + y] -= 1
        }
        for j in 0..<g.count { g.data[j] /= Float(n) }
        return (loss / Double(n), g, correct)
    }

    /// R{∂L/∂z} = (p ⊙ R{z} − p (pᵀR{z})) / N, the Hessian of the loss in z applied to R{z}.
    public static func rGradient(logits z: Tensor, rLogits rz: Tensor) -> Tensor {
        let p = softmax(z), k = z.itemSize, n = z.batch
        var out = Tensor(shape: z.shape)
        for i in 0..<n {
            var dot: Float = 0
            for j in 0..<k { dot += p.data[i * k + j] * rz.data[i * k + j] }
            for j in 0..<k { out.data[i * k + j] = p.data[i * k + j] * (rz.data[i * k + j] - dot) / Float(n) }
        }
        return out
    }

    /// Index of the largest logit in row `row`.
    public static func argmax(_ z: Tensor, row: Int) -> Int {
        let k = z.itemSize
        var best = 0
        for j in 1..<max(k, 1) where z.data[row * k + j] > z.data[row * k + best] { best = j }
        return best
    }
}
