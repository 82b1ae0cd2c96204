/// The quantisation settings of a run, one value compared whole: how activations are calibrated (method,
/// batches and their size, drawn from the start of the training split), how weights are stepped, and
/// whether batch norms are folded first. `ApproxNetwork.QuantOptions` (a run's options: these settings
/// and the kernel path) and `QuantisationRecord` (a checkpoint's: these settings and its Δx) both hold
/// one, so a resume compares every setting, not a chosen few.
public struct QuantSpec: Sendable, Equatable, Codable {
    /// Activation calibration (`--calibration`).
    public var calibration: Calibrator.Method = .percentile(Calibrator.Method.defaultPercentile)
    /// Calibration batches and their size (`--calibration-batches`; 64).
    public var calibrationBatches = 4
    public var batchSize = 64
    /// One weight step per output channel instead of per tensor (`--weight-steps per-channel`).
    public var perChannelWeights = false
    /// Fold each BatchNorm into the Conv2D/Dense before it before quantisation (`--fold-bn`).
    public var foldBatchNorm = true

    public init() {}

    /// The command-line flags that give these settings (for messages).
    public var flags: String {
        "--calibration \(calibration.text) --\(foldBatchNorm ? "" : "no-")fold-bn --weight-steps \(perChannelWeights ? "per-channel" : "per-tensor") "
            + "--calibration-batches \(calibrationBatches)" + (batchSize == 64 ? "" : " (batch \(batchSize))")
    }
}
