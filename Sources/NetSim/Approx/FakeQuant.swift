import CKernels

/// Fake quantisation with a straight-through estimator, for quantisation-aware training.
///
/// Forward applies eq. (1); backward passes the gradient unchanged where the input lies inside the
/// representable range [−128Δ, 127Δ] and zeroes it outside (the clipped STE).
public enum FakeQuant {
    /// Forward: Zq for every element with one step.
    public static func forward(_ x: [Float], delta: Float) -> [Float] {
        x.map { Quantiser.quantise($0, delta: delta) }
    }

    /// Backward: the STE mask applied to the upstream gradient.
    public static func backward(_ grad: [Float], input x: [Float], delta: Float) -> [Float] {
        precondition(grad.count == x.count, "FakeQuant.backward: \(grad.count) vs \(x.count)")
        let lo = Float(Quantiser.qMin) * delta, hi = Float(Quantiser.qMax) * delta
        var out = grad
        for i in 0..<x.count where !(x[i] >= lo && x[i] <= hi) { out[i] = 0 }
        return out
    }

    /// `forward` and the STE mask (1 inside [−128Δ, 127Δ], else 0) in one vectorised pass, 2 cores.
    static func forwardAndMask(_ x: [Float], delta: Float, allowAVX2: Bool = true) -> (xq: [Float], inRange: [UInt8]) {
        let lo = Float(Quantiser.qMin) * delta, hi = Float(Quantiser.qMax) * delta
        var xq = [Float].overwritten(count: x.count), mask = [UInt8].overwritten(count: x.count)
        let avx2 = allowAVX2 && LUTGemm.hasAVX2
        x.withUnsafeBufferPointer { xp in
            xq.withUnsafeMutableBufferPointer { qp in
                mask.withUnsafeMutableBufferPointer { mp in
                    guard let xs = xp.baseAddress, let qs = qp.baseAddress, let ms = mp.baseAddress else { return }
                    let ctx = UnsafeSendable((xs, qs, ms)), count = x.count
                    Parallel.halves(count, minimum: 1 << 16) { _, a, end in
                        let (s, q, m) = ctx.value
                        let n = end - a
                        if avx2 {
                            ck_fake_quant_avx2(s + a, n, delta, lo, hi, q + a, m + a)
                        } else {
                            ck_fake_quant_scalar(s + a, n, delta, lo, hi, q + a, m + a)
                        }
                    }
                }
            }
        }
        return (xq, mask)
    }
}
