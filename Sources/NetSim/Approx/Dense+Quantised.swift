/// Dense on 8-bit codes: the activations are GEMM operand A (M = batch, K = in, N = out).
extension Dense: QuantisableLayer {
    public mutating func forward(_ x: QuantisedInput, weight: [Float], scale: QuantScale, engine: QuantisedEngine,
                                 scratch: inout [Int8], keepInput: Bool) -> Tensor {
        precondition(x.codes.count == x.shape[0] * inFeatures, "\(name): input \(x.shape), expected \(inFeatures) features")
        let n = x.shape[0], out = outFeatures
        let wq = PhaseClock.measure(.quantisation) { scale.codesTransposed(weight, rows: 0..<out, k: inFeatures) }
        let acc = engine.product(x: x.codes, w: wq, m: n, k: inFeatures, n: out)
        var y = Tensor(shape: [n, out])
        for r in 0..<n {
            for o in 0..<out { y.data[r * out + o] = Float(acc[r * out + o]) * (x.delta * scale.delta(channel: o)) }
        }
        Self.addBias(parameters[1].value.data, to: &y)
        if keepInput { input = x.values }
        return y
    }
}
