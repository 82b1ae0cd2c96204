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
}
