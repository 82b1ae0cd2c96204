import CKernels

/// The behavioural Conv2D forward without float transposes: quantise the NCHW input once to Int8
/// codes, im2col the codes (K × M, pixels contiguous, the layout the nibble panels are cut from),
/// LUT-GEMM into Y transposed (N × M), then rescale straight into NCHW. Bit-exact to the generic
/// `QuantisedEngine.gemm` path: the same codes, the same Int32 sums, the same Float expressions.
extension QuantisedEngine {
    /// y[n, o, :] = Float(Σ) · (Δx·Δw[o]) (+ bias[o]) for a groups = 1 convolution; output NCHW.
    /// `codeCols` is scratch storage for the Int8 columns, reused between calls when the size matches.
    /// Also returns whether x was exactly on the activation grid (then `Float(cols)·Δx` = im2col(x)).
    func convolve(x: [Float], geometry g: ConvGeometry, weight: [Float], outChannels: Int, bias: [Float]?,
                  codeCols cols: inout [Int8]) -> (y: [Float], onGrid: Bool) {
        let k = g.rows, m = g.columns
        let (codes, onGrid, wq, deltas) = PhaseClock.measure(.quantisation) { () -> ([Int8], Bool, [Int8], [Float]) in
            let (w, d) = weightCodes(weight, k: k, outs: outChannels)
            let (c, grid) = Quantising.codesAndGrid(x, delta: activationDelta)
            return (c, grid, w, d)
        }
        PhaseClock.measure(.im2col) { g.im2col(codes, into: &cols) }
        let acc: [Int32]
        do {
            acc = try PhaseClock.measure(.forwardGEMM) {
                try LUTGemm.fastTransposed(xT: cols, w: wq, m: m, k: k, n: outChannels, plan: plan)
            }
        } catch {
            preconditionFailure("QuantisedEngine.convolve: \(error)")
        }
        let y = PhaseClock.measure(.quantisation) { rescale(acc, geometry: g, deltas: deltas, outChannels: outChannels, bias: bias) }
        return (y, onGrid)
    }

    /// y[n, o, q] = Float(accᵀ[o, n·P + q]) · (Δx·Δw[o]) (+ bias[o]), NCHW.
    func rescale(_ acc: [Int32], geometry g: ConvGeometry, deltas: [Float], outChannels: Int, bias: [Float]?) -> [Float] {
        let m = g.columns, p = g.outPixels
        var y = [Float].overwritten(count: m * outChannels)
        let scales = deltas.map { activationDelta * $0 }
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

    /// Weight codes as K × outs (from an [outs, K] weight) and the per-output steps.
    func weightCodes(_ w: [Float], k: Int, outs: Int) -> ([Int8], [Float]) {
        let deltas: [Float] = (0..<outs).map { o in
            weightDelta ?? Quantiser.delta(forRange: maxAbs(w[o * k..<(o + 1) * k]))
        }
        var wq = [Int8](repeating: 0, count: k * outs)
        for o in 0..<outs {
            let d = deltas[o]
            for q in 0..<k { wq[q * outs + o] = Quantiser.code(w[o * k + q], delta: d) }
        }
        return (wq, deltas)
    }
}

/// Vectorised eq.-(1) codes of whole buffers (AVX2 when available), split over 2 cores.
enum Quantising {
    static func codes(_ x: [Float], delta: Float, allowAVX2: Bool = true) -> [Int8] {
        codesAndGrid(x, delta: delta, allowAVX2: allowAVX2).codes
    }

    /// The codes, and whether every x is exactly (bitwise) `Float(code) · delta`, i.e. already
    /// fake-quantised: then `floats(codes)` rebuilds x bit for bit.
    static func codesAndGrid(_ x: [Float], delta: Float, allowAVX2: Bool = true) -> (codes: [Int8], onGrid: Bool) {
        var out = [Int8].overwritten(count: x.count)
        var off = [Int](repeating: 0, count: 2)
        let avx2 = allowAVX2 && LUTGemm.hasAVX2
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { op in
                off.withUnsafeMutableBufferPointer { fp in
                    guard let xs = xp.baseAddress, let os = op.baseAddress, let fs = fp.baseAddress else { return }
                    let ctx = UnsafeSendable((xs, os, fs)), count = x.count
                    Parallel.halves(count, minimum: 1 << 16) { part, lo, hi in
                        let (src, dst, offs) = ctx.value
                        offs[part] = avx2 ? ck_quantise_avx2(src + lo, hi - lo, delta, dst + lo)
                            : ck_quantise_scalar(src + lo, hi - lo, delta, dst + lo)
                    }
                }
            }
        }
        return (out, off[0] + off[1] == 0)
    }

    /// out[i] = Float(codes[i]) · delta (`Quantiser.quantise` of an on-grid value), into reused storage.
    static func floats(_ codes: [Int8], delta: Float, into out: inout [Float]) {
        if out.count != codes.count { out = .overwritten(count: codes.count) }
        codes.withUnsafeBufferPointer { cp in
            out.withUnsafeMutableBufferPointer { op in
                guard let cs = cp.baseAddress, let os = op.baseAddress else { return }
                let ctx = UnsafeSendable((cs, os)), count = codes.count
                Parallel.halves(count, minimum: 1 << 16) { _, lo, hi in
                    let (src, dst) = ctx.value
                    ck_codes_to_f32(src + lo, hi - lo, delta, dst + lo)
                }
            }
        }
    }
}
