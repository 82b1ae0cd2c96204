/// Measures the neuron-wise error model of a wrapped, calibrated network (seed paper, Fig. 2):
/// for p samples, each approximated layer computes both its exact and its approximate output on
/// the same (approximate-network) input; ε = approximate − exact.
public enum ErrorModelBuilder {
    /// Statistics from the first `samples` items of `data` (default p = 512), in order; `progress` gets
    /// ("collecting error statistics", samples done, samples).
    public static func build(_ net: Network, on data: LabeledData, samples: Int = 512, batchSize: Int = 64,
                             multiplier: String, progress: ProgressSink = .silent) -> ErrorModel {
        var n = net
        let shapes = ApproxNetwork.shapes(n)
        for i in n.nodes.indices {
            guard var a = ApproxNetwork.approxLayer(n.nodes[i].layer) else { continue }
            a.compute = .approximate
            n.nodes[i].layer = ErrorStatsLayer(a, neurons: shapes[i].output.reduce(1, *))
        }
        let p = min(samples, data.count), bs = max(1, batchSize)
        var start = 0
        while start < p {
            let (x, _) = Trainer.batch(data, Array(start..<min(start + bs, p)))
            var ctx = ForwardContext(mode: .eval)
            _ = n.forward(x, context: &ctx)
            start += bs
            progress.report("collecting error statistics", min(start, p), p)
        }
        var layers: [ErrorModel.Layer] = []
        for i in n.nodes.indices {
            guard let a = n.nodes[i].layer as? ErrorStatsLayer else { continue }
            layers.append(.init(name: a.name, shape: shapes[i].output, stats: a.accumulator.finish()))
        }
        return ErrorModel(multiplier: multiplier, layers: layers)
    }

    /// Installs the error model as every wrapped layer's training model (`ErrorModelLayer`);
    /// throws when a layer is missing or its neuron count differs.
    public static func install(_ model: ErrorModel, into net: inout Network) throws(ApproxError) {
        let shapes = ApproxNetwork.shapes(net)
        var models: [Int: ErrorModelLayer] = [:]
        for i in net.nodes.indices {
            guard let a = ApproxNetwork.approxLayer(net.nodes[i].layer) else { continue }
            let neurons = shapes[i].output.reduce(1, *)
            guard let l = model.layer(named: a.name) else {
                throw .statisticsMismatch(layer: a.name, expected: neurons, found: 0)
            }
            guard l.stats.neurons == neurons else {
                throw .statisticsMismatch(layer: a.name, expected: neurons, found: l.stats.neurons)
            }
            models[i] = ErrorModelLayer(a, coefficients: ErrorInjection.Coefficients(l.stats))
        }
        for (i, m) in models { net.nodes[i].layer = m }
    }

    /// Per-layer SNR in dB of the modelled error: 10·log10(E[y²] / E[ε²]), averaged over neurons.
    public static func snrDB(_ s: NeuronErrorStats) -> Double {
        var py = 0.0, pe = 0.0
        for j in 0..<s.neurons {
            py += Double(s.muY[j] * s.muY[j] + s.sigmaY[j] * s.sigmaY[j])
            pe += Double(s.muE[j] * s.muE[j] + s.sigmaE[j] * s.sigmaE[j])
        }
        return pe > 0 && py > 0 ? 10 * Foundation.log10(py / pe) : 100
    }
}

import Foundation
