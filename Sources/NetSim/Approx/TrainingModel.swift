/// How an approximated layer behaves in training-mode forward passes (evaluation is always
/// the behavioural simulation).
public enum TrainingModel: Sendable {
    /// Behavioural simulation through the multiplier table; STE gradient of the exact layer (eq. 13).
    case behavioural
    /// Exact quantised output plus the neuron-wise error Ξ (eqs. 12 and 15).
    case errorModel(ErrorInjection.Coefficients)
    /// Exact quantised layer on W ⊙ Err, Err ~ N(1, σ) (eq. 16); `fresh` draws Err every step.
    case baseline(sigma: Float, fresh: Bool)
    /// Exact quantised output plus white Gaussian noise at `snrDB` relative to the output power.
    case awgn(snrDB: Double)
    /// The exact quantised layer only (quantisation-aware training with fake quantisation).
    case exact
}

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
