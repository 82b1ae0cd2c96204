import Foundation
import Records
import Testing
@testable import NetSim

@Suite struct SensitivityMapTests {
    /// fc1 = identity, so fc2 sees x: ∂O_k/∂W2_kj = mean_n x_nj and zero for other rows, hence
    /// map[k][j] = |W2_kj|·|mean_n x_nj| by hand (column means −1, 2).
    @Test func lastDenseLayerMapByHand() throws {
        var rng = SplitMix64(seed: 1)
        var fc1 = Dense("fc1", inFeatures: 2, outFeatures: 2, rng: &rng)
        fc1.parameters[0].value = Tensor(shape: [2, 2], data: [1, 0, 0, 1])
        var fc2 = Dense("fc2", inFeatures: 2, outFeatures: 2, rng: &rng)
        fc2.parameters[0].value = Tensor(shape: [2, 2], data: [0.5, -1, 2, 0.25])
        var net = Network(name: "lin", inputShape: [2])
        _ = net.add(fc1)
        _ = net.add(fc2)
        let x = Tensor(shape: [2, 2], data: [1, 3, -3, 1])
        let map = try #require(SensitivityMap.lastDense(net, x, outputs: 2))
        #expect(map.layer == "fc2" && map.rows == 2 && map.cols == 2)
        for (v, expected) in zip(map.values, [0.5, 2, 2, 0.5]) { #expect(abs(v - expected) < 1e-5) }
    }
}
