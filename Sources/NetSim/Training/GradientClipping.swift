/// Global L2 gradient-norm clipping (as `torch.nn.utils.clip_grad_norm_`): one norm over every
/// parameter gradient of the network, so the update direction is kept and only its length capped.
public enum GradientClipping {
    /// ‖∇‖₂ over all parameter gradients, accumulated in Double (no overflow for finite floats).
    public static func globalNorm(_ network: Network) -> Double {
        var sum = 0.0
        for node in network.nodes {
            for p in node.layer.parameters {
                p.grad.data.withUnsafeBufferPointer { g in
                    for v in g { sum += Double(v) * Double(v) }
                }
            }
        }
        return sum.squareRoot()
    }

    /// Scales every gradient by `maxNorm / ‖∇‖₂` when the norm exceeds `maxNorm`; gradients whose
    /// norm is at most `maxNorm` are left untouched. Returns the norm before clipping.
    @discardableResult
    public static func clip(_ network: inout Network, maxNorm: Float) -> Double {
        let norm = globalNorm(network)
        guard norm > Double(maxNorm), norm.isFinite else { return norm }
        let scale = Float(Double(maxNorm) / norm)
        for i in network.nodes.indices {
            var params = network.nodes[i].layer.parameters
            guard !params.isEmpty else { continue }
            for p in params.indices {
                params[p].grad.data.withUnsafeMutableBufferPointer { g in
                    for j in g.indices { g[j] *= scale }
                }
            }
            network.nodes[i].layer.parameters = params
        }
        return norm
    }
}
