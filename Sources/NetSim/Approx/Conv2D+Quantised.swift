/// Conv2D on 8-bit codes without float transposes: the input's codes are cut into Int8 columns
/// (K × M, pixels contiguous, the layout the kernels' panels are cut from), each group's product
/// runs through `LUTGemm.fastTransposed` into Yᵀ (N × M), and the rescale writes NCHW directly.
/// The float columns kept for backward are `Float(code)·Δx`, bitwise the im2col of Zq. Inference
/// (`keepInput` false) runs the batch in slices of images whose columns fit in cache.
extension Conv2D: QuantisableLayer {
    public mutating func forward(_ x: QuantisedInput, weight: [Float], scale: QuantScale, engine: QuantisedEngine,
                                 scratch codeCols: inout [Int8], keepInput: Bool) -> Tensor {
        precondition(x.shape.count == 4 && x.shape[1] == inChannels, "\(name): input \(x.shape)")
        geometry = geometry(batch: x.shape[0], Array(x.shape.dropFirst()))
        let g = geometry, k = g.rows / groups, og = outChannels / groups
        let wq = PhaseClock.measure(.quantisation) {
            (0..<groups).map { grp in scale.codesTransposed(weight, rows: grp * og..<(grp + 1) * og, k: k) }
        }
        let scales = (0..<outChannels).map { x.delta * scale.delta(channel: $0) }
        let bias = hasBias ? parameters[1].value.data : nil
        var y = [Float].overwritten(count: g.columns * outChannels)   // every image is written by its slice
        // Training keeps the whole batch's columns for backward; inference cuts the batch into slices of
        // images whose code columns stay in cache (integer sums are exact, so the result is the same).
        let perSlice = keepInput ? g.batch : Self.imagesPerSlice(rows: g.rows, pixels: g.outPixels)
        let imageSize = x.codes.count / max(g.batch, 1)
        for n0 in Swift.stride(from: 0, to: g.batch, by: max(perSlice, 1)) {
            let n1 = min(n0 + perSlice, g.batch)
            var sg = g
            sg.batch = n1 - n0
            let codes = n1 - n0 == g.batch ? x.codes : Array(x.codes[n0 * imageSize..<n1 * imageSize])
            PhaseClock.measure(.im2col) { sg.im2col(codes, into: &codeCols) }
            let m = sg.columns, cols8 = codeCols
            func group(_ grp: Int) -> [Int32] {
                let xT = groups == 1 ? cols8 : Array(cols8[grp * k * m..<(grp + 1) * k * m])
                return engine.productTransposed(xT: xT, w: wq[grp], m: m, k: k, n: og)
            }
            let acc = groups == 1 ? group(0) : (0..<groups).flatMap(group)
            PhaseClock.measure(.quantisation) {
                Self.rescale(acc, geometry: sg, scales: scales, bias: bias, into: &y, firstImage: n0)
            }
        }
        if keepInput { PhaseClock.measure(.im2col) { Quantising.floats(codeCols, delta: x.delta, into: &cols) } }
        return Tensor(shape: [g.batch, outChannels, g.outH, g.outW], data: y)
    }

    /// Images per inference slice: code columns of at most 512 KB (about half of a core's L2), at least one image.
    static func imagesPerSlice(rows: Int, pixels: Int) -> Int {
        max(1, (1 << 19) / max(rows * pixels, 1))
    }

    /// y[n0 + n, o, q] = Float(accᵀ[o, n·P + q]) · scales[o] (+ bias[o]) for the g.batch images of
    /// `acc` (NCHW), written into `y` from image `firstImage` on.
    static func rescale(_ acc: [Int32], geometry g: ConvGeometry, scales: [Float], bias: [Float]?,
                        into y: inout [Float], firstImage: Int) {
        let m = g.columns, p = g.outPixels, outChannels = scales.count
        acc.withUnsafeBufferPointer { ap in
            y.withUnsafeMutableBufferPointer { yp in
                guard let src = ap.baseAddress, let dst = yp.baseAddress else { return }
                let ctx = UnsafeSendable((src, dst + firstImage * outChannels * p))
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
    }
}
