/// AxTrain-act's network sensitivity S(w) = Σ_k Σ_w |w|·|∂O_k/∂w| (He et al., ISLPED 2018, eq. 5)
/// and its exact gradient (eq. 6), whose Hessian term is an R-operator Hessian-vector product.
///
/// O_k is the pre-softmax output k averaged over the batch, (1/N) Σ_n z_{n,k}; the sum over w
/// runs over the `weight` tensors of Dense/Conv2D layers (the paper's w_ij^l; biases are not
/// weighted, but S still depends on them, so they receive the Hessian part of the gradient).
/// Cost per batch: for each of the K outputs one forward+backward (∂O_k/∂w) and one R-forward+
/// R-backward (H_k·v_k with v_k = |w| ⊙ sign(∂O_k/∂w)), i.e. about 2K gradient evaluations.
/// The abs inside the sum over k makes the K directions differ, so one HVP cannot serve all K.
public enum Sensitivity {
    /// S(w) and ∂S/∂w on one batch, with the gradient in `namedParameters` order.
    public struct Result: Sendable {
        public var value: Double
        public var gradient: [Tensor]
        /// The second term of eq. 6 alone, Σ_k H_k·v_k (exposed for tests).
        public var hessianTerm: [Tensor]
    }

    /// Per network parameter (in `namedParameters` order), whether it enters the |w| sum: the
    /// weight of a `WeightedLayer` (Dense, Conv2D), not biases or BatchNorm affine terms.
    static func weightFlags(_ net: Network) -> [Bool] {
        net.nodes.flatMap { node in node.layer.parameters.indices.map { $0 == 0 && node.layer is any WeightedLayer } }
    }

    /// ∂O_k/∂w for every parameter (eval mode), O_k = mean over the batch of logit k.
    static func outputGradient(_ net: inout Network, _ x: Tensor, output k: Int) -> (grad: [Tensor], c: Tensor) {
        var ctx = ForwardContext(mode: .eval)
        let z = net.forward(x, context: &ctx)
        var c = z.zerosLike()
        let n = z.batch, classes = z.itemSize
        for row in 0..<n { c.data[row * classes + k] = 1 / Float(n) }
        net.zeroGradients()
        net.backward(c)
        return (net.gradients, c)
    }

    /// S(w) only (one forward+backward per output); used by tests and for logging.
    public static func value(_ network: Network, _ x: Tensor, outputs: Int) -> Double {
        var net = network
        let flags = weightFlags(net)
        let values = net.namedParameters.map(\.value)
        var s = 0.0
        for k in 0..<outputs {
            let g = outputGradient(&net, x, output: k).grad
            for t in values.indices where flags[t] {
                for i in 0..<values[t].count { s += Double(abs(values[t].data[i])) * Double(abs(g[t].data[i])) }
            }
        }
        return s
    }

    /// S(w) and its exact gradient (eq. 6). The network's gradients are left zeroed.
    public static func compute(_ network: Network, _ x: Tensor, outputs: Int) throws -> Result {
        var net = network
        let flags = weightFlags(net)
        let values = net.namedParameters.map(\.value)
        var grad = values.map { $0.zerosLike() }, hessian = grad
        var s = 0.0
        for k in 0..<outputs {
            let (g, c) = outputGradient(&net, x, output: k)
            var v = values.map { $0.zerosLike() }
            for t in values.indices where flags[t] {
                for i in 0..<values[t].count {
                    let w = values[t].data[i], d = g[t].data[i]
                    s += Double(abs(w)) * Double(abs(d))
                    grad[t].data[i] += sign(w) * abs(d)
                    v[t].data[i] = abs(w) * sign(d)
                }
            }
            let hv = try net.outputHessianVectorProduct(x, outputWeights: c, direction: v).hv
            for t in grad.indices {
                grad[t].add(hv[t])
                hessian[t].add(hv[t])
            }
        }
        net.zeroGradients()
        return Result(value: s, gradient: grad, hessianTerm: hessian)
    }

    /// sign(x) with sign(0) = 0 (the subgradient the paper's eq. 6 uses at |·|'s kink).
    static func sign(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}
