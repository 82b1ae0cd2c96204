/// ALWANN-style weight tuning (Mrazek et al., ICCAD'19) without gradients: each weight code w of an
/// approximate layer becomes the code w' whose approximate products P(a, w') best match the exact
/// products a·w, weighted by the layer's activation-code histogram h(a):
/// w' = argmin Σ_a h(a) · (P(a, w') − a·w)².
/// Codes of magnitude 127 (the max-abs weights that set the step) stay, so the weight step does not change.
public enum WeightTuning {
    /// Activation-code histograms (index code + 128) of every approximate layer, from exact 8-bit forwards on `data`.
    public static func histograms(_ net: Network, on data: LabeledData, batchSize: Int = 256) -> [String: [Double]] {
        var n = net
        ApproxNetwork.set(&n, compute: .exact)
        var out: [String: [Double]] = [:]
        for start in stride(from: 0, to: data.count, by: batchSize) {
            let (x, _) = Trainer.batch(data, Array(start..<min(start + batchSize, data.count)))
            var ctx = ForwardContext(mode: .eval)
            _ = n.forward(x, context: &ctx)
            ApproxNetwork.forEachLayer(&n) { layer in
                guard let q = layer.lastInput else { return }
                var h = out[layer.name] ?? [Double](repeating: 0, count: 256)
                for c in q.codes { h[Int(c) + 128] += 1 }
                out[layer.name] = h
            }
        }
        return out
    }

    /// The tuned code of every weight code: `map[w + 128] = w'`, with w' in −127...127.
    public static func codeMap(_ table: SignedProductTable, histogram h: [Double]) -> [Int8] {
        let active = (0..<256).filter { h[$0] > 0 }
        return (0..<256).map { wi in
            let w = wi - 128
            guard abs(w) < 127 else { return Int8(clamping: w) }
            var best = w, bestError = Double.infinity
            for candidate in -127...127 {
                var e = 0.0
                for ai in active {
                    let a = ai - 128
                    let d = Double(table.product(Int8(a), Int8(candidate))) - Double(a * w)
                    e += h[ai] * d * d
                }
                if e < bestError || (e == bestError && abs(candidate - w) < abs(best - w)) { (best, bestError) = (candidate, e) }
            }
            return Int8(best)
        }
    }

    /// `layer`'s weights with every code mapped through `map` (the step kept).
    public static func tune(_ layer: inout ApproxLayer, map: [Int8]) {
        var p = layer.parameters
        let w = p[0].value.data, scale = layer.weightScale(w), codes = scale.codes(w)
        let per = max(1, w.count / max(1, layer.outputChannels))
        var out = w
        for i in w.indices where abs(Int(codes[i])) < 127 {
            out[i] = Float(map[Int(codes[i]) + 128]) * scale.delta(channel: scale.isPerChannel ? i / per : 0)
        }
        p[0].value.data = out
        layer.parameters = p
    }

    /// Every approximate layer of `net` tuned for its multiplier on the activation histograms of `data`.
    public static func tune(_ net: Network, on data: LabeledData) -> Network {
        let hist = histograms(net, on: data)
        var out = net
        ApproxNetwork.forEachLayer(&out) { layer in
            guard let h = hist[layer.name] else { return }
            tune(&layer, map: codeMap(layer.plan.table, histogram: h))
        }
        return out
    }
}
