import CKernels

/// A layer input quantised once by eq. (1): its Int8 codes and step, and the clipped
/// straight-through mask (the input lay inside [−128Δ, 127Δ]).
///
/// This is the one home of the activation quantiser and its STE: the 8-bit product reads `codes`,
/// float layers read `values` (Zq = code·Δ, bitwise `Quantiser.quantise`), and backward passes
/// the gradient through `maskGradient` (zero where the input was outside the range, or NaN).
public struct QuantisedInput: Sendable {
    public var shape: [Int]
    public var codes: [Int8]
    public var delta: Float
    /// 1 where the input was inside the quantiser's range, else 0.
    public var inRange: [UInt8]

    /// Codes and mask of `x` in one vectorised pass (AVX2 when available), split over the workers.
    public init(_ x: Tensor, delta: Float, allowAVX2: Bool = true) {
        shape = x.shape
        self.delta = delta
        let lo = Float(Quantiser.qMin) * delta, hi = Float(Quantiser.qMax) * delta
        var codes = [Int8].overwritten(count: x.count), mask = [UInt8].overwritten(count: x.count)
        let avx2 = allowAVX2 && LUTGemm.hasAVX2
        x.data.withUnsafeBufferPointer { xp in
            codes.withUnsafeMutableBufferPointer { cp in
                mask.withUnsafeMutableBufferPointer { mp in
                    guard let xs = xp.baseAddress, let cs = cp.baseAddress, let ms = mp.baseAddress else { return }
                    let ctx = UnsafeSendable((xs, cs, ms))
                    Parallel.ranges(x.count, grain: 1 << 15) { _, a, end in
                        let (s, c, m) = ctx.value
                        if avx2 {
                            ck_quantise_mask_avx2(s + a, end - a, delta, lo, hi, c + a, m + a)
                        } else {
                            ck_quantise_mask_scalar(s + a, end - a, delta, lo, hi, c + a, m + a)
                        }
                    }
                }
            }
        }
        self.codes = codes
        inRange = mask
    }

    /// The quantised values Zq = code·Δ (eq. 1).
    public var values: Tensor {
        var out: [Float] = []
        Quantising.floats(codes, delta: delta, into: &out)
        return Tensor(shape: shape, data: out)
    }

    /// The clipped straight-through estimator: `grad` zeroed where the input was out of range.
    public func maskGradient(_ grad: inout Tensor) {
        precondition(grad.count == inRange.count, "QuantisedInput: gradient \(grad.shape) for input \(shape)")
        PhaseClock.measure(.quantisation) {
            grad.data.withUnsafeMutableBufferPointer { d in
                inRange.withUnsafeBufferPointer { m in
                    if let db = d.baseAddress, let mb = m.baseAddress { ck_mask_zero(db, d.count, mb) }
                }
            }
        }
    }
}
