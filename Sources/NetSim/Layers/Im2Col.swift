/// Geometry of a 2-D convolution or pooling window over an NCHW batch, plus the im2col /
/// col2im transforms used to turn convolutions into GEMMs.
///
/// Column layout: a [C·KH·KW, N·OH·OW] row-major matrix; row = (c·KH + kh)·KW + kw,
/// column = n·OH·OW + oh·OW + ow. Out-of-image (padding) taps are zero.
struct ConvGeometry: Sendable, Equatable {
    var batch: Int, channels: Int, height: Int, width: Int
    var kernelH: Int, kernelW: Int, stride: Int, padding: Int

    var outH: Int { (height + 2 * padding - kernelH) / stride + 1 }
    var outW: Int { (width + 2 * padding - kernelW) / stride + 1 }
    var outPixels: Int { outH * outW }
    var columns: Int { batch * outPixels }
    var rows: Int { channels * kernelH * kernelW }

    /// Output columns ox in lo..<hi whose input column ox·stride − padding + k lies inside the image.
    func validRange(k: Int, size: Int, out: Int) -> (Int, Int) {
        let lo = max(0, (padding - k + stride - 1) / stride)
        let last = size - 1 + padding - k
        let hi = last < 0 ? 0 : min(out, last / stride + 1)
        return (lo, max(lo, hi))
    }

    /// Lays out `x` (NCHW) as columns; parallel over (image, channel).
    func im2col(_ x: [Float]) -> [Float] {
        var cols = [Float](repeating: 0, count: rows * columns)
        let (c, h, w, oh, ow, p) = (channels, height, width, outH, outW, outPixels)
        let (kh, kw, s, pad, ncol) = (kernelH, kernelW, stride, padding, columns)
        x.withUnsafeBufferPointer { xs in
            cols.withUnsafeMutableBufferPointer { cs in
                let src = xs.baseAddress!, dst = SendablePointer(base: cs.baseAddress!)
                Parallel.forEach(batch * c, minItemsPerChunk: 4) { item in
                    let n = item / c, ch = item % c
                    let plane = src + (n * c + ch) * h * w
                    for ky in 0..<kh {
                        for kx in 0..<kw {
                            let row = (ch * kh + ky) * kw + kx
                            let base = row * ncol + n * p
                            let (lo, hi) = validRange(k: kx, size: w, out: ow)
                            for oy in 0..<oh {
                                let iy = oy * s - pad + ky
                                if iy < 0 || iy >= h || lo >= hi { continue }
                                let d = base + oy * ow, from = iy * w - pad + kx
                                for ox in lo..<hi { dst[d + ox] = plane[from + ox * s] }
                            }
                        }
                    }
                }
            }
        }
        return cols
    }

    /// Adds columns back into an NCHW tensor (the adjoint of `im2col`); parallel over (image, channel).
    func col2im(_ cols: [Float]) -> [Float] {
        var x = [Float](repeating: 0, count: batch * channels * height * width)
        let (c, h, w, oh, ow, p) = (channels, height, width, outH, outW, outPixels)
        let (kh, kw, s, pad, ncol) = (kernelH, kernelW, stride, padding, columns)
        cols.withUnsafeBufferPointer { cs in
            x.withUnsafeMutableBufferPointer { xs in
                let src = cs.baseAddress!, dst = SendablePointer(base: xs.baseAddress!)
                Parallel.forEach(batch * c, minItemsPerChunk: 4) { item in
                    let n = item / c, ch = item % c
                    let plane = (n * c + ch) * h * w
                    for ky in 0..<kh {
                        for kx in 0..<kw {
                            let base = ((ch * kh + ky) * kw + kx) * ncol + n * p
                            let (lo, hi) = validRange(k: kx, size: w, out: ow)
                            for oy in 0..<oh {
                                let iy = oy * s - pad + ky
                                if iy < 0 || iy >= h || lo >= hi { continue }
                                let d = plane + iy * w - pad + kx, b = base + oy * ow
                                for ox in lo..<hi { dst[d + ox * s] += src[b + ox] }
                            }
                        }
                    }
                }
            }
        }
        return x
    }
}

/// Transposes between NCHW [N, C, P] and channel-major [C, N·P] layouts.
enum ChannelMajor {
    static func fromNCHW(_ x: [Float], batch: Int, channels: Int, pixels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { os in
                let src = xs.baseAddress!, dst = SendablePointer(base: os.baseAddress!)
                Parallel.forEach(channels, minItemsPerChunk: 2) { c in
                    for n in 0..<batch {
                        for q in 0..<pixels { dst[c * batch * pixels + n * pixels + q] = src[(n * channels + c) * pixels + q] }
                    }
                }
            }
        }
        return out
    }

    static func toNCHW(_ x: [Float], batch: Int, channels: Int, pixels: Int) -> [Float] {
        var out = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { os in
                let src = xs.baseAddress!, dst = SendablePointer(base: os.baseAddress!)
                Parallel.forEach(channels, minItemsPerChunk: 2) { c in
                    for n in 0..<batch {
                        for q in 0..<pixels { dst[(n * channels + c) * pixels + q] = src[c * batch * pixels + n * pixels + q] }
                    }
                }
            }
        }
        return out
    }
}
