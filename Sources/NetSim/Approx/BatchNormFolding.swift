/// Batch-norm folding, as an 8-bit accelerator deploys a network: every BatchNorm that reads only
/// a Conv2D or Dense (and is that layer's only reader) is folded into it,
/// W'[c] = W[c]·s_c, b'_c = (b_c − μ_c)·s_c + β_c with s_c = γ_c / √(σ²_c + ε) (running
/// statistics), and the BatchNorm node is removed. The result is a real, smaller `Network`, so the
/// quantised path sees (and quantises) the folded weights. Float outputs in eval mode are equal up
/// to rounding.
public enum BatchNormFolding {
    /// A foldable pair: the producing layer's node and the BatchNorm node reading it.
    public struct Pair: Sendable, Equatable {
        public var layer: Int
        public var batchNorm: Int
    }

    /// The foldable pairs of `net`, in node order.
    public static func pairs(_ net: Network) -> [Pair] {
        var readers = [[Int]](repeating: [], count: net.nodes.count)
        for (j, node) in net.nodes.enumerated() { for i in node.inputs where i >= 0 { readers[i].append(j) } }
        return net.nodes.indices.compactMap { j in
            guard net.nodes[j].layer is BatchNorm, net.nodes[j].inputs.count == 1 else { return nil }
            let i = net.nodes[j].inputs[0]
            guard i >= 0, readers[i] == [j], net.nodes[i].layer is Conv2D || net.nodes[i].layer is Dense else { return nil }
            return Pair(layer: i, batchNorm: j)
        }
    }

    /// `net` with every foldable BatchNorm folded into its layer and removed.
    public static func fold(_ net: Network) -> Network {
        var out = net
        let found = pairs(net)
        for p in found {
            guard let bn = net.nodes[p.batchNorm].layer as? BatchNorm else { continue }
            out.nodes[p.layer].layer = folded(net.nodes[p.layer].layer, bn)
        }
        for p in found.reversed() { remove(p.batchNorm, into: p.layer, &out) }
        return out
    }

    /// Per channel: the scale s_c = γ_c / √(σ²_c + ε) and the shift β_c − μ_c·s_c.
    static func scaleShift(_ bn: BatchNorm) -> (scale: [Float], shift: [Float]) {
        let g = bn.parameters[0].value.data, b = bn.parameters[1].value.data
        let s = (0..<bn.channels).map { g[$0] / (bn.runningVar.data[$0] + bn.epsilon).squareRoot() }
        return (s, (0..<bn.channels).map { b[$0] - bn.runningMean.data[$0] * s[$0] })
    }

    /// The layer with BN's scale folded into its weight rows and its shift into its bias (a
    /// bias-free Conv2D gains one).
    static func folded(_ layer: any Layer, _ bn: BatchNorm) -> any Layer {
        let (scale, shift) = scaleShift(bn)
        var weight = layer.parameters[0].value
        let per = weight.count / scale.count
        for i in 0..<weight.count { weight.data[i] *= scale[i / per] }
        let oldBias = layer.parameters.count > 1 ? layer.parameters[1].value.data : [Float](repeating: 0, count: scale.count)
        let bias = Tensor(shape: [scale.count], data: (0..<scale.count).map { oldBias[$0] * scale[$0] + shift[$0] })
        var out: any Layer = (layer as? Conv2D)?.withBias() ?? layer
        out.parameters = [Parameter("weight", weight), Parameter("bias", bias)]
        return out
    }

    /// Removes node `j`; its readers read `replacement` instead; later indices shift down by one.
    static func remove(_ j: Int, into replacement: Int, _ net: inout Network) {
        net.nodes.remove(at: j)
        for k in net.nodes.indices {
            net.nodes[k].inputs = net.nodes[k].inputs.map { $0 == j ? replacement : ($0 > j ? $0 - 1 : $0) }
        }
    }

    /// The unfolded architecture of `original` carrying the weights of `folded` (= `fold(original)`
    /// after training): each folded layer's weight goes back to its layer, its bias to the BatchNorm's
    /// β (or to the layer's own bias), with γ = 1, μ = 0 and σ² = 1 − ε so that the BatchNorm is the
    /// identity in eval mode and folding the result again gives the same weights. Other layers take
    /// `folded`'s values by name. Used to save a retrained folded network as a loadable checkpoint.
    public static func unfold(_ folded: Network, into original: Network) -> Network {
        var out = original
        let byName = Dictionary(folded.nodes.map { ($0.layer.name, $0.layer) }, uniquingKeysWith: { a, _ in a })
        let found = pairs(original)
        let bnOf = Dictionary(uniqueKeysWithValues: found.map { ($0.layer, $0.batchNorm) })
        for i in out.nodes.indices where !(out.nodes[i].layer is BatchNorm && found.contains { $0.batchNorm == i }) {
            guard let source = byName[out.nodes[i].layer.name] else { continue }
            guard let j = bnOf[i] else {
                out.nodes[i].layer.parameters = source.parameters
                out.nodes[i].layer.buffers = source.buffers
                continue
            }
            guard var bn = out.nodes[j].layer as? BatchNorm else { continue }
            var params = out.nodes[i].layer.parameters
            params[0].value = source.parameters[0].value
            let bias = source.parameters[1].value
            if params.count > 1 { params[1].value = bias }
            out.nodes[i].layer.parameters = params
            bn.parameters[0].value = Tensor(shape: [bn.channels], repeating: 1)
            bn.parameters[1].value = params.count > 1 ? Tensor(shape: [bn.channels]) : bias
            bn.runningMean = Tensor(shape: [bn.channels])
            bn.runningVar = Tensor(shape: [bn.channels], repeating: identityVariance(bn.epsilon))
            out.nodes[j].layer = bn
        }
        return out
    }

    /// σ² with √(σ² + ε) == 1 exactly in Float, so an identity BatchNorm folds to scale 1.
    static func identityVariance(_ epsilon: Float) -> Float {
        var v = 1 - epsilon
        while (v + epsilon).squareRoot() != 1 { v = (v + epsilon).squareRoot() > 1 ? v.nextDown : v.nextUp }
        return v
    }
}
