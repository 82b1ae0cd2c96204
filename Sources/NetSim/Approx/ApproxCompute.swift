/// What an `ApproxLayer` computes in its forward pass.
public enum ApproxCompute: Sendable, Equatable {
    /// The wrapped float layer, unquantised.
    case float
    /// Float forward while recording input ranges for calibration.
    case calibrating
    /// 8-bit operands through the exact multiplier.
    case exact
    /// 8-bit operands through the layer's approximate multiplier (behavioural simulation).
    case approximate
}
