import Foundation
import Records

/// Computing the last Dense layer's `SensitivityMap` (the record is in Records) with the terms of
/// `Sensitivity.value`.
extension SensitivityMap {
    /// The map on the first 256 test samples (AxTrainRun's sensitivity probe), or nil without a Dense layer.
    public static func lastDense(_ network: Network, probe test: LabeledData) -> SensitivityMap? {
        lastDense(network, Trainer.batch(test, Array(0..<min(test.count, 256))).0, outputs: test.classCount)
    }

    /// The map of `network`'s last Dense layer on batch `x` (eval mode), or nil if it has none.
    public static func lastDense(_ network: Network, _ x: Tensor, outputs: Int) -> SensitivityMap? {
        var net = network
        var offset = 0, found: (index: Int, dense: Dense)? = nil
        for node in net.nodes {
            if let d = node.layer as? Dense { found = (offset, d) }   // its weight is parameter 0
            offset += node.layer.parameters.count
        }
        guard let (t, dense) = found else { return nil }
        let w = net.namedParameters[t].value
        var values = [Double](repeating: 0, count: w.count)
        for k in 0..<outputs {
            let g = Sensitivity.outputGradient(&net, x, output: k).grad[t]
            for i in 0..<w.count { values[i] += Double(abs(w.data[i])) * Double(abs(g.data[i])) }
        }
        return SensitivityMap(layer: dense.name, rows: dense.outFeatures, cols: dense.inFeatures, values: values)
    }
}
