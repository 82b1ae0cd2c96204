import CKernels

/// Geometry of a 2-D convolution or pooling window over an NCHW batch, plus the im2col /
/// col2im transforms used to turn convolutions into GEMMs.
///
/// Column layout: a [C·KH·KW, N·OH·OW] row-major matrix; row = (c·KH + kh)·KW + kw,
/// column = n·OH·OW + oh·OW + ow. Out-of-image (padding) taps are zero. Tap (kh, kw) of output
/// (oh, ow) reads input (oh·stride − pads.top + kh·dilation, ow·stride − pads.left + kw·dilation).
struct ConvGeometry: Sendable, Equatable {
    var batch: Int, channels: Int, height: Int, width: Int
    var kernelH: Int, kernelW: Int, stride: Int
    var pads: Pads
    var dilation: Int

    init(batch: Int, channels: Int, height: Int, width: Int, kernelH: Int, kernelW: Int, stride: Int,
         pads: Pads, dilation: Int = 1) {
        (self.batch, self.channels, self.height, self.width) = (batch, channels, height, width)
        (self.kernelH, self.kernelW, self.stride, self.pads, self.dilation) = (kernelH, kernelW, stride, pads, dilation)
    }

    /// Equal padding on all sides, no dilation.
    init(batch: Int, channels: Int, height: Int, width: Int, kernelH: Int, kernelW: Int, stride: Int, padding: Int) {
        self.init(batch: batch, channels: channels, height: height, width: width, kernelH: kernelH, kernelW: kernelW,
                  stride: stride, pads: Pads(padding))
    }

    /// The window's span in input pixels: (k − 1)·dilation + 1.
    static func extent(_ kernel: Int, dilation: Int) -> Int { (kernel - 1) * dilation + 1 }

    var outH: Int { (height + pads.top + pads.bottom - Self.extent(kernelH, dilation: dilation)) / stride + 1 }
    var outW: Int { (width + pads.left + pads.right - Self.extent(kernelW, dilation: dilation)) / stride + 1 }
    var outPixels: Int { outH * outW }
    var columns: Int { batch * outPixels }
    var rows: Int { channels * kernelH * kernelW }

    /// Lays out `x` (NCHW) as columns; parallel over (image, channel).
    func im2col(_ x: [Float]) -> [Float] {
        var cols: [Float] = []
        im2col(x, into: &cols)
        return cols
    }

    /// `im2col` into `cols`, reusing its storage when it already has the right size (every
    /// element is written, padding included, so no clearing pass is needed).
    func im2col(_ x: [Float], into cols: inout [Float]) {
        im2col(x, into: &cols, zero: 0, plane: ck_im2col_plane_f32)
    }

    /// `im2col` of Int8 codes (the behavioural forward's LUT-GEMM operand), into reused storage; at
    /// level avx512 with masked vector rows (`ck_im2col_plane_i8_avx512`, the same bytes).
    func im2col(_ x: [Int8], into cols: inout [Int8], isa: KernelISA = .current) {
        im2col(x, into: &cols, zero: 0, plane: min(isa, KernelISA.detected) == .avx512 ? ck_im2col_plane_i8_avx512 : ck_im2col_plane_i8)
    }

    private typealias PlaneBody<T> = (UnsafePointer<T>?, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32,
                                      Int32, UnsafeMutablePointer<T>?, Int) -> Void

    private func im2col<T>(_ x: [T], into cols: inout [T], zero: T, plane body: PlaneBody<T>) {
        Self.resize(&cols, to: rows * columns, zero: zero)
        let (c, h, w, oh, ow, p) = (channels, height, width, outH, outW, outPixels)
        let (kh, kw, ncol) = (kernelH, kernelW, columns)
        let args = (Int32(h), Int32(w), Int32(kh), Int32(kw), Int32(stride), Int32(dilation), Int32(pads.top),
                    Int32(pads.left), Int32(oh), Int32(ow))
        x.withUnsafeBufferPointer { xs in
            cols.withUnsafeMutableBufferPointer { cs in
                guard let src = xs.baseAddress, let base = cs.baseAddress else { return }
                let ctx = UnsafeSendable((src, base))
                Parallel.forEach(batch * c, minItemsPerChunk: 4) { item in
                    let n = item / c, ch = item % c
                    let (s, d) = ctx.value
                    body(s + (n * c + ch) * h * w, args.0, args.1, args.2, args.3, args.4, args.5, args.6, args.7,
                         args.8, args.9, d + ch * kh * kw * ncol + n * p, ncol)
                }
            }
        }
    }

