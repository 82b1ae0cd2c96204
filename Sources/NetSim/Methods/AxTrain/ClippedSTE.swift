/// AxTrain-pas's clipped straight-through estimator (He et al., eq. 12): the gradient crosses an
/// approximate operator unchanged where |grad_out| < 1 and is zeroed elsewhere.
public enum ClippedSTE {
    /// grad_in = grad_out · 1{|grad_out| < 1}, element-wise.
    public static func mask(_ gradOut: Tensor) -> Tensor {
        var g = gradOut
        for i in g.data.indices where !(abs(g.data[i]) < 1) { g.data[i] = 0 }
        return g
    }
}
