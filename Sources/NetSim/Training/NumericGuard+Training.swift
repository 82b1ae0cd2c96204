/// The training-time checks: which layer's gradients, weights or activations first hold a NaN or ±Inf.
extension NumericGuard {
    /// Where a check failed: node index and the offending value.
    struct Hit: Error, Equatable {
        var layer: Int
        var value: Float
    }

    /// The first node, in backward order, whose parameter gradients hold a NaN or ±Inf.
    static func gradientHit(_ network: Network) -> Hit? {
        for i in network.nodes.indices.reversed() {
            for p in network.nodes[i].layer.parameters {
                if let j = firstNonFinite(p.grad.data) { return Hit(layer: i, value: p.grad.data[j]) }
            }
        }
        return nil
    }

    /// The first node whose parameter values hold a NaN or ±Inf.
    static func parameterHit(_ network: Network) -> Hit? {
        for i in network.nodes.indices {
            for p in network.nodes[i].layer.parameters {
                if let j = firstNonFinite(p.value.data) { return Hit(layer: i, value: p.value.data[j]) }
            }
        }
        return nil
    }
}

extension Network {
    /// `forward` that stops at the first node whose output holds a NaN or ±Inf and reports it.
    /// Same arithmetic as `forward` (same layers, same order), plus one read pass per output.
    mutating func forwardGuarded(_ x: Tensor, context: inout ForwardContext) -> Result<Tensor, NumericGuard.Hit> {
        var outs = [Tensor?](repeating: nil, count: nodes.count)
        for i in nodes.indices {
            let y = run(i, x, outs, context: &context)
            if let j = NumericGuard.firstNonFinite(y.data) { return .failure(.init(layer: i, value: y.data[j])) }
            outs[i] = y
        }
        return .success(outs[last] ?? x)
    }

    /// A fault record for node `hit.layer` at the given step.
    func fault(_ site: NumericFault.Site, _ hit: NumericGuard.Hit, epoch: Int, batch: Int?, batches: Int) -> NumericFault {
        let layer = nodes.indices.contains(hit.layer) ? nodes[hit.layer].layer : nil
        return NumericFault(site: site, layer: hit.layer, kind: layer?.kind.lowercased() ?? "input", name: layer?.name ?? "input",
                            value: hit.value, epoch: epoch, batch: batch, batches: batches)
    }
}
