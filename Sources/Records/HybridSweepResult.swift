import Foundation

/// A requested multiplier error in the sense of Hammad & El-Sankary: the weights are multiplied
/// elementwise by Err = 1 + δ, and `mre` = E|δ|, `sd` = std(δ) (both fractions, 0.012 = 1.2 %).
public struct ErrorSpec: Sendable, Codable, Equatable {
    public var mre: Double
    public var sd: Double

    public init(mre: Double, sd: Double) {
        (self.mre, self.sd) = (mre, sd)
    }
}

/// One error setting's row of the sweep (the paper's Tables II and III in one).
public struct HybridSweepEntry: Sendable, Codable, Equatable {
    public init(label: String, requested: ErrorSpec, realised: ErrorSpec, approxAccuracy: Double, switchEpoch: Int,
                exactEpochs: Int, accuracy: Double, utilisation: Double, tried: [HybridTrial]) {
        (self.label, self.requested, self.realised, self.approxAccuracy) = (label, requested, realised, approxAccuracy)
        (self.switchEpoch, self.exactEpochs, self.accuracy, self.utilisation, self.tried) = (switchEpoch, exactEpochs, accuracy, utilisation, tried)
    }

    public var label: String
    public var requested: ErrorSpec
    /// Mean over layers of the realised E|δ| and std(δ).
    public var realised: ErrorSpec
    /// Accuracy with every epoch approximate (Table II).
    public var approxAccuracy: Double
    /// Smallest exact tail found within tolerance: N approximate epochs, then exact.
    public var switchEpoch: Int
    public var exactEpochs: Int
    public var accuracy: Double
    /// N / total (Table III's "approximate multiplier utilisation").
    public var utilisation: Double
    /// Every switch epoch tried, with its final accuracy.
    public var tried: [HybridTrial]

    enum CodingKeys: String, CodingKey {
        case label, requested, realised, approxAccuracy = "approx_accuracy", switchEpoch = "switch_epoch"
        case exactEpochs = "exact_epochs", accuracy, utilisation, tried
    }
}

/// One switch epoch tried by the sweep.
public struct HybridTrial: Sendable, Codable, Equatable {
    public init(switchEpoch: Int, accuracy: Double) { (self.switchEpoch, self.accuracy) = (switchEpoch, accuracy) }

    public var switchEpoch: Int
    public var accuracy: Double
    enum CodingKeys: String, CodingKey { case switchEpoch = "switch_epoch", accuracy }
}

/// What `axmul hybrid --sweep` writes to `hybrid.json`.
public struct HybridSweepResult: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("hybrid-sweep", version: 1)

    public init(epochs: Int, tolerance: Double, baselineAccuracy: Double, entries: [HybridSweepEntry]) {
        (self.epochs, self.tolerance, self.baselineAccuracy, self.entries) = (epochs, tolerance, baselineAccuracy, entries)
    }

    public var epochs: Int
    public var tolerance: Double
    public var baselineAccuracy: Double
    public var entries: [HybridSweepEntry]

    enum CodingKeys: String, CodingKey {
        case epochs, tolerance, baselineAccuracy = "baseline_accuracy", entries
    }
}
