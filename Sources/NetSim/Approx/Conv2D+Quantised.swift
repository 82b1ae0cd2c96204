/// Conv2D on 8-bit codes without float transposes: the input's codes are cut into Int8 columns
/// (K × M, pixels contiguous, the layout the kernels' panels are cut from), each group's product
/// runs through `LUTGemm.fastTransposed` into Yᵀ (N × M), and the rescale writes NCHW directly.
/// The float columns kept for backward are `Float(code)·Δx`, bitwise the im2col of Zq (skipped when
/// `keepInput` is false: inference only).
extension Conv2D: QuantisableLayer {
    public mutating func forward(_ x: QuantisedInput, weight: [Float], scale: QuantScale, engine: QuantisedEngine,
                                 scratch codeCols: inout [Int8], keepInput: Bool) -> Tensor {
        precondition(x.shape.count == 4 && x.shape[1] == inChannels, "\(name): input \(x.shape)")
        geometry = geometry(batch: x.shape[0], Array(x.shape.dropFirst()))
        let g = geometry, k = g.rows / groups, m = g.columns, og = outChannels / groups
        PhaseClock.measure(.im2col) { g.im2col(x.codes, into: &codeCols) }
        let cols8 = codeCols
        func group(_ grp: Int) -> [Int32] {
            let wq = PhaseClock.measure(.quantisation) {
                scale.codesTransposed(weight, rows: grp * og..<(grp + 1) * og, k: k)
            }
            let xT = groups == 1 ? cols8 : Array(cols8[grp * k * m..<(grp + 1) * k * m])
            return engine.productTransposed(xT: xT, w: wq, m: m, k: k, n: og)
        }
        let acc = groups == 1 ? group(0) : (0..<groups).flatMap(group)
        let scales = (0..<outChannels).map { x.delta * scale.delta(channel: $0) }
        let y = PhaseClock.measure(.quantisation) {
            Self.rescale(acc, geometry: g, scales: scales, bias: hasBias ? parameters[1].value.data : nil)
        }
        if keepInput { PhaseClock.measure(.im2col) { Quantising.floats(codeCols, delta: x.delta, into: &cols) } }
        return Tensor(shape: [g.batch, outChannels, g.outH, g.outW], data: y)
    }

    /// y[n, o, q] = Float(accᵀ[o, n·P + q]) · scales[o] (+ bias[o]), NCHW.
    static func rescale(_ acc: [Int32], geometry g: ConvGeometry, scales: [Float], bias: [Float]?) -> [Float] {
        let m = g.columns, p = g.outPixels, outChannels = scales.count
        var y = [Float].overwritten(count: m * outChannels)
        acc.withUnsafeBufferPointer { ap in
            y.withUnsafeMutableBufferPointer { yp in
                guard let src = ap.baseAddress, let dst = yp.baseAddress else { return }
                let ctx = UnsafeSendable((src, dst))
                Parallel.forEach(outChannels, minItemsPerChunk: 1) { o in
                    let (a, out) = ctx.value
                    let s = scales[o], b = bias?[o]
                    for n in 0..<g.batch {
                        let from = a + o * m + n * p, to = out + (n * outChannels + o) * p
                        if let b {
                            for q in 0..<p { to[q] = Float(from[q]) * s + b }
                        } else {
                            for q in 0..<p { to[q] = Float(from[q]) * s }
                        }
                    }
                }
            }
        }
        return y
    }
}
