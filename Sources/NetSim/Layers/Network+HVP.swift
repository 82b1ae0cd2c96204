/// Exact Hessian-vector products of the loss with respect to the weights (Pearlmutter's
/// R-operator: one forward R pass and one backward R pass; cost ≈ 2 gradient evaluations).
public extension Network {
    /// Sets the direction v, in `namedParameters` order (shapes must match).
    mutating func setDirection(_ v: [Tensor]) {
        var k = 0
        for i in nodes.indices {
            for p in nodes[i].layer.parameters.indices {
                precondition(v[k].shape == nodes[i].layer.parameters[p].value.shape, "setDirection: shape mismatch")
                nodes[i].layer.parameters[p].direction = v[k]
                nodes[i].layer.parameters[p].rGrad = nil
                k += 1
            }
        }
    }

    /// Forward pass propagating R{·}: returns logits and R{logits} = J_w(logits)·v.
    /// Throws `ModelError.noROperator` for layers without an R-operator (BatchNorm in train mode).
    mutating func forwardR(_ x: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        var outs = [Tensor?](repeating: nil, count: nodes.count), rOuts = outs
        let rx = x.zerosLike()
        for i in nodes.indices {
            (outs[i], rOuts[i]) = try runR(i, x, rx, outs, rOuts, context: &context)
        }
        return (outs[last] ?? x, rOuts[last] ?? rx)
    }

    /// Backward pass propagating R{·}; accumulates gradients and stores H·v in `Parameter.rGrad`.
    mutating func backwardR(_ dLogits: Tensor, _ rdLogits: Tensor) throws {
        var grads = [Tensor?](repeating: nil, count: nodes.count), rGrads = grads
        grads[last] = dLogits
        rGrads[last] = rdLogits
        var sink: Tensor?
        for i in nodes.indices.reversed() {
            guard let dy = grads[i], let rdy = rGrads[i] else { continue }
            for (j, (dx, rdx)) in zip(nodes[i].inputs, try backwardR(node: i, dy, rdy)) {
                accumulate(dx, at: j, &grads, &sink)
                accumulate(rdx, at: j, &rGrads, &sink)
            }
        }
    }

    /// H·v of the mean softmax cross-entropy loss on (x, labels), in `namedParameters` order.
    /// Also leaves the loss gradient in `Parameter.grad` (zeroed first).
    mutating func hessianVectorProduct(_ x: Tensor, labels: [Int32], direction v: [Tensor],
                                       mode: Mode = .eval) throws -> [Tensor] {
        setDirection(v)
        zeroGradients()
        var ctx = ForwardContext(mode: mode)
        let (z, rz) = try forwardR(x, context: &ctx)
        let g = SoftmaxCrossEntropy.lossAndGradient(logits: z, labels: labels).grad
        let rg = SoftmaxCrossEntropy.rGradient(logits: z, rLogits: rz)
        try backwardR(g, rg)
        return nodes.flatMap { $0.layer.parameters.map { $0.rGrad ?? $0.value.zerosLike() } }
    }

    /// HVP of the linear output functional f(w) = Σ cᵀz(w) (network outputs z, fixed weights c):
    /// returns ∇²_w f · v and the Jacobian-vector product J_w(z)·v = R{z}.
    mutating func outputHessianVectorProduct(_ x: Tensor, outputWeights c: Tensor, direction v: [Tensor]) throws
        -> (hv: [Tensor], jv: Tensor) {
        setDirection(v)
        zeroGradients()
        var ctx = ForwardContext(mode: .eval)
        let (_, rz) = try forwardR(x, context: &ctx)
        try backwardR(c, c.zerosLike())
        return (nodes.flatMap { $0.layer.parameters.map { $0.rGrad ?? $0.value.zerosLike() } }, rz)
    }
}
