/// Plain-loop definitions of the behavioural Dense and Conv2D layers: no im2col, no GEMM, one
/// table look-up per product. The fast path (`ApproxLayer` + `QuantisedEngine` + LUT-GEMM) must
/// agree with these bit for bit.
public enum BehaviouralReference {
    /// y[n, o] = Float(Σ_i P(xq[n, i], wq[o, i])) · (Δx·Δw[o]) + b[o].
    public static func dense(x: [Float], batch: Int, weight: [Float], bias: [Float], inputDelta: Float,
                             weightScale: QuantScale, table: SignedProductTable) -> [Float] {
        let out = bias.count, inF = weight.count / max(out, 1)
        let xq = Quantiser.codes(x, delta: inputDelta), wq = weightScale.codes(weight)
        var y = [Float](repeating: 0, count: batch * out)
        for n in 0..<batch {
            for o in 0..<out {
                var acc: Int32 = 0
                for i in 0..<inF { acc &+= table.product(xq[n * inF + i], wq[o * inF + i]) }
                y[n * out + o] = Float(acc) * (inputDelta * weightScale.delta(channel: o)) + bias[o]
            }
        }
        return y
    }

    /// Geometry of a reference convolution (NCHW): a kernel × kernelW kernel (square unless kernelW is
    /// given) with `padding` rows above and below and `paddingW` columns left and right (= padding unless given).
    public struct ConvShape: Sendable {
        public var batch: Int, inChannels: Int, height: Int, width: Int
        public var outChannels: Int, kernel: Int, kernelW: Int, stride: Int, padding: Int, paddingW: Int, groups: Int
        public init(batch: Int, inChannels: Int, height: Int, width: Int, outChannels: Int, kernel: Int, kernelW: Int? = nil,
                    stride: Int = 1, padding: Int = 0, paddingW: Int? = nil, groups: Int = 1) {
            (self.batch, self.inChannels, self.height, self.width) = (batch, inChannels, height, width)
            (self.outChannels, self.kernel, self.kernelW, self.stride) = (outChannels, kernel, kernelW ?? kernel, stride)
            (self.padding, self.paddingW, self.groups) = (padding, paddingW ?? padding, groups)
        }
        public var outH: Int { (height + 2 * padding - kernel) / stride + 1 }
        public var outW: Int { (width + 2 * paddingW - kernelW) / stride + 1 }
    }

    /// Direct convolution with zero padding and groups; output NCHW.
    public static func conv(x: [Float], shape s: ConvShape, weight: [Float], bias: [Float]?, inputDelta: Float,
                            weightScale: QuantScale, table: SignedProductTable) -> [Float] {
        let xq = Quantiser.codes(x, delta: inputDelta), wq = weightScale.codes(weight)
        let cg = s.inChannels / s.groups, og = s.outChannels / s.groups, kh = s.kernel, kw = s.kernelW
        var y = [Float](repeating: 0, count: s.batch * s.outChannels * s.outH * s.outW)
        for n in 0..<s.batch {
            for o in 0..<s.outChannels {
                let g = o / og
                for oy in 0..<s.outH {
                    for ox in 0..<s.outW {
                        var acc: Int32 = 0
                        for c in 0..<cg {
                            for ky in 0..<kh {
                                for kx in 0..<kw {
                                    let iy = oy * s.stride - s.padding + ky, ix = ox * s.stride - s.paddingW + kx
                                    guard iy >= 0, iy < s.height, ix >= 0, ix < s.width else { continue }
                                    let xv = xq[((n * s.inChannels + g * cg + c) * s.height + iy) * s.width + ix]
                                    acc &+= table.product(xv, wq[((o * cg + c) * kh + ky) * kw + kx])
                                }
                            }
                        }
                        let v = Float(acc) * (inputDelta * weightScale.delta(channel: o))
                        y[((n * s.outChannels + o) * s.outH + oy) * s.outW + ox] = v + (bias?[o] ?? 0)
                    }
                }
            }
        }
        return y
    }
}
