/// The retraining methods compared in the seed paper's section 5 (De la Parra et al., ASP-DAC 2021):
/// the `--method` of `axmul retrain` and the `method` of a `delaparra` experiment's methods. NetSim
/// holds what each method does (`RetrainConfig`, `Retrainer`).
public enum RetrainMethod: String, Sendable, Codable, CaseIterable {
    /// Behavioural simulation in the forward pass, straight-through gradient (eq. 13).
    case behavioural
    /// Exact quantised layers plus the neuron-wise error model (eqs. 12, 15).
    case errormodel
    /// "baseline-sd": exact quantised layers on W ⊙ Err with Err ~ N(1, σ) (eq. 16 as the paper
    /// states it: the multiplier's relative-error SD only, unbiased).
    case baseline
    /// The biased reading of eq. 16: Err ~ N(1 + m, σ), m the multiplier's mean signed relative
    /// error (`MultiplierProfile.relativeErrorMean`), so a biased multiplier's offset is modelled.
    case baselineMean = "baseline-mean"
    /// Exact quantised layers plus white Gaussian noise at an SNR.
    case awgn
}