    /// Makes `buffer` hold `count` elements, keeping its storage: a smaller batch (the last one of a
    /// pass) drops the tail without reallocating, and only growth writes new elements. The contents
    /// are left as they were (callers overwrite every element).
    static func resize<T>(_ buffer: inout [T], to count: Int, zero: T) {
        if buffer.count > count {
            buffer.removeLast(buffer.count - count)
        } else if buffer.count < count {
            buffer.reserveCapacity(count)
            buffer.append(contentsOf: repeatElement(zero, count: count - buffer.count))
        }
    }

    /// Adds columns back into an NCHW tensor (the adjoint of `im2col`); parallel over (image, channel).
    func col2im(_ cols: [Float]) -> [Float] {
        var x = [Float](repeating: 0, count: batch * channels * height * width)
        let (c, h, w, p) = (channels, height, width, outPixels)
        let (kh, kw, ncol) = (kernelH, kernelW, columns)
        let args = (Int32(h), Int32(w), Int32(kh), Int32(kw), Int32(stride), Int32(dilation), Int32(pads.top),
                    Int32(pads.left), Int32(outH), Int32(outW))
        cols.withUnsafeBufferPointer { cs in
            x.withUnsafeMutableBufferPointer { xs in
                guard let src = cs.baseAddress, let dst = xs.baseAddress else { return }
                let ctx = UnsafeSendable((src, dst))
                Parallel.forEach(batch * c, minItemsPerChunk: 4) { item in
                    let n = item / c, ch = item % c
                    let (s, d) = ctx.value
                    ck_col2im_plane_f32(s + ch * kh * kw * ncol + n * p, ncol, args.0, args.1, args.2, args.3,
                                        args.4, args.5, args.6, args.7, args.8, args.9, d + (n * c + ch) * h * w)
                }
            }
        }
        return x
    }
}

/// Transposes between NCHW [N, C, P] and channel-major [C, N·P] layouts.
enum ChannelMajor {
    static func fromNCHW(_ x: [Float], batch: Int, channels: Int, pixels: Int) -> [Float] {
        permute(x, batch: batch, channels: channels, pixels: pixels, toChannelMajor: true)
    }

    static func toNCHW(_ x: [Float], batch: Int, channels: Int, pixels: Int) -> [Float] {
        permute(x, batch: batch, channels: channels, pixels: pixels, toChannelMajor: false)
    }

    /// Moves whole planes of `pixels` contiguous values (one copy each), parallel over channels.
    private static func permute(_ x: [Float], batch: Int, channels: Int, pixels: Int, toChannelMajor: Bool) -> [Float] {
        precondition(batch * channels * pixels == x.count, "ChannelMajor: \(x.count) values for \(batch)×\(channels)×\(pixels)")
        var out = [Float].overwritten(count: x.count)
        x.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { os in
                guard let src = xs.baseAddress, let dst = os.baseAddress else { return }
                let ctx = UnsafeSendable((src, dst))
                Parallel.forEach(channels, minItemsPerChunk: 2) { c in
                    let (s, d) = ctx.value
                    for n in 0..<batch {
                        let cm = (c * batch + n) * pixels, nchw = (n * channels + c) * pixels
                        if toChannelMajor {
                            (d + cm).update(from: s + nchw, count: pixels)
                        } else {
                            (d + nchw).update(from: s + cm, count: pixels)
                        }
                    }
                }
            }
        }
        return out
    }
}
